/**
 * Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite in a
 * folder (or in memory). Migrations are applied before the Prisma client is handed out.
 */
import { PGlite } from '@electric-sql/pglite'
import fs from 'node:fs/promises'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '../generated/prisma/client.ts'
import { migrate, type SqlSession } from './migrate.ts'

import type { Db } from './types.ts'
export type { Db }

export interface Database {
  prisma: Db
  kind: 'postgresql' | 'pglite'
  /** Migrations applied by this open. */
  applied: string[]
  close(): Promise<void>
}

export type DatabaseTarget = { url: string } | { pgliteDir: string | null }

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return 'url' in target ? openPostgres(target.url) : openPglite(target.pgliteDir)
}

async function openPostgres(url: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let applied: string[]
  try {
    applied = await migrate({
      exec: async (sql) => void (await client.query(sql)),
      query: async (sql, params) => (await client.query(sql, params)).rows,
    })
  } finally {
    await client.end()
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
  return { prisma, kind: 'postgresql', applied, close: () => prisma.$disconnect() }
}

async function openPglite(dir: string | null): Promise<Database> {
  const pglite = dir ? await PGlite.create(dir) : await PGlite.create()
  // PGlite gives its files and folders explicit modes (0666/0755), whatever the umask: its own
  // folder is closed to other users so that nothing inside it can be reached.
  if (dir) await fs.chmod(dir, 0o700)
  const session: SqlSession = {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
  }
  const applied = await migrate(session)
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
  return {
    prisma,
    kind: 'pglite',
    applied,
    async close() {
      await prisma.$disconnect()
      await pglite.close()
    },
  }
}
