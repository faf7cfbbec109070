import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts after each test only when the runner exposes globals; ours does not.
afterEach(() => cleanup());

// antd's async validation and animations are slow on a loaded CI machine: wait up to 5 s, not 1 s.
configure({ asyncUtilTimeout: 5000 });

// antd measures text and scrollbars through getComputedStyle with a pseudo-element, which happy-dom
// does not implement; the plain style is what the components need.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element) => getComputedStyle(el);
