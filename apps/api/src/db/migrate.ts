/**
 * Applies prisma/migrations at start-up with `prisma migrate deploy` semantics, so the
 * product needs no Prisma engine at run time and stays compatible with
 * `prisma migrate deploy` / `prisma migrate status` run by an operator.
 *
 * An applied migration is history: every installation holds its checksum, so its file is never
 * edited, not even a comment. Corrections to their comments live here instead:
 * - 20261207050000_return_notice and 20261207070000_postal_address end their first comment line
 *   with a reference to a work list outside this repository; they are the 差し戻し notice e-mail
 *   (docs/product.md "Review and 差し戻し") and the postal kit's address block (docs/product.md
 *   "Credentials").
 * @see https://www.prisma.io/docs/orm/prisma-migrate/understanding-prisma-migrate/migration-histories
 */
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ASSETS } from '../config.ts'

/** prisma/migrations, or its copy next to the built artifact. */
export const MIGRATIONS_DIR = ASSETS.migrations

/** The little SQL surface the runner needs; both PGlite and node-postgres provide it. */
export interface SqlSession {
  exec(sql: string): Promise<void>
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>
}

/** The lock id Prisma's engine holds while migrating. */
const PRISMA_ADVISORY_LOCK = 72707369

const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

interface HistoryRow {
  migration_name: string
  checksum: string
  finished_at: Date | null
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function migrate(session: SqlSession, dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await fs.readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const appliedNow: string[] = []
  await session.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK])
  try {
    await session.exec(CREATE_HISTORY)
    const history = await session.query<HistoryRow>('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL')
    for (const name of names) {
      const sql = await fs.readFile(path.join(dir, name, 'migration.sql'), 'utf8')
      const checksum = createHash('sha256').update(sql).digest('hex')
      const applied = history.find((row) => row.migration_name === name)
      if (applied) {
        if (!applied.finished_at) throw new Error(`Migration ${name} failed earlier; resolve it with \`prisma migrate resolve\``)
        if (applied.checksum !== checksum) throw new Error(`Migration ${name} was modified after it was applied`)
        continue
      }
      await session.exec('BEGIN')
      try {
        await session.exec(sql)
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), checksum, name],
        )
        await session.exec('COMMIT')
      } catch (error) {
        await session.exec('ROLLBACK')
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error })
      }
      appliedNow.push(name)
    }
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK])
  }
  return appliedNow
}
