/** The 督办 (13710) tasks module's public surface. */

export { issueTask } from './commands/issue-task.js';
export { getTaskQuery } from './queries/task-queries.js';
export { sweepTasks } from './task.jobs.js';
export { assigneesOfPlanItems } from './task.repository.js';
