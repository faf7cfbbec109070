import { defineModule } from '../../kernel/module.js';
import { platformRoutes } from './platform.routes.js';

/** Health, calculators, the audit log, the calendar, notifications and attachments (tables in the kernel's schema). */
export const platformModule = defineModule({
  name: 'platform',
  permissions: ['audit.read', 'audit.verify', 'calendar.read', 'calendar.manage', 'attachment.upload'],
  errors: [],
  routes: platformRoutes,
});
