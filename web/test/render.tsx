import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n';

/** Sets the window to a phone's or desktop's size before rendering (matchMedia follows it in happy-dom). */
export function setViewport(width: number, height = 844): void {
  (window as unknown as { happyDOM: { setViewport: (v: { width: number; height: number }) => void } }).happyDOM.setViewport({ width, height });
}

/**
 * Renders `ui` inside what the app provides (i18n in zh-CN, antd App for messages, a fresh query
 * client, a router at `url`), returning Testing Library's queries, the query client and the router.
 */
export function renderKit(ui: ReactElement | (() => ReactNode), { url = '/', queryClient }: { url?: string; queryClient?: QueryClient } = {}) {
  const qc = queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const element = typeof ui === 'function' ? ui : () => ui;
  const Element = element as () => ReactNode;
  const router = createMemoryRouter([{ path: '*', element: <Element /> }], { initialEntries: [url] });
  const result = render(
    <I18nProvider>
      <ConfigProvider>
        <AntApp>
          <QueryClientProvider client={qc}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
  return { ...result, queryClient: qc, router };
}
