/**
 * The layers README's "Layout" draws, as rules: `npm test` runs `depcruise` with this file, and an
 * import that crosses a layer the wrong way fails it with the rule's name. Bottom to top:
 *
 *   broker, schemas  →  shared  →  grading | runner | lessons-runtime  →  backend, server  →  ui  ;  build, deploy, cli
 *
 * ("ui" is components, site, pages and layouts.) dependency-cruiser reads TypeScript and JavaScript,
 * not `.astro` files, so a component's front matter is not checked here; its island scripts are.
 */

/** Every layer that ships or runs outside a Node build: what must never reach build-time code. */
const RUNTIME = '^src/(broker|schemas|shared|grading|runner|lessons-runtime|backend|server|components|site|pages|layouts)/';

/** A rule that lets files under `from` import only our own folders listed in `allowed` (and packages). */
function buildsOnlyOn(name, from, allowed, why) {
  return {
    name,
    comment: why,
    severity: 'error',
    from: { path: `^src/${from}/` },
    to: { path: '^(src|exercises)/', pathNot: `^src/(${[from, ...allowed].join('|')})/` },
  };
}

export default {
  forbidden: [
    buildsOnlyOn('broker-imports-nothing-of-ours', 'broker', [],
      'The simulated cluster is the pure core: everything else builds on it, it builds on nothing of ours.'),
    {
      name: 'broker-uses-no-host-api',
      comment: 'The cluster runs the same in a Worker, in QuickJS and in Node: no Node built-in modules.',
      severity: 'error',
      from: { path: '^src/broker/' },
      to: { dependencyTypes: ['core'] },
    },
    buildsOnlyOn('schemas-import-nothing-of-ours', 'schemas', [],
      'The zod schemas are data contracts (lessons, exercises, reports): a leaf beside the broker.'),
    buildsOnlyOn('shared-builds-only-on-broker-and-schemas', 'shared', ['broker', 'schemas'],
      'What every layer shares (the sandbox protocol, value formatting) may not pull a layer in with it.'),
    buildsOnlyOn('grading-builds-only-on-shared', 'grading', ['shared', 'broker', 'schemas'],
      'The grader judges observations; it meets the sandbox only through src/shared/sandbox-protocol.ts.'),
    buildsOnlyOn('runner-builds-only-on-shared', 'runner', ['shared', 'broker', 'schemas'],
      'The sandbox observes and never grades: no grading, no CLI, no page code.'),
    buildsOnlyOn('lessons-runtime-builds-only-on-shared', 'lessons-runtime', ['shared', 'broker', 'schemas'],
      'Lesson outcomes come from runs of the cluster; the browser islands in src/site use them, not the reverse.'),
    buildsOnlyOn('backend-builds-on-grading-and-runner', 'backend', ['grading', 'runner', 'shared', 'broker', 'schemas'],
      'The exercise backend port and its adapters: the browser one runs the grader and the sandbox in the page, the server one posts to /api.'),
    buildsOnlyOn('server-builds-on-grading-and-runner', 'server', ['grading', 'runner', 'shared', 'broker', 'schemas', 'deploy'],
      'The /api endpoints grade with the same grader and sandbox; they know nothing of pages or the CLI.'),
    {
      name: 'only-the-ui-imports-the-ui',
      comment: 'Components, islands, pages and layouts sit on top: no lower layer reaches up into them.',
      severity: 'error',
      from: { pathNot: '^src/(components|site|pages|layouts)/' },
      to: { path: '^src/(components|site|pages|layouts)/' },
    },
    {
      name: 'only-the-cli-imports-the-cli',
      comment: 'The command-line tools are entry points; shared Node helpers belong in src/build.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'runtime-code-does-not-import-build-code',
      comment: 'Build-time code (src/build) runs in Node while the site builds; nothing that runs in a page, a Worker or the sandbox may load it.',
      severity: 'error',
      from: { path: RUNTIME },
      to: { path: '^src/build/' },
    },
    {
      name: 'browser-islands-use-no-node',
      comment: 'Island scripts and the page-side layers run in the browser: no Node built-in modules.',
      severity: 'error',
      from: { path: '^src/(components|site|backend|lessons-runtime|runner/browser)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'deploy-is-for-the-server-and-the-cli',
      comment: 'Deploy code (headers, the Worker build, the local workerd runner) serves the server and the CLI only.',
      severity: 'error',
      from: { path: '^src/(broker|schemas|shared|grading|runner|lessons-runtime|backend|components|site|pages|layouts)/' },
      to: { path: '^src/deploy/' },
    },
    {
      name: 'site-and-grade-cli-need-no-dev-dependencies',
      comment: 'The site builds and `grade` grades after `npm ci --omit=dev`: only the serverless deploy and the maintainers’ measuring tools (bench, lighthouse) may use devDependencies.',
      severity: 'error',
      from: { path: '^(src/|astro\\.config\\.mjs$)', pathNot: '^src/(deploy/|cli/bench|cli/lighthouse)' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'exercise-checks-build-only-on-grading',
      comment: "An exercise's hidden checks use the grading helpers and the shared protocol, never the sandbox or the page.",
      severity: 'error',
      from: { path: '^exercises/[^/]+/checks\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(grading|shared|schemas|broker)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/(public|styles)/' },
  },
};
