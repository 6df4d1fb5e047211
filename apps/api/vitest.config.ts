import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite needs ~4 s to start, PostgreSQL databases are created per file.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
})
