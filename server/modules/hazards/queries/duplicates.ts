import type { Ctx } from '../../../kernel/context.js';
import { presentDuplicate } from '../hazard.presenter.js';
import { openHazardsOf } from '../hazard.repository.js';

/** Character bigrams: Chinese text has no spaces, so words are not a usable unit. */
function bigrams(s: string): Map<string, number> {
  const t = s.replace(/[\s\p{P}]+/gu, '').toLowerCase();
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice similarity of two texts' bigram multisets, 0…1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}

const THRESHOLD = 0.55;
const SCAN = 500;

/**
 * Open hazards of the same enterprise that read almost the same (title and place weigh most): shown
 * while reporting so one leak is not filed five times. A hint only; the reporter decides.
 */
export async function findDuplicates(ctx: Ctx, input: { enterpriseId: string; title: string; description: string; location: string }) {
  if (!input.title && !input.description) return [];
  const open = await openHazardsOf(ctx.tx, ctx.scope, input.enterpriseId, SCAN);
  return open
    .map((h) => {
      // Weigh only the fields the reporter has filled in so far (the form asks while typing).
      const parts = [
        [0.45, input.title, h.title],
        [0.35, input.description, h.description],
        [0.2, input.location, h.location],
      ] as const;
      const used = parts.filter(([, a]) => a.trim());
      const weight = used.reduce((n, [w]) => n + w, 0);
      const score = used.reduce((n, [w, a, b]) => n + w * similarity(a, b), 0) / weight;
      return presentDuplicate(h, Math.round(score * 100) / 100);
    })
    .filter((h) => h.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}
