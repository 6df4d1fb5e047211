import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One migrated embedded database per run, copied by every test file (test/pglite-template.ts).
    globalSetup: ['./test/pglite-template.ts'],
    // PGlite needs ~4 s to start, PostgreSQL databases are created per file.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // The AWS SDK's notice that its 2027 releases need Node 22 (ADR 016), once per test file.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
})
