import type { Locale } from '../../common/i18n/api-messages.js';
import type { Permission } from '../../common/permissions.js';
import type { Executor } from '../db/client.js';
import type { Scope } from './scope/scope.js';

export type UserKind = 'platform' | 'government' | 'industry' | 'enterprise' | 'group';

/** Who is acting: resolved once per request from the session. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  kind: UserKind;
  locale: Locale;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  departmentId: string | null;
  enterpriseId: string | null;
  /** The unit the actor belongs to, for audit rows and the UI header. */
  unitName: string | null;
  scope: Scope;
  mustChangePassword: boolean;
}

/** The actor of jobs and the seeder: everything visible, and every audit row says so. */
export function systemActor(name = 'system'): Actor {
  return {
    id: '00000000-0000-0000-0000-000000000000',
    username: name,
    displayName: name,
    kind: 'platform',
    locale: 'zh-CN',
    roles: [],
    permissions: new Set(),
    departmentId: null,
    enterpriseId: null,
    unitName: null,
    scope: { kind: 'system' },
    mustChangePassword: false,
  };
}

export interface UnitInfo {
  scope: Scope;
  unitName: string | null;
}

/** Provided by the org module: turns a user's unit membership into a scope (kernel never imports modules). */
export type UnitResolver = (
  ex: Executor,
  user: {
    kind: UserKind;
    departmentId: string | null;
    enterpriseId: string | null;
  },
) => Promise<UnitInfo>;
