/**
 * Import rules checked in CI (`npm run check:deps`): runtime imports form no cycle, and `shared/` (pure domain
 * rules, used by both sides) imports nothing from `server/` or `client/`. Type-only imports are erased at build
 * time and do not count as cycles.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      severity: 'error',
      comment: 'A runtime import cycle: split the module or pass the dependency in.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-type-cycle',
      severity: 'warn',
      comment: 'A cycle through type-only imports: harmless at runtime, but a sign two modules want to be one or a seam.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-stays-pure',
      severity: 'error',
      comment: 'shared/ is used by server and client alike: it must not import from either.',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'client-not-to-server',
      severity: 'error',
      comment: 'The browser bundle must not pull in server code.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
}
