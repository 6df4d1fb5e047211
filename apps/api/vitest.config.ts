import { defineConfig } from 'vitest/config'

/** What every API project of the root config shares (vitest.config.ts at the root). */
export const apiTest = {
  // One migrated embedded database per run, copied by every test file (test/pglite-template.ts).
  globalSetup: ['./test/pglite-template.ts'],
  // PGlite needs ~1 s to start from the template, PostgreSQL databases are created per file.
  hookTimeout: 60_000,
  testTimeout: 30_000,
  // The files of a worker share one module graph: the app's modules are imported once per
  // worker, not once per file (about a third of a small file's time). Each file still builds its
  // own app on its own database; sign-in-cost.test.ts re-imports the app under its mock.
  isolate: false,
  // The AWS SDK's notice that its 2027 releases need Node 22 (ADR 016), once per test file.
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
}

export default defineConfig({
  test: { name: 'api', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], ...apiTest },
})
