/**
 * Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite in a
 * folder (or in memory) on a thread of its own (db/pglite-thread.ts). Migrations are applied
 * before the Prisma client is handed out.
 */
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import type { Config } from '../config.ts'
import { PrismaClient } from '../generated/prisma/client.ts'
import { migrate } from './migrate.ts'
import { openPgliteThread } from './pglite-thread.ts'

import type { Db } from './types.ts'
export type { Db }

export interface Database {
  prisma: Db
  kind: 'postgresql' | 'pglite'
  /** Migrations applied by this open. */
  applied: string[]
  close(): Promise<void>
}

/** `template`: in memory only, a migrated database dumped by PGlite to start from (the tests' shortcut past initdb). */
export type DatabaseTarget = { url: string } | { pgliteDir: string | null; template?: string }

/** The database the configuration names: PostgreSQL at DATABASE_URL, else PGlite in $DATA_DIR/pglite (the server and every command). */
export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, 'pglite') })
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return 'url' in target ? openPostgres(target.url) : openPglite(target.pgliteDir, target.template)
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

async function openPglite(dir: string | null, template?: string): Promise<Database> {
  const thread = await openPgliteThread(dir, template)
  let applied: string[]
  try {
    applied = await migrate(thread.session)
  } catch (error) {
    await thread.close()
    throw error
  }
  const prisma = new PrismaClient({ adapter: thread.adapter })
  return {
    prisma,
    kind: 'pglite',
    applied,
    async close() {
      await prisma.$disconnect()
      await thread.close()
    },
  }
}
