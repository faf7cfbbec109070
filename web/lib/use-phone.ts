import { useSyncExternalStore } from 'react';

/** Phones: the width at and below which lists become cards (docs/web-kit.md). */
export const PHONE_QUERY = '(max-width: 576px)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(PHONE_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** True on a phone-width screen; read synchronously, so the first paint already has the right layout. */
export function usePhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
