import { defineConfig } from 'vitest/config'

// `pnpm test` runs every project. The API suite runs on the embedded database always, and
// once more on PostgreSQL when TEST_DATABASE_URL names a server (CI does).
const api = (name: string, databaseUrl: string, exclude: string[] = []) => ({
  extends: './apps/api/vitest.config.ts',
  root: './apps/api',
  // `exclude` adds to the extended config's (arrays merge): the pure unit tests run once.
  test: { name, env: { TEST_DATABASE_URL: databaseUrl }, exclude: ['**/node_modules/**', ...exclude] },
})

export default defineConfig({
  test: {
    projects: [
      'packages/shared',
      'apps/web',
      api('api', ''),
      ...(process.env.TEST_DATABASE_URL ? [api('api-postgres', process.env.TEST_DATABASE_URL, ['src/**'])] : []),
    ],
  },
})
