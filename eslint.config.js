// Lint: typescript-eslint's recommended rules, no import cycles, and the layers of DESIGN.md:
// entrypoints → components → lib; lib/domain and lib/sites are pure (no browser APIs, no database).
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const pureLayer = {
  patterns: [
    {
      group: ['**/db/*', '!**/db/constants'],
      allowTypeImports: true,
      message: 'lib/domain and lib/sites are pure: types from lib/db only.',
    },
    { group: ['**/background/*', '**/messaging/client', '**/content/*'], message: 'lib/domain and lib/sites are pure.' },
  ],
  paths: [
    { name: 'wxt/browser', message: 'lib/domain and lib/sites use no browser APIs.' },
    { name: 'webextension-polyfill', message: 'lib/domain and lib/sites use no browser APIs.' },
    { name: 'dexie', message: 'lib/domain and lib/sites do not touch the database.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'bench/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib', from: ['./components', './entrypoints'], message: 'lib must not import views or entrypoints.' },
            { target: './components', from: './entrypoints', message: 'components must not import entrypoints.' },
          ],
        },
      ],
      // Deliberate unused names are prefixed with _ (handler signatures, destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests poke at raw JSON (backup files, replies) on purpose.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['lib/domain/**', 'lib/sites/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', pureLayer] },
  },
);
