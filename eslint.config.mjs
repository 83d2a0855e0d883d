import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
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
  {
    // Workflow code is replayed: it must stay deterministic, so no Node built-ins and no activity code.
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Workflows must not use Node built-ins.' },
            {
              group: ['../activities', '../activities/*', '**/activities/**'],
              message: 'Import activities as types only (import type).',
              allowTypeImports: true,
            },
          ],
          paths: [
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
          ].map((name) => ({ name, message: 'Not allowed in deterministic workflow code.' })),
        },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'process'],
      // Date is the SDK's deterministic workflow clock here; Math.random is too, but ids must come from the input.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Derive values from the input.' },
      ],
    },
  },
);
