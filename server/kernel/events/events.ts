import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';

/**
 * Live updates for `GET /api/events` (Server-Sent Events). A change announces itself with pg_notify in
 * its own transaction, so the event exists only if the change committed and reaches every web process
 * (architecture.md §5: no in-memory state another process must see).
 */
export const EVENTS_CHANNEL = 'taihang_events';

export interface LiveEvent {
  type: string; // notification | accident | task …
  userIds: string[];
  entityType?: string;
  entityId?: string;
}

export async function announce(ex: Executor, event: LiveEvent): Promise<void> {
  // NOTIFY payloads are limited to 8000 bytes: ids only, the client fetches what it needs.
  await ex.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

type Listener = (e: LiveEvent) => void;

/** One LISTEN per process, fanned out to the SSE connections of that process by user. */
export class EventHub {
  private listeners = new Map<string, Set<Listener>>();
  private stop: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.stop = await database.listen(EVENTS_CHANNEL, (payload) => {
      let e: LiveEvent;
      try {
        e = JSON.parse(payload) as LiveEvent;
      } catch {
        return;
      }
      for (const u of e.userIds) for (const l of this.listeners.get(u) ?? []) l(e);
    });
  }

  subscribe(userId: string, l: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(l);
    this.listeners.set(userId, set);
    return () => {
      set.delete(l);
      if (!set.size) this.listeners.delete(userId);
    };
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.listeners.clear();
  }
}
