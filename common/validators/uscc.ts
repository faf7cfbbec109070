/**
 * 统一社会信用代码 (Unified Social Credit Code) per GB 32100-2015.
 * Source: GB 32100-2015 §4–§5; algorithm re-verified in shared/reference/interop.md §6.1.
 */
export const USCC_SOURCE = 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Position 1 (registering authority) and 1–2 (entity class), GB 32100 Table 1 (partly UNVERIFIED). */
const AUTHORITIES: Record<string, { zh: string; en: string }> = {
  '1': { zh: '机构编制', en: 'Institutional establishment' },
  '5': { zh: '民政', en: 'Civil affairs' },
  '9': { zh: '市场监管（工商）', en: 'Market regulation' },
  Y: { zh: '其他', en: 'Other' },
};
const CLASSES: Record<string, { zh: string; en: string }> = {
  '11': { zh: '机关', en: 'Government organ' },
  '12': { zh: '事业单位', en: 'Public institution' },
  '13': { zh: '编办直管群众团体', en: 'Mass organisation' },
  '19': { zh: '其他', en: 'Other' },
  '51': { zh: '社会团体', en: 'Social organisation' },
  '52': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
  '53': { zh: '基金会', en: 'Foundation' },
  '59': { zh: '其他', en: 'Other' },
  '91': { zh: '企业', en: 'Enterprise' },
  '92': { zh: '个体工商户', en: 'Individual business' },
  '93': { zh: '农民专业合作社', en: "Farmers' cooperative" },
};

export type UsccError = 'required' | 'length' | 'charset' | 'format' | 'checksum';

export interface UsccResult {
  valid: boolean;
  normalized: string;
  errors: UsccError[];
  /** Expected check character, when the first 17 characters are well-formed. */
  expectedCheck?: string;
  /** GB 11714 organisation-code check of positions 9–17: a warning only (older codes fail it). */
  orgCodeWarning?: boolean;
  parts?: {
    authority: string;
    authorityName?: { zh: string; en: string };
    entityClass: string;
    entityClassName?: { zh: string; en: string };
    regionCode: string;
    subjectId: string;
    check: string;
  };
}

/** Trim, full-width → half-width, upper-case: codes are typed and pasted in many forms. */
export function normalizeUscc(input: string): string {
  return input
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters, or undefined if they use a character outside the set. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] as number);
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

function orgCodeCheckOk(subject: string): boolean {
  // GB 11714: digits = value, letters A–Z = 10–35; c = 11 − (Σ mod 11); 10 → X, 11 → 0.
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = subject[i] as string;
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return subject[8] === expected;
}

export function validateUscc(input: string | null | undefined): UsccResult {
  const normalized = normalizeUscc(input ?? '');
  if (!normalized) return { valid: false, normalized, errors: ['required'] };
  if (normalized.length !== 18) return { valid: false, normalized, errors: ['length'] };
  if ([...normalized].some((ch) => !ALPHABET.includes(ch))) return { valid: false, normalized, errors: ['charset'] };
  if (!FORMAT.test(normalized)) return { valid: false, normalized, errors: ['format'] };
  const expectedCheck = usccCheckChar(normalized.slice(0, 17));
  const check = normalized[17] as string;
  const subjectId = normalized.slice(8, 17);
  const parts = {
    authority: normalized[0] as string,
    authorityName: AUTHORITIES[normalized[0] as string],
    entityClass: normalized.slice(0, 2),
    entityClassName: CLASSES[normalized.slice(0, 2)],
    regionCode: normalized.slice(2, 8),
    subjectId,
    check,
  };
  const orgCodeWarning = /^[0-9A-Z]{8}[0-9X]$/.test(subjectId) ? !orgCodeCheckOk(subjectId) : true;
  const errors: UsccError[] = expectedCheck === check ? [] : ['checksum'];
  return { valid: errors.length === 0, normalized, errors, expectedCheck, orgCodeWarning, parts };
}

/** Builds a valid code from its first 17 characters (used by the demo generator and tests). */
export function completeUscc(first17: string): string {
  const c = usccCheckChar(first17);
  if (!c) throw new Error(`not a USCC prefix: ${first17}`);
  return first17 + c;
}
