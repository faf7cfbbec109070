import { defineModule } from '../../kernel/module.js';
import { unitExists } from '../org/index.js';
import { registerIdentityHooks } from './identity.hooks.js';
import { identityRoutes } from './identity.routes.js';
import { syncBuiltinRoles } from './sync-roles.js';

/** Sign-in, accounts, roles and the security policy (三权分立). Its tables are the kernel's (sessions, users, roles). */
export const identityModule = defineModule({
  name: 'identity',
  permissions: ['user.read', 'user.manage', 'role.read', 'role.assign', 'security.manage'],
  errors: [
    'ACCOUNT_DISABLED',
    'ADMIN_ACCOUNT',
    'CAPTCHA_INVALID',
    'CAPTCHA_REQUIRED',
    'NO_PASSWORD_RESET_PENDING',
    'OWN_ACCOUNT',
    'PASSWORD_HALVES_ONE_PERSON',
    'SEPARATION_OF_DUTIES',
  ],
  hooks: registerIdentityHooks,
  routes: (app, deps) => identityRoutes(app, deps, { unitExists }),
  // Built-in roles follow the code on every start.
  prepare: (ex) => syncBuiltinRoles(ex),
});
