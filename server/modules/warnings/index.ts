/** The warnings module's public surface: 预警信息 as CAP 1.2 out and in, area targeting, 签收 receipts. */

export { importCap } from './commands/import-cap.js';
export { issueWarning } from './commands/issue-warning.js';
export { seedWarningDemo } from './warning.demo.js';
export { sweepFeeds } from './warning.jobs.js';
