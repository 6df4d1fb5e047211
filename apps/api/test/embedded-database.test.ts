/**
 * The embedded database runs on a thread of its own (db/pglite-thread.ts, ADR 027): what crosses
 * the thread must behave as PGlite in the server's thread did — PostgreSQL errors keep their
 * codes, interactive transactions commit or roll back, a closed database refuses calls — and the
 * server's event loop keeps turning while PostgreSQL works. Embedded database only.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../src/db/database.ts'
import { Prisma } from '../src/generated/prisma/client.ts'

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded database on its own thread', () => {
  let database: Database
  beforeAll(async () => {
    database = await openDatabase({ pgliteDir: null })
  })
  afterAll(async () => {
    await database?.close()
  })

  it('reports a unique violation as Prisma does (P2002), and a failed raw statement with its PostgreSQL code', async () => {
    const id = randomUUID()
    await database.prisma.company.create({ data: { id, name: '一社目' } })
    const duplicate = await database.prisma.company.create({ data: { id, name: '二社目' } }).catch((error: unknown) => error)
    expect(duplicate).toBeInstanceOf(Prisma.PrismaClientKnownRequestError)
    expect((duplicate as Prisma.PrismaClientKnownRequestError).code).toBe('P2002')

    const division = await database.prisma.$queryRawUnsafe('SELECT 1 / 0').catch((error: unknown) => error)
    expect(division).toBeInstanceOf(Prisma.PrismaClientKnownRequestError)
    expect((division as Prisma.PrismaClientKnownRequestError).meta).toMatchObject({ driverAdapterError: { cause: { code: '22012' } } })
  })

  it('commits an interactive transaction, and rolls back one that throws', async () => {
    const kept = randomUUID()
    const dropped = randomUUID()
    await database.prisma.$transaction(async (tx) => {
      await tx.company.create({ data: { id: kept, name: '残る会社' } })
    })
    const failed = database.prisma.$transaction(async (tx) => {
      await tx.company.create({ data: { id: dropped, name: '消える会社' } })
      expect(await tx.company.count({ where: { id: dropped } })).toBe(1)
      throw new Error('fails after the insert')
    })
    await expect(failed).rejects.toThrow('fails after the insert')
    expect(await database.prisma.company.findMany({ where: { id: { in: [kept, dropped] } }, select: { name: true } })).toEqual([{ name: '残る会社' }])
  })

  it('keeps the event loop turning while a long statement runs', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    try {
      const [{ n }] = await database.prisma.$queryRawUnsafe<[{ n: number }]>('SELECT count(*)::int AS n FROM generate_series(1, 3000000)')
      expect(n).toBe(3_000_000)
    } finally {
      clearInterval(timer)
    }
    // On the server's thread, PGlite ran the statement synchronously: not one timer could fire.
    expect(ticks).toBeGreaterThan(0)
  })

  it('fails to open a folder PGlite cannot use, without hanging', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-embedded-'))
    try {
      const file = path.join(dir, 'not-a-folder')
      await fs.writeFile(file, 'x')
      await expect(openDatabase({ pgliteDir: file })).rejects.toThrow()
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses calls once closed', async () => {
    const closing = await openDatabase({ pgliteDir: null })
    expect(await closing.prisma.company.count()).toBe(0)
    await closing.close()
    await expect(closing.prisma.company.count()).rejects.toThrow()
  })
})
