/** The work-plan (落实情况) module's public surface. */

