import type { ModuleManifest } from './kernel/module.js';
import { accidentModule } from './modules/accidents/accident.module.js';
import { alarmModule } from './modules/alarms/alarm.module.js';
import { hazardModule } from './modules/hazards/hazard.module.js';
import { identityModule } from './modules/identity/identity.module.js';
import { monitoringModule } from './modules/monitoring/monitoring.module.js';
import { orgModule } from './modules/org/org.module.js';
import { platformModule } from './modules/platform/platform.module.js';
import { riskModule } from './modules/risk/risk.module.js';
import { taskModule } from './modules/tasks/task.module.js';
import { warningModule } from './modules/warnings/warning.module.js';
import { workplanModule } from './modules/workplan/workplan.module.js';

/**
 * Every module of the process, in dependency order: a module comes after every module whose index.ts it imports
 * (modules.test.ts checks it). Routes, jobs, start-up steps and demo seeding run in this order.
 */
export const MODULES: readonly ModuleManifest[] = [
  orgModule,
  identityModule,
  platformModule,
  accidentModule,
  taskModule,
  riskModule,
  hazardModule,
  alarmModule,
  monitoringModule,
  warningModule,
  workplanModule,
];

// Kernel registries (attachment readers, enterprise copies) are filled once, when the list is first imported.
for (const m of MODULES) m.hooks?.();
