// One flat config for the whole repo (ADR 025). `pnpm lint` runs it with --max-warnings 0.
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { boundaryZones } from './scripts/lint/boundaries.js'
import { csvWriterConfig } from './scripts/lint/csv-writer.js'

const root = import.meta.dirname
const tests = ['**/*.test.{ts,tsx}', '**/test/**']

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', 'apps/api/src/generated/', 'data/', 'test-results/', 'playwright-report/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    // Globals matter to the .js/.mjs files only (typescript-eslint leaves undefined names in TS to tsc), all Node scripts.
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
    rules: {
      // Japanese text (comments, strings, JSX) uses the ideographic space U+3000 on purpose; code itself may not.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipJSXText: true }],
      // A leading underscore says "unused on purpose" (a destructured field left out, a callback's position).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // A Playwright fixture names what it depends on by destructuring: `async ({}, use)` depends on nothing.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },

  // Import boundaries: the zones are in scripts/lint/boundaries.js, proven by boundaries.test.ts.
  // The rule skips a specifier it cannot resolve, so every relative import must resolve
  // (import-x/no-unresolved): a boundary can never be passed by a path the resolver misses.
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.ts'],
    rules: {
      'import-x/no-unresolved': ['error', { ignore: ['^[^.]'] }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones(root) }],
    },
  },
  {
    // Tests may mount the whole app to drive a feature through the real router.
    files: tests.map((glob) => `{apps,packages}/${glob}`),
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones(root, { tests: true }) }],
    },
  },
  // One CSV writer (ADR 032): see scripts/lint/csv-writer.js.
  csvWriterConfig,
)
