import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../errors.js';
import type { TSecuritySettings } from './security-settings.js';

// argon2id (the library's default algorithm) with OWASP's minimum: m=19 MiB, t=2, p=1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('taihang-dummy-password');
  return dummy;
}

export function checkPasswordPolicy(password: string, username: string, policy: TSecuritySettings, field = 'password'): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < policy.passwordMinLength) {
    errors.push({ field, code: 'password.length', params: { min: policy.passwordMinLength } });
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(password)).length;
  if (classes < policy.passwordClasses) {
    errors.push({ field, code: 'password.classes', params: { n: policy.passwordClasses } });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    errors.push({ field, code: 'password.username' });
  }
  return errors;
}
