import { z } from 'zod';

/** A page of a collection (product.md §4: `{ items, total, page, pageSize }`), for server and web alike. */
export function ZPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
