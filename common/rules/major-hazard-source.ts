/**
 * Identification and grading of hazardous-chemical major hazard installations under GB 18218-2018
 * 《危险化学品重大危险源辨识》(regulations.md §6):
 * - 4.2 identification: S = Σ qi/Qi ≥ 1 → major hazard installation (q = actual, i.e. design maximum,
 *   quantity in t; Q = critical quantity of Table 1, or of Table 2 by hazard category).
 * - 4.3 grading: R = α · Σ βi·qi/Qi; β from Table 3 for the listed toxic gases, otherwise Table 4 by
 *   hazard category; α from Table 5 by the people resident within 500 m; grade by Table 6
 *   (一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10).
 */
import {
  CARBON_MONOXIDE,
  GB18218_TABLE1,
  GB18218_TABLE2,
  GB18218_TABLE3_BETA,
  GB18218_TABLE5,
  GB18218_TABLE6,
  type Gb18218Category,
  type Table1Entry,
  type Table2Entry,
} from './gb18218-tables.js';

export const MAJOR_HAZARD_SOURCE = 'GB 18218-2018《危险化学品重大危险源辨识》4.2 辨识（S=Σq/Q≥1）、4.3 分级（R=α·Σβq/Q，表3–表6）';

export type MajorHazardGrade = 1 | 2 | 3 | 4;

export interface SubstanceInput {
  cas?: string;
  name?: string;
  /** GB 18218 Table 2 category code, e.g. 'W5.3': alone for an unnamed chemical, or with a named one to set its β category. */
  category?: string;
  quantityTonnes: number;
}

export interface Term {
  /** Actual quantity q, t. */
  q: number;
  /** Critical quantity Q, t. */
  Q: number;
  beta: number;
  /** q / Q. */
  ratio: number;
  /** β · q / Q. */
  weighted: number;
  name: string;
  cas: string | null;
  category: Gb18218Category | null;
  /** Where Q came from: Table 1 (named), or Table 2 by category. */
  table: 1 | 2;
  /** Where β came from: Table 3 (toxic gas) or Table 4 by category. */
  betaTable: 3 | 4;
  /** Table 1 row number when named. */
  no: number | null;
}

export interface MajorHazardResult {
  S: number;
  isMajor: boolean;
  alpha: number;
  R: number;
  grade: MajorHazardGrade | null;
  gradeName: string | null;
  terms: Term[];
  source: string;
}

/** Names compare without spaces, with ASCII brackets and commas: '氯（液氯）' finds the same as '氯(液氯)'. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/［/g, '[').replace(/］/g, ']').toLowerCase();
}

const normCas = (s: string) => s.trim().replace(/[\s－–—]/g, '-');

export function categoryOf(code: string | undefined | null): Table2Entry | undefined {
  if (!code) return undefined;
  const c = code.trim().toUpperCase();
  return GB18218_TABLE2.find((t) => t.code === c);
}

/**
 * Table 1 rows for a CAS number or name (incl. aliases). Several rows may share a CAS or a base name
 * (硝化纤维素, 硝酸铵): a name narrows the CAS matches; otherwise the row with the smallest Q is
 * taken, the conservative reading.
 */
