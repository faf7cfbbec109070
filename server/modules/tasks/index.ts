/** The 督办 (13710) tasks module's public surface. */
export { sweepTasks, taskJobs } from './task.jobs.js';
export { taskRoutes } from './task.routes.js';
