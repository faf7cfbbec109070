import { randomInt } from 'node:crypto';
import { dummyHash, hashPassword, verifyPassword } from '../../kernel/auth/password.js';

/**
 * Split knowledge for a password reset (docs/decisions/0005; GB/T 22239-2019 8.1.4.2 三权分立, the
 * two-person rule): the system administrator's reset draws half A, the security administrator's
 * release draws half B, the user signs in once with A + B and must then change it. The stored
 * verifier (the `password_hash` column) says which state the account is in; no half is kept in clear:
 *
 * - an argon2 hash: a normal password;
 * - `reset-pending|<resetter id>|<argon2(A)>`: nothing signs in (A alone is not a password);
 * - `split|<argon2(A)>|<argon2(B)>`: exactly A + B signs in.
 */
export const HALF_LENGTH = 8;
// No 0/O, 1/l/I: a half is read aloud or copied from a screen. 55 symbols, ~46 bits per half.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const PENDING = 'reset-pending';
const SPLIT = 'split';

export function drawHalf(): string {
  return Array.from({ length: HALF_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export type Verifier = { state: 'password' } | { state: 'resetPending'; resetBy: string; a: string } | { state: 'split'; a: string; b: string };

export function parseVerifier(stored: string): Verifier {
  const [tag, x, y] = stored.split('|');
  if (tag === PENDING && x && y) return { state: 'resetPending', resetBy: x, a: y };
  if (tag === SPLIT && x && y) return { state: 'split', a: x, b: y };
  return { state: 'password' };
}

/** The verifier after a reset: half A's hash and who reset (the release must come from someone else). */
export async function pendingVerifier(resetBy: string, halfA: string): Promise<string> {
  return `${PENDING}|${resetBy}|${await hashPassword(halfA)}`;
}

/** The verifier after the release: A's hash as stored at the reset, and B's. */
export async function splitVerifier(pending: Extract<Verifier, { state: 'resetPending' }>, halfB: string): Promise<string> {
  return `${SPLIT}|${pending.a}|${await hashPassword(halfB)}`;
}

/** Whether `password` opens the account's stored verifier (any of the three states). */
export async function verifyAccountPassword(stored: string, password: string): Promise<boolean> {
  const v = parseVerifier(stored);
  if (v.state === 'password') return verifyPassword(stored, password);
  if (v.state === 'resetPending') {
    await verifyPassword(await dummyHash(), password); // the same work as a wrong password
    return false;
  }
  const [a, b] = [password.slice(0, HALF_LENGTH), password.slice(HALF_LENGTH)];
  // Both halves are always checked, so the time does not tell which half was wrong.
  const [okA, okB] = await Promise.all([verifyPassword(v.a, a), verifyPassword(v.b, b)]);
  return password.length === 2 * HALF_LENGTH && okA && okB;
}

/** Who reset the account while its reset waits for half B; null otherwise (the account policy's fact). */
export function resetPendingBy(stored: string): string | null {
  const v = parseVerifier(stored);
  return v.state === 'resetPending' ? v.resetBy : null;
}
