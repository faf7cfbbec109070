import type { ChainRecipient } from '../../../../common/contracts/accidents.js';
import type { Executor } from '../../../db/client.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { lockAccident, lockReport } from '../accident.repository.js';

/** The accident through the scope, then its link to `recipient`, locked. */
export async function lockLink(ex: Executor, scope: Scope, accidentId: string, recipient: ChainRecipient) {
  const accident = await lockAccident(ex, scope, accidentId);
  const link = accident && (await lockReport(ex, accidentId, recipient));
  return link ? { accident, link } : undefined;
}
