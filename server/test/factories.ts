/**
 * The test factories of every module, under one import (server/test/factories/<module>.ts each build that module's
 * rows in any state in one call).
 */
export * from './factories/identity.js';
export * from './factories/org.js';
export * from './factories/platform.js';
