// Fails when prisma/schema.prisma and prisma/migrations disagree (a model changed without a
// migration, or the reverse). Needs a reachable PostgreSQL for Prisma's shadow database:
// DATABASE_URL, else TEST_DATABASE_URL, else the local server.
// @see ../docs/decisions/002-prisma-without-native-engines.md
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  // Prisma's native schema engine cannot be downloaded here; the WASM stand-in speaks its protocol.
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, 'tools/prisma-wasm-engine/schema-engine.mjs'),
}
try {
  execFileSync('pnpm', ['exec', 'prisma', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'], {
    cwd: root,
    env,
    stdio: 'inherit',
  })
} catch (error) {
  console.error(
    error.status === 2
      ? 'schema.prisma and prisma/migrations differ: create a migration (see README, "Changing the schema").'
      : 'Could not compare schema.prisma with the migrations (is PostgreSQL reachable?).',
  )
  process.exit(1)
}
