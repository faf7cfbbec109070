import { createHash, randomInt, randomUUID } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import svgCaptcha from 'svg-captcha';
import type { Executor } from '../../db/client.js';
import { loginCaptcha } from '../kernel.schema.js';

/**
 * Image captcha for sign-in after failures (throttle.ts), drawn here as SVG: no outside service, works
 * on an isolated government network. The answer is kept only as a hash, expires, and is used once.
 */
const TTL_MS = 3 * 60_000;
const LENGTH = 4;
/** No 0/O, 1/I/l, 2/Z, 5/S, 8/B: letters people misread are left out. */
const ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';

// The package's default export draws a given text; its typings declare only create(), which uses Math.random.
const draw = svgCaptcha as unknown as (text: string, options: { width: number; height: number; noise: number; color: boolean; fontSize: number }) => string;

const hashAnswer = (id: string, answer: string) => createHash('sha256').update(`${id}:${answer.trim().toUpperCase()}`).digest('hex');

export function createCaptcha(ex: Executor, now: Date): Promise<{ id: string; image: string }> {
  let text = '';
  for (let i = 0; i < LENGTH; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return storeCaptcha(ex, now, text);
}

/** Stores and draws a captcha of the given text (tests call it directly to know the answer). */
export async function storeCaptcha(ex: Executor, now: Date, text: string): Promise<{ id: string; image: string }> {
  await ex.delete(loginCaptcha).where(lt(loginCaptcha.expiresAt, now));
  const id = randomUUID();
  await ex.insert(loginCaptcha).values({ id, answerHash: hashAnswer(id, text), expiresAt: new Date(now.getTime() + TTL_MS) });
  // Dark strokes on white (the coloured option draws at 55–75 % lightness, too faint to read).
  const svg = draw(text, { width: 132, height: 44, noise: 3, color: false, fontSize: 46 });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** True when the answer matches an unexpired captcha; the captcha is gone afterwards either way. */
export async function consumeCaptcha(ex: Executor, id: string, answer: string, now: Date): Promise<boolean> {
  const [row] = await ex.delete(loginCaptcha).where(eq(loginCaptcha.id, id)).returning();
  return !!row && row.expiresAt > now && row.answerHash === hashAnswer(id, answer);
}
