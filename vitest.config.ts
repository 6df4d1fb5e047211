import { defineConfig } from 'vitest/config'

// `pnpm test` runs every project; each has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/shared', 'apps/api', 'apps/web'],
  },
})
