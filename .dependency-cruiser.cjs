/** Module boundaries of architecture.md §4.1, checked in CI (`npm run boundaries`). */
module.exports = {
  forbidden: [
    {
      name: 'kernel-not-to-modules',
      comment: 'The shared kernel never depends on a domain module.',
      severity: 'error',
      from: { path: '^server/kernel/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'modules-meet-through-index',
      comment: 'A module may use another module only through its index.ts.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/([^/]+)/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'manifests-listed-once',
      comment: 'A module is registered in one place: its <x>.module.ts, imported only by the module list server/modules.ts.',
      severity: 'error',
      from: { pathNot: '^server/modules\\.ts$' },
      to: { path: '^server/modules/[^/]+/[^/]+\\.module\\.ts$' },
    },
    {
      name: 'app-and-jobs-read-the-list',
      comment: 'app.ts and jobs.ts register routes and jobs from the module list only, never from a module directly.',
      severity: 'error',
      from: { path: '^server/(app|jobs)\\.ts$' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'repository-private-to-module',
      comment: 'Only its own module touches a repository (tests and factories excepted).',
      severity: 'error',
      from: { path: '^server/', pathNot: ['^server/modules/([^/]+)/', '^server/test/'] },
      to: { path: '^server/modules/[^/]+/.*\\.repository\\.ts$' },
    },
    {
      name: 'pure-rules',
      comment: 'Workflows, policies and regulation rules are pure: no database, HTTP or Node I/O.',
      severity: 'error',
      from: { path: '(\\.workflow\\.ts|\\.policy\\.ts)$|^common/' },
      to: { path: '^server/db/|node_modules/(fastify|drizzle-orm|pg|@electric-sql|pg-boss)/|^(fs|net|http|child_process)$' },
    },
    {
      name: 'common-is-isomorphic',
      comment: 'common/ is shared by server and web: it imports neither.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'web-not-to-server',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.test\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
