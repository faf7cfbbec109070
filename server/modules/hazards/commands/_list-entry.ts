import type { Executor } from '../../../db/client.js';
import { invalidField } from '../../../kernel/errors.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { hazardsByIds } from '../hazard.repository.js';

/**
 * 三年行动 制度措施清单 and 追责问责清单: entries a department keeps, each linked to the hazards it answers. A link must
 * name hazards the department's scope holds (an unknown or foreign id is a field error, not a silent drop).
 */
export async function checkLinks(ex: Executor, scope: Scope, ids: string[]) {
  const found = await hazardsByIds(ex, scope, ids);
  if (found.length !== new Set(ids).size) throw invalidField('hazardIds', 'invalid');
}
