import { describe, expect, it } from 'vitest';
import { LOCALES } from './api-messages.js';
import { at, day, holesOf, NOTICE_TERMS, NOTIFICATION_TEXTS, type NoticeKey, notice, periodName, renderNotice } from './notifications.js';

const keys = Object.keys(NOTIFICATION_TEXTS) as NoticeKey[];

describe('notification catalogue', () => {
  it('has every key in zh-CN and en-US, non-empty, naming the same parameters in both', () => {
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      const zh = NOTIFICATION_TEXTS[key]['zh-CN'];
      const en = NOTIFICATION_TEXTS[key]['en-US'];
      for (const l of LOCALES) {
        expect(NOTIFICATION_TEXTS[key][l].title.trim(), `${key} ${l}`).not.toBe('');
      }
      expect([...new Set(holesOf(en.title + en.body))], key).toEqual([...new Set(holesOf(zh.title + zh.body))]);
    }
  });

  it('leaves no hole unfilled when every parameter is given, in either language', () => {
    for (const key of keys) {
      const zh = NOTIFICATION_TEXTS[key]['zh-CN'];
      const params = Object.fromEntries(holesOf(zh.title + zh.body).map((h) => [h, `<${h}>`]));
      for (const l of LOCALES) {
        const r = renderNotice({ key, params }, l);
        expect(`${r.title}${r.body}`, `${key} ${l}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('every bilingual term has both languages', () => {
    for (const [group, terms] of Object.entries(NOTICE_TERMS)) {
      for (const [code, t] of Object.entries(terms)) {
        for (const l of LOCALES) expect((t as Record<string, string>)[l], `${group}.${code} ${l}`).toBeTruthy();
      }
    }
  });

  it('renders one notice in both languages: times in Beijing time, names instead of codes', () => {
    const n = notice('task.reminder', { title: '防汛检查', stage: NOTICE_TERMS.taskStage.feedback, due: at(new Date('2026-12-07T19:10:00Z')) });
    expect(renderNotice(n, 'zh-CN')).toEqual({ title: '督办即将到期：防汛检查', body: '反馈应于 2026-12-08 03:10 前完成' });
    expect(renderNotice(n, 'en-US')).toEqual({ title: 'Task due soon: 防汛检查', body: 'Progress report due by 2026-12-08 03:10' });
    const d = notice('task.issued', {
      title: 't',
      issuer: '市应急管理局',
      role: NOTICE_TERMS.taskRole.lead,
      feedbackDue: day('2026-12-10T15:59:59.999Z'),
      resolveDue: day('2026-12-20T15:59:59.999Z'),
    });
    expect(renderNotice(d, 'zh-CN').body).toBe('市应急管理局交办（牵头）；当日部署，2026-12-10 前反馈，2026-12-20 前落实');
    expect(periodName('2026Q3')).toEqual({ 'zh-CN': '2026年第3季度', 'en-US': 'Q3 2026' });
  });

  it('refuses an unknown key or a wrong parameter at compile time', () => {
    // Each line below must fail typecheck (tsc runs over the tests); at run time they are only built.
    // @ts-expect-error unknown key
    notice('hazard.nope', {});
    // @ts-expect-error a parameter the text does not name
    notice('warning.updated', { headline: 'x', extra: 1 });
    // @ts-expect-error a parameter the text names is missing
    notice('warning.cancelled', { headline: 'x' });
  });
});
