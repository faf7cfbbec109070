/** The 督办 (13710) tasks module's public surface. */
// Registers this module's attachment reader and enterprise copies with the kernel.
import './task.hooks.js';

export { issueTask } from './commands/issue-task.js';
export { getTaskQuery } from './queries/task-queries.js';
export { sweepTasks, taskJobs } from './task.jobs.js';
export { assigneesOfPlanItems } from './task.repository.js';
export { taskRoutes } from './task.routes.js';
