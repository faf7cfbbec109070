/**
 * The tab's one connection to GET /api/events (Server-Sent Events), shared by every live hook: a page with
 * the live values and the 当前报警 panel would otherwise hold two, and browsers allow only six connections
 * per server over HTTP/1.1 across all tabs. Opened with the first subscriber, closed with the last; the
 * browser reconnects by itself.
 */
type Listener = (e: MessageEvent) => void;

let source: EventSource | null = null;
let subscribers = 0;
const listeners = new Map<string, Set<Listener>>();

/** Calls `fn` for each server event of the given types until the returned function is called. */
export function subscribeLive(types: readonly string[], fn: Listener): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  if (!source) source = new EventSource('/api/events', { withCredentials: true });
  const es = source;
  subscribers++;
  for (const type of types) {
    let set = listeners.get(type);
    if (!set) {
      const fresh = new Set<Listener>();
      es.addEventListener(type, (e) => {
        for (const l of fresh) l(e as MessageEvent);
      });
      listeners.set(type, fresh);
      set = fresh;
    }
    set.add(fn);
  }
  return () => {
    for (const type of types) listeners.get(type)?.delete(fn);
    if (--subscribers === 0) {
      es.close();
      source = null;
      listeners.clear();
    }
  };
}
