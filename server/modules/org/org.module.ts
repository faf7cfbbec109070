import { defineModule } from '../../kernel/module.js';
import { seedDemoData } from './demo/seed.js';
import { registerOrgHooks } from './org.hooks.js';
import { orgRoutes } from './org.routes.js';
import * as tables from './org.schema.js';

/** Regions, departments, enterprises and the 一张表; every other module builds on it, so it comes first. */
export const orgModule = defineModule({
  name: 'org',
  permissions: [
    'region.read',
    'department.read',
    'org.manage',
    'enterprise.read',
    'enterprise.create',
    'enterprise.update',
    'enterprise.changeStatus',
    'enterprise.import',
    'enterprise.export',
    'supervision.read',
    'supervision.assign',
    'supervision.export',
  ],
  errors: [],
  tables,
  hooks: registerOrgHooks,
  routes: orgRoutes,
  // The demo city's units and accounts; a database that already has enterprises is left alone (and so are the other modules).
  async demo(tx, { now, password }) {
    const r = await seedDemoData(tx, { password, now });
    return r.seeded ? { users: r.users } : { alreadySeeded: true };
  },
});
