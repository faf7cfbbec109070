import { describe, expect, it } from 'vitest';
import { isInChina } from './coordinates.js';
import { isValidPhone } from './phone.js';
import { completeUscc, normalizeUscc, validateUscc } from './uscc.js';

describe('USCC (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', true, []],
    ['91350100M000100Y4Z', false, ['charset']],
    ['91350100M000100Y44', false, ['checksum']],
    ['91350100M000100Y4', false, ['length']],
    ['', false, ['required']],
    ['9135010AM000100Y43', false, ['format']],
    ['９１３５０１００Ｍ０００１００Ｙ４３', true, []], // full-width input is normalised
    [' 91350100m000100y43 ', true, []],
  ])('%s → valid=%s', (code, valid, errors) => {
    const r = validateUscc(code);
    expect(r.valid).toBe(valid);
    expect(r.errors).toEqual(errors);
  });

  it('reports the expected check character and the parts', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r.expectedCheck).toBe('3');
    expect(r.parts).toMatchObject({ authority: '9', entityClass: '91', regionCode: '350100', subjectId: 'M000100Y4' });
    expect(r.parts?.entityClassName?.zh).toBe('企业');
    expect(r.orgCodeWarning).toBe(false);
  });

  it('completes any well-formed prefix into a valid code', () => {
    for (const p of ['91140525MA0K1234', '52140525301', '9114050012345678']) {
      const prefix = p.padEnd(17, '0').slice(0, 17);
      expect(validateUscc(completeUscc(prefix)).valid).toBe(true);
    }
  });

  it('normalises whitespace and case', () => {
    expect(normalizeUscc(' 9135 0100m000100y43')).toBe('91350100M000100Y43');
  });
});

describe('phone and coordinates', () => {
  it.each([
    ['13903561234', true],
    ['+86 139 0356 1234', true],
    ['0356-2021234', true],
    ['12350', true],
    ['1390356123', false],
    ['23903561234', false],
  ])('%s → %s', (p, ok) => expect(isValidPhone(p)).toBe(ok));

  it('accepts Jincheng and rejects swapped or zero coordinates', () => {
    expect(isInChina(112.85, 35.5)).toBe(true);
    expect(isInChina(35.5, 112.85)).toBe(false);
    expect(isInChina(0, 0)).toBe(false);
  });
});
