import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Verdict } from '../../kernel/gate/gate.js';
import { Scope } from '../../kernel/scope/scope.js';
import { attachmentPolicy, calendarPolicy, notificationPolicy } from './platform.policy.js';

const ME = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';
const actor = (id: string, perms: Permission[]): Actor => ({ ...systemActor('t'), id, permissions: new Set(perms), scope: Scope.none() });
const plain = actor(ME, []);
const calendarAdmin = actor(ME, ['calendar.read', 'calendar.manage']);
const calendarReader = actor(ME, ['calendar.read']);
const uploader = actor(ME, ['attachment.upload']);

describe('notification policy: the addressee alone', () => {
  const cases: [string, Actor, { userId: string }, 'read' | 'readAll', Verdict][] = [
    ['reads own notification', plain, { userId: ME }, 'read', null],
    ["another's notification does not exist for them", plain, { userId: OTHER }, 'read', 'NOT_FOUND'],
    ['permissions do not open another inbox', calendarAdmin, { userId: OTHER }, 'read', 'NOT_FOUND'],
    ['marks own inbox read', plain, { userId: ME }, 'readAll', null],
    ["not another's inbox", plain, { userId: OTHER }, 'readAll', 'NOT_FOUND'],
  ];
  for (const [name, a, n, action, want] of cases) it(name, () => expect(notificationPolicy.check(a, n, action)).toBe(want));
});

describe('calendar policy: calendar.manage', () => {
  const cases: [string, Actor, 'set' | 'remove', Verdict][] = [
    ['the calendar administrator sets a day', calendarAdmin, 'set', null],
    ['the calendar administrator removes a day', calendarAdmin, 'remove', null],
    ['a reader sets nothing', calendarReader, 'set', 'FORBIDDEN'],
    ['a reader removes nothing', calendarReader, 'remove', 'FORBIDDEN'],
    ['no permission, no change', plain, 'set', 'FORBIDDEN'],
  ];
  for (const [name, a, action, want] of cases) it(name, () => expect(calendarPolicy.check(a, { date: '2027-10-01' }, action)).toBe(want));
});

describe('attachment policy: attachment.upload', () => {
  const cases: [string, Actor, Verdict][] = [
    ['an uploader uploads', uploader, null],
    ['without the permission, no upload', calendarAdmin, 'FORBIDDEN'],
  ];
  for (const [name, a, want] of cases) it(name, () => expect(attachmentPolicy.check(a, {}, 'upload')).toBe(want));
});
