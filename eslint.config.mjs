import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', '.venv-temporal/**', 'scripts/**', '*.js', '*.mjs'] },
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
      'no-restricted-imports': [
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
          paths: ['fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process', 'net', 'process', 'util', 'events', 'stream', 'url', 'dns', 'zlib', 'timers', 'worker_threads', 'knex', 'pg', 'express', '@temporalio/activity', '@temporalio/client', '@temporalio/worker'].map((name) => ({ name, message: 'Not allowed in deterministic workflow code.' })),
        },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'process'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use workflow time (Date in workflow context is replay-safe, but be explicit).' },
        { object: 'Math', property: 'random', message: 'Not deterministic.' },
      ],
    },
  },
);
