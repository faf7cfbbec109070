// The tasks feature's public surface (dependency-cruiser: web-features-meet-through-index).
export { useTaskBoard } from './api';
export { IssueTaskForm } from './IssueTaskForm';
export { AssigneeStatusTag, formatDue, TaskStatusTag } from './labels';
