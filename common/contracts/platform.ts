import { z } from 'zod';
import type { UsccResult } from '../validators/uscc.js';

/** Response shapes of the platform routes (audit, calculators), shared by server and web. */

export const ZAuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string(),
  unit: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;

/** `GET /api/audit/verify` (server/kernel/audit/verify.ts names the problem kinds). */
export const ZAuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  lastSeq: z.number().nullable(),
  /** The marker row from which row hashes are keyed (HMAC-SHA256); earlier rows carry plain SHA-256. */
  keyedFromSeq: z.number().nullable(),
  /** Checkpoints of the chain head in the anchor file outside the database. */
  anchor: z.object({ checkpoints: z.number(), lastSeq: z.number().nullable(), lastAt: z.string().nullable() }),
  problems: z.array(z.object({ seq: z.number(), problem: z.string(), detail: z.string(), line: z.number().optional() })),
  /** Findings beyond the listed ones. */
  more: z.number(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;

/** `POST /api/calculators/usc-code`: the validator's result, its errors in words, and the 依据. */
export type TUsccCheck = UsccResult & { messages?: string[]; source: string };
