import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, type SqlSession, migrate } from '../src/db/migrate.ts'
import type { Prisma } from '../src/generated/prisma/client.ts'
import { openTestDatabase } from './harness.ts'

let database: Awaited<ReturnType<typeof openTestDatabase>>
beforeAll(async () => {
  // From scratch: every migration applied by this open, not copied from the run's template.
  database = await openTestDatabase(undefined, null, false)
})
afterAll(async () => {
  await database?.close()
})

interface HistoryRow {
  migration_name: string
  checksum: string
  finished_at: Date | null
  rolled_back_at: Date | null
  applied_steps_count: number
}

const history = () =>
  database.prisma.$queryRawUnsafe<HistoryRow[]>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
  )

async function migrationFolders(dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await fs.readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/**
 * Runs migrate() again on this test's database through its Prisma client. An interactive
 * transaction pins one connection, so the advisory lock is taken and released on the same
 * PostgreSQL session (a pool could hand the unlock to another one). Only for runs that
 * apply nothing: migrate() issues its own BEGIN/COMMIT when it applies a migration.
 */
function migrateAgain(dir?: string): Promise<string[]> {
  return database.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    const session: SqlSession = {
      exec: async (sql) => void (await tx.$executeRawUnsafe(sql)),
      query: async <Row>(sql: string, params: unknown[] = []) => {
        // pg_advisory_(un)lock returns void, a type the Prisma adapters cannot decode: run it
        // for its effect only (migrate() does not read that result).
        if (/^SELECT pg_advisory_(un)?lock\(/.test(sql)) {
          await tx.$executeRawUnsafe(sql, ...params)
          return []
        }
        return tx.$queryRawUnsafe<Row[]>(sql, ...params)
      },
    }
    return migrate(session, dir)
  })
}

async function copyOfMigrations(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-migrations-'))
  await fs.cp(MIGRATIONS_DIR, dir, { recursive: true })
  return dir
}

describe('migrations', () => {
  it('records one finished migration per folder, with the SHA-256 of its SQL as checksum', async () => {
    const folders = await migrationFolders()
    expect(folders.length).toBeGreaterThan(0)
    expect(database.applied).toEqual(folders)
    const rows = await history()
    expect(rows.map((row) => row.migration_name)).toEqual(folders)
    for (const row of rows) {
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'))
      expect(row.checksum, row.migration_name).toBe(createHash('sha256').update(sql).digest('hex'))
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date)
      expect(row.rolled_back_at, row.migration_name).toBeNull()
      expect(row.applied_steps_count, row.migration_name).toBe(1)
    }
  })

  it('applies nothing when run again', async () => {
    const before = await history()
    expect(await migrateAgain()).toEqual([])
    expect(await history()).toEqual(before)
  })

  it('refuses to run when an applied migration was modified', async () => {
    const dir = await copyOfMigrations()
    const untouched = await copyOfMigrations()
    try {
      const [first] = await migrationFolders(dir)
      const file = path.join(dir, first!, 'migration.sql')
      await fs.appendFile(file, '\n-- edited after it was applied\n')
      // The untouched copy is accepted: the refusal below is about the edit, not the folder.
      await expect(migrateAgain(untouched)).resolves.toEqual([])
      await expect(migrateAgain(dir)).rejects.toThrow(/modified/)
      expect((await history()).find((row) => row.migration_name === first)!.checksum).toBe(
        createHash('sha256')
          .update(await fs.readFile(path.join(MIGRATIONS_DIR, first!, 'migration.sql')))
          .digest('hex'),
      )
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
      await fs.rm(untouched, { recursive: true, force: true })
    }
  })
})

describe('audit_events', () => {
  it('accepts inserts but refuses UPDATE, DELETE and TRUNCATE', async () => {
    const event = await database.prisma.auditEvent.create({
      data: { companyId: null, actorType: 'system', actorId: null, action: 'test.append_only', targetId: 'row-1' },
    })
    expect(event.id).toBeGreaterThan(0n)

    await expect(database.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'test.rewritten' } })).rejects.toThrow(/append-only/)
    await expect(database.prisma.$executeRawUnsafe('UPDATE audit_events SET action = $1', 'test.rewritten')).rejects.toThrow(/append-only/)
    await expect(database.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/)
    await expect(database.prisma.$executeRawUnsafe('DELETE FROM audit_events')).rejects.toThrow(/append-only/)
    await expect(database.prisma.$executeRawUnsafe('TRUNCATE audit_events')).rejects.toThrow(/append-only/)

    const stored = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })
    expect(stored.action).toBe('test.append_only')

    const second = await database.prisma.auditEvent.create({ data: { actorType: 'system', action: 'test.append_only', targetId: 'row-2' } })
    expect(second.id).toBeGreaterThan(event.id)
    expect(await database.prisma.auditEvent.count({ where: { action: 'test.append_only' } })).toBe(2)
  })
})