export function findNamed(input: { cas?: string; name?: string }): Table1Entry | undefined {
  const name = input.name ? normalizeName(input.name) : '';
  const cas = input.cas ? normCas(input.cas) : '';
  const byName = (t: Table1Entry) => name !== '' && [t.name, ...t.aliases].some((n) => normalizeName(n) === name);
  const byBaseName = (t: Table1Entry) => name !== '' && normalizeName(t.name).replace(/[([].*$/, '') === name;
  const pick = (rows: Table1Entry[]) => [...rows].sort((a, b) => a.Q - b.Q)[0];
  if (cas) {
    const rows = GB18218_TABLE1.filter((t) => t.cas.includes(cas));
    if (rows.length) return rows.find(byName) ?? pick(rows);
    if (!name) return undefined;
  }
  const exact = GB18218_TABLE1.filter(byName);
  if (exact.length) return pick(exact);
  const base = GB18218_TABLE1.filter(byBaseName);
  return base.length ? pick(base) : undefined;
}

const isCarbonMonoxide = (input: { cas?: string; name?: string }) =>
  (input.cas && CARBON_MONOXIDE.cas.includes(normCas(input.cas))) ||
  (input.name && [CARBON_MONOXIDE.name, ...CARBON_MONOXIDE.aliases].some((n) => normalizeName(n) === normalizeName(input.name as string)));

/** A substance resolved to its Q and β, or undefined when neither Table 1 nor a valid category applies. */
export function resolveSubstance(s: SubstanceInput): Omit<Term, 'q' | 'ratio' | 'weighted'> | undefined {
  const cat = categoryOf(s.category);
  if (s.category && !cat) return undefined;
  const named = s.cas || s.name ? findNamed(s) : undefined;
  if (named) {
    const t3 = GB18218_TABLE3_BETA.get(named.no);
    const betaCat = cat ?? categoryOf(named.category);
    return {
      Q: named.Q,
      beta: t3 ?? betaCat?.beta ?? 1,
      name: named.name,
      cas: named.cas[0] ?? null,
      category: t3 ? named.category : (betaCat?.code ?? named.category),
      table: 1,
      betaTable: t3 ? 3 : 4,
      no: named.no,
    };
  }
  if (isCarbonMonoxide(s)) {
    return {
      Q: CARBON_MONOXIDE.Q,
      beta: CARBON_MONOXIDE.beta,
      name: CARBON_MONOXIDE.name,
      cas: CARBON_MONOXIDE.cas[0] ?? null,
      category: CARBON_MONOXIDE.category,
      table: 2,
      betaTable: 3,
      no: null,
    };
  }
  if (cat) {
    return { Q: cat.Q, beta: cat.beta, name: s.name?.trim() || cat.zh, cas: s.cas?.trim() || null, category: cat.code, table: 2, betaTable: 4, no: null };
  }
  return undefined;
}

/** Indexes of substances that cannot be resolved (the caller reports `substances.N`). */
export function unresolvedSubstances(substances: SubstanceInput[]): number[] {
  return substances.flatMap((s, i) => (resolveSubstance(s) ? [] : [i]));
}

export function alphaOf(exposedPopulation: number): number {
  const row = GB18218_TABLE5.find((r) => exposedPopulation >= r.min);
  return row ? row.alpha : 0.5;
}

export function gradeOf(R: number): MajorHazardGrade {
  return (GB18218_TABLE6.find((r) => R >= r.min)?.grade ?? 4) as MajorHazardGrade;
}

export const GRADE_NAMES: Record<MajorHazardGrade, { zh: string; en: string }> = {
  1: { zh: '一级', en: 'Grade I' },
  2: { zh: '二级', en: 'Grade II' },
  3: { zh: '三级', en: 'Grade III' },
  4: { zh: '四级', en: 'Grade IV' },
};

/** Sums are rounded to 6 decimals before they are compared, so 1.6 + 3 + 0.6 is 5.2 and 9.9999999 is 10. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function assessMajorHazard(input: { exposedPopulation: number; substances: SubstanceInput[] }): MajorHazardResult {
  const terms: Term[] = input.substances.map((s, i) => {
    const r = resolveSubstance(s);
    if (!r) throw new RangeError(`substances.${i} is not in GB 18218 Table 1 and has no valid Table 2 category`);
    const ratio = round(s.quantityTonnes / r.Q);
    return { ...r, q: s.quantityTonnes, ratio, weighted: round(r.beta * ratio) };
  });
  const S = round(terms.reduce((sum, t) => sum + t.ratio, 0));
  const alpha = alphaOf(input.exposedPopulation);
  const R = round(alpha * terms.reduce((sum, t) => sum + t.weighted, 0));
  const isMajor = S >= 1;
  const grade = isMajor ? gradeOf(R) : null;
  return { S, isMajor, alpha, R, grade, gradeName: grade ? GRADE_NAMES[grade].zh : null, terms, source: MAJOR_HAZARD_SOURCE };
}

/** Search over both tables for the substance picker: Table 1 by name, alias or CAS, Table 2 by code or wording. */
export function searchSubstances(
  q: string,
  limit = 30,
): { kind: 'named' | 'category'; key: string; label: string; Q: number; cas: string | null; category: string }[] {
  const n = normalizeName(q);
  const named = GB18218_TABLE1.filter((t) => !n || [t.name, ...t.aliases, ...t.cas].some((x) => normalizeName(x).includes(n))).map((t) => ({
    kind: 'named' as const,
    key: `T1-${t.no}`,
    label: t.aliases.length ? `${t.name}（${t.aliases.join('、')}）` : t.name,
    Q: t.Q,
    cas: t.cas[0] ?? null,
    category: t.category,
  }));
  const cats = GB18218_TABLE2.filter((c) => !n || normalizeName(c.code).includes(n) || normalizeName(c.zh).includes(n)).map((c) => ({
    kind: 'category' as const,
    key: `T2-${c.code}`,
    label: `${c.code} ${c.zh}`,
    Q: c.Q,
    cas: null,
    category: c.code,
  }));
  return [...named, ...cats].slice(0, limit);
}
