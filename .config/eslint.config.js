// ESLint enforces the import direction in docs/ARCHITECTURE.md: shared/ is pure, services are plain
// Node, the renderer reaches the main process only through renderer/api.ts.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const node = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'module',
  'fs/promises',
];
const restrict = (patterns, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((group) => ({ group: [group], message })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'assets/sample-blog/**',
      // Sites written the way each generator's users write them, not Folio's code.
      'tests/fixtures/blogs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**', ...node],
      'shared/ stays pure: no Node, DOM, Electron or React',
    ),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrict(
      ['electron', '**/renderer/**'],
      'Services are plain Node: pass Electron pieces in from electron/main.ts',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', '**/electron/**', ...node],
        'The renderer talks to the main process only through renderer/api.ts',
      ),
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
