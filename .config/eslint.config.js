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
/** `patterns`: globs (strings) or regular expressions (`{ regex }`), each with the message. */
const restrict = (patterns, message, ...more) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [[patterns, message], ...more].flatMap(([list, why]) =>
        list.map((p) =>
          typeof p === 'string' ? { group: [p], message: why } : { ...p, message: why },
        ),
      ),
    },
  ],
});

/** The renderer's own rule: the main process only through renderer/api.ts. */
const rendererRule = [
  ['electron', '**/electron/**', ...node],
  'The renderer talks to the main process only through renderer/api.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      '.scratch/**',
      'assets/sample-blog/**',
      // Sites written the way each generator's users write them, not Folio's code.
      'tests/fixtures/blogs/**',
      'tests/fixtures/dialects/**',
      'tests/fixtures/site-preview/**',
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
      ...restrict(...rendererRule),
    },
  },
  // The renderer's rooms (docs/ARCHITECTURE.md): app/ is the shell that composes them;
  // common/ is what features share; a feature never reaches into the shell or into another
  // feature (only through that feature's index.ts); editor/ knows no feature; the preview's
  // worker needs nothing but preview code and shared/.
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: restrict(...rendererRule, [
      // The shell, or a file of a sibling feature other than its index.ts.
      [{ regex: '(^|/)app/' }, { regex: '^\\.\\./(?!\\.)[^/]+/(?!index\\.ts$)' }],
      'A feature uses common/, editor/ and shared/, and other features only through their index.ts; never the shell (app/)',
    ]),
  },
  {
    files: ['renderer/editor/**/*.{ts,tsx}', 'renderer/common/**/*.{ts,tsx}'],
    rules: restrict(...rendererRule, [
      ['**/features/**', '**/app/**'],
      'editor/ and common/ sit below the features and the shell: they import neither',
    ]),
  },
  {
    files: [
      'renderer/features/preview/render.worker.ts',
      'renderer/features/preview/render-core.ts',
    ],
    rules: restrict(...rendererRule, [
      ['**/editor/**', '**/common/**', '**/app/**', '**/features/**', 'react', 'react-dom'],
      'The preview worker loads preview code and shared/ only',
    ]),
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
