/**
 * The platform module has no public surface: no other module calls it (its routes are registered by its manifest,
 * platform.module.ts).
 */
export {};
