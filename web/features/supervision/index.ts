// The supervision feature's public surface (dependency-cruiser: web-features-meet-through-index).
export { SUPERVISION_NOTICE_SOURCE, useSupervisionTable } from './api';
