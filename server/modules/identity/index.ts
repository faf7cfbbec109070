export { userIdsOfUnit } from './identity.repository.js';
export { identityRoutes } from './identity.routes.js';
export { syncBuiltinRoles } from './sync-roles.js';
