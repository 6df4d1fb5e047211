import { defineConfig } from 'prisma/config'

// Used by the Prisma CLI only (generate, migrate diff/deploy/status). The app applies
// migrations itself at start-up: apps/api/src/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
})
