/** The identity module's public surface: sign-in, accounts, roles (三权分立) and the operator's account commands. */
export { createUser } from './commands/create-user.js';
export { setRoles } from './commands/set-roles.js';
export { setTemporaryPassword } from './commands/set-temporary-password.js';
export { setUserDisabled } from './commands/set-user-disabled.js';
export { userIdsOfUnit } from './identity.repository.js';
export { accountIdOf } from './queries/account-id-of.js';
