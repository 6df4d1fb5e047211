// Generates the Prisma client after install. `prisma generate` needs no schema engine, but the
// CLI insists one exists and would try to download it: point it at any executable unless the
// developer has a real one. @see ../docs/decisions/002-prisma-without-native-engines.md
import { execFileSync } from 'node:child_process'

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath }
execFileSync('pnpm', ['exec', 'prisma', 'generate'], { stdio: 'inherit', env })
