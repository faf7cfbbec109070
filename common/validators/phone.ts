/** Mainland phone numbers (shared/reference/interop.md §6.3). */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const SERVICE = new Set(['110', '119', '120', '122', '12345', '12350']);

export function normalizePhone(input: string): string {
  return input
    .trim()
    .replace(/[\s()]/g, '')
    .replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

export function isValidPhone(input: string): boolean {
  const p = normalizePhone(input);
  return MOBILE.test(p) || LANDLINE.test(p) || SERVICE.has(p);
}
