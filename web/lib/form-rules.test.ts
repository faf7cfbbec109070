import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZReportHazard } from '../../common/contracts/hazards';
import { limitsOf, maxLengthOf, rulesFor } from './form-rules';

type R = { required?: boolean; max?: number; min?: number; pattern?: RegExp; message?: string; validator?: (r: unknown, v: unknown) => Promise<void> };

const Z = z.strictObject({
  title: z.string().trim().min(2).max(200),
  note: z.string().trim().max(2000).optional(),
  code: z.string().regex(/^[CH]\d{2}$/, { message: 'invalid_format' }),
  lng: z.number().min(73.4, { message: 'coordinates' }).max(135.1, { message: 'coordinates' }).nullable().optional(),
  count: z.number().int().min(0).max(10),
  plan: z.object({ deadline: z.string().max(10) }),
});

async function check(rules: R[], value: unknown): Promise<string[]> {
  const out: string[] = [];
  for (const r of rules) {
    if (r.validator) {
      await r.validator(r, value).catch((e: Error) => out.push(e.message));
    }
  }
  return out;
}

describe('rulesFor', () => {
  it('reads required, length and pattern with the server messages', () => {
    const title = rulesFor(Z, 'title', 'zh-CN') as R[];
    expect(title).toContainEqual(expect.objectContaining({ required: true, message: '必填' }));
    expect(title).toContainEqual(expect.objectContaining({ min: 2, message: '长度不能少于 2' }));
    expect(title).toContainEqual(expect.objectContaining({ max: 200, message: '长度不能超过 200' }));
    expect(rulesFor(Z, 'title', 'en-US')).toContainEqual(expect.objectContaining({ max: 200, message: 'must have at most 200 characters' }));
    const code = rulesFor(Z, 'code', 'zh-CN') as R[];
    expect(code.find((r) => r.pattern)?.pattern?.source).toBe('^[CH]\\d{2}$');
  });

  it('leaves optional and nullable fields not required', () => {
    expect((rulesFor(Z, 'note', 'zh-CN') as R[]).some((r) => r.required)).toBe(false);
    expect((rulesFor(Z, 'lng', 'zh-CN') as R[]).some((r) => r.required)).toBe(false);
  });

  it('checks numbers: not a number, integer, range with the schema own message', async () => {
    expect(await check(rulesFor(Z, 'count', 'zh-CN') as R[], Number.NaN)).toEqual(['请输入数字']);
    expect(await check(rulesFor(Z, 'count', 'zh-CN') as R[], 1.5)).toEqual(['请输入整数']);
    expect(await check(rulesFor(Z, 'count', 'zh-CN') as R[], 11)).toEqual(['不能大于 10']);
    expect(await check(rulesFor(Z, 'count', 'zh-CN') as R[], 10)).toEqual([]);
    expect(await check(rulesFor(Z, 'lng', 'zh-CN') as R[], 200)).toEqual(['坐标不在中国境内（经度 73–135，纬度 4–54）']);
  });

  it('reaches nested fields and refuses unknown ones', () => {
    expect(maxLengthOf(Z, 'plan.deadline')).toBe(10);
    expect(() => rulesFor(Z, 'nope')).toThrow(/no field 'nope'/);
  });

  it('takes the limit of a real contract, so the form and the server agree', () => {
    const limit = maxLengthOf(ZReportHazard, 'description');
    expect(limit).toBeGreaterThan(0);
    const long = 'x'.repeat((limit ?? 0) + 1);
    expect(ZReportHazard.shape.description.safeParse(long).success).toBe(false);
    expect(ZReportHazard.shape.description.safeParse('x'.repeat(limit ?? 0)).success).toBe(true);
    expect(limitsOf(ZReportHazard, 'description').required).toBe(true);
  });
});
