import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'web/dist/**',
      'web/src/api/schema.gen.ts',
      'test-output/**',
      'data/**',
      '.venv-temporal/**',
      '.venv-fuzz/**',
      'scripts/**',
      '*.js',
      '*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...fences(),
);

/**
 * Who may import whom (README, Layout). rules/ and vocabulary/ run inside workflow code, so all three are
 * deterministic: no Node built-ins, no I/O clients, no timers. Nothing anywhere reaches into the SDK's internals.
 */
function fences() {
  const internals = {
    group: ['@temporalio/*/lib/internal-*', '@temporalio/*/lib/internal-*/**'],
    message: "The SDK's internal modules may change in any release: use its public exports.",
  };
  const nodeBuiltins = { group: ['node:*'], message: 'Deterministic code must not use Node built-ins.' };
  const layers = (names, message) => ({
    group: names.flatMap((name) => [`../${name}`, `../${name}/**`, `../../${name}`, `../../${name}/**`]),
    message,
  });
  const ioModules = [
    'fs',
    'path',
    'crypto',
    'http',
    'https',
    'os',
    'child_process',
    'net',
    'process',
    'util',
    'events',
    'stream',
    'url',
    'dns',
    'zlib',
    'timers',
    'worker_threads',
    'knex',
    'pg',
    'express',
    '@temporalio/activity',
    '@temporalio/client',
    '@temporalio/worker',
  ].map((name) => ({ name, message: 'Not allowed in deterministic code (it runs inside workflows).' }));
  const deterministic = (files, patterns, extraPaths = []) => ({
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [internals, nodeBuiltins, ...patterns], paths: [...ioModules, ...extraPaths] },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'process'],
      // Date is the SDK's deterministic workflow clock here; Math.random is too, but ids must come from the input.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Derive values from the input.' },
      ],
    },
  });
  const outside = ['activities', 'api', 'db', 'bin', 'replay', 'codec', 'gateway', 'bench', 'scripts'];
  return [
    {
      files: ['**/*.ts'],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [internals] }] },
    },
    // Workflow code is replayed: activities as types only.
    deterministic(
      ['workflows/**/*.ts'],
      [
        {
          group: ['../activities', '../activities/*', '**/activities/**'],
          message: 'Import activities as types only (import type).',
          allowTypeImports: true,
        },
      ],
    ),
    // The vocabulary: rules/, zod and message definitions; nothing with I/O, no workflow or activity code.
    deterministic(
      ['vocabulary/**/*.ts'],
      [
        layers(
          [...outside, 'workflows'],
          'vocabulary/ imports only rules/, zod and @temporalio/workflow definitions.',
        ),
      ],
    ),
    // The benefit rules: pure, imported by workflows; they import nothing of the project outside rules/.
    deterministic(
      ['rules/**/*.ts'],
      [layers([...outside, 'workflows', 'vocabulary'], 'rules/ imports nothing outside rules/ (but zod).')],
      [{ name: '@temporalio/workflow', message: 'rules/ knows nothing of Temporal.' }],
    ),
  ];
}
