/**
 * The restore drill of docs/deploy.md, on PostgreSQL: a submitted household with its images and
 * an HR-recorded number; `pg_dump` of the database, then a tar of the blobs folder (in that
 * order); the original database and folder gone; `pg_restore` into a fresh database, the tar
 * unpacked into a fresh folder; an app on the copy with the same keys answers the images (the
 * documents ZIP: the decrypted bytes) and the number over HTTP as before. Without the keys the
 * copy cannot be read.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { openDatabase } from '../src/db/database.ts'
import { documentAad } from '../src/domain/drafts.ts'
import { createFileBlobStore } from '../src/lib/blob-store.ts'
import { decryptBlob } from '../src/lib/envelope.ts'
import { type TestContext, adminHeaders, createTestContext, login, signedInOperator, testSecrets } from './harness.ts'
import { type SubmittedEmployee, numberUrl, submittedEmployee, validNumber } from './number-helpers.ts'
import { unzip } from './unzip.ts'

const serverUrl = process.env.TEST_DATABASE_URL
const zipUrl = (campaignId: string) => `/api/admin/campaigns/${campaignId}/exports/documents.zip`

/** The database of `serverUrl` named `name`. */
function databaseUrl(name: string): string {
  const url = new URL(serverUrl!)
  url.pathname = `/${name}`
  return url.toString()
}

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** The programs the guide tells operators to use: PostgreSQL's client tools (Debian: postgresql-client) and tar. */
function run(program: 'pg_dump' | 'pg_restore' | 'tar', args: string[]) {
  try {
    execFileSync(program, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: Buffer }
    if (code === 'ENOENT')
      throw new Error(`${program} is not installed: this test runs what docs/deploy.md tells operators to run (apt-get install postgresql-client)`, {
        cause: error,
      })
    throw new Error(`${program} failed: ${stderr?.toString() ?? String(error)}`, { cause: error })
  }
}

describe.runIf(serverUrl)('backup and restore (pg_dump, the blobs folder, the same keys)', () => {
  const secrets = testSecrets()
  let work: string
  let original: TestContext | null = null
  let employee: SubmittedEmployee
  let operatorId: string
  let number: string
  let zipBefore: Map<string, { data: Buffer }>
  const restoredName = `bango_test_restore_${randomUUID().replaceAll('-', '')}`

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-restore-'))
    const blobDir = path.join(work, 'data', 'blobs')
    original = await createTestContext({ secrets, blobs: createFileBlobStore(blobDir) })
    employee = await submittedEmployee(original)
    const [first, second] = [
      await signedInOperator(original, { role: 'administrator', companyId: employee.company.id }),
      await signedInOperator(original, { role: 'administrator', companyId: employee.company.id }),
    ]
    operatorId = first.operator.id
    number = validNumber()
    for (const [operator, confirm] of [
      [first, false],
      [second, true],
    ] as const) {
      const entry = await original.app.inject({
        method: 'PUT',
        url: numberUrl(employee, employee.employee.id, '/entries'),
        headers: operator.headers,
        payload: { number, confirm },
      })
      expect(entry.statusCode, entry.body).toBe(200)
    }
    const approved = await original.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}/approve`,
      headers: first.headers,
    })
    expect(approved.statusCode, approved.body).toBe(200)
    const zip = await original.app.inject({ method: 'GET', url: zipUrl(employee.campaign.id), headers: first.headers })
    expect(zip.statusCode, zip.body).toBe(200)
    zipBefore = await unzip(zip.rawPayload)

    // The backup, database first: a blob is written before the row that names it and deleted after
    // the row is gone, so the folder copied afterwards holds every blob the dump names.
    run('pg_dump', ['--format=custom', `--file=${path.join(work, 'bango.dump')}`, `--dbname=${original.databaseUrl!}`])
    run('tar', ['-C', path.join(work, 'data'), '-czf', path.join(work, 'blobs.tar.gz'), 'blobs'])

    // The disaster: the database dropped, the folder gone.
    await original.close()
    original = null
    await fs.rm(path.join(work, 'data'), { recursive: true })

    // The restore: a fresh database and a fresh folder.
    await onServer(`CREATE DATABASE ${restoredName}`)
    run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl(restoredName)}`, path.join(work, 'bango.dump')])
    await fs.mkdir(path.join(work, 'restored'))
    run('tar', ['-C', path.join(work, 'restored'), '-xzf', path.join(work, 'blobs.tar.gz')])
  }, 120_000)

  afterAll(async () => {
    await original?.close()
    await onServer(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`)
    if (work) await fs.rm(work, { recursive: true, force: true })
  })

  /** The server started on the restored database and folder with `keys`. */
  async function restored(keys = secrets) {
    const database = await openDatabase({ url: databaseUrl(restoredName) })
    const app = await build({ db: database.prisma, blobs: createFileBlobStore(path.join(work, 'restored', 'blobs')), secrets: keys })
    await app.ready()
    return {
      app,
      database,
      async close() {
        await app.close()
        await database.close()
      },
    }
  }

  it('answers the images and the number as before, with the same keys', async () => {
    const copy = await restored()
    try {
      // The dump holds the migration history: nothing to apply at start.
      expect(copy.database.applied).toEqual([])
      const ready = await copy.app.inject({ method: 'GET', url: '/api/health/ready' })
      expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready', checks: { database: 'ok', blobStore: 'ok' } }])

      const { token, session } = await copy.app.services.adminSessions.open(operatorId, 'ACTIVE')
      const headers = adminHeaders({ token, csrfToken: session.csrfToken })
      const zip = await copy.app.inject({ method: 'GET', url: zipUrl(employee.campaign.id), headers })
      expect(zip.statusCode, zip.body).toBe(200)
      const zipAfter = await unzip(zip.rawPayload)
      const images = [...zipBefore.keys()].filter((name) => name.endsWith('.jpg'))
      // The employee and the first dependent, a マイナンバーカード front and back each.
      expect(images).toHaveLength(4)
      expect([...zipAfter.keys()].sort()).toEqual([...zipBefore.keys()].sort())
      for (const name of images) expect(zipAfter.get(name)!.data.equals(zipBefore.get(name)!.data), name).toBe(true)

      const revealed = await copy.app.inject({ method: 'POST', url: numberUrl(employee, employee.employee.id, '/reveal'), headers })
      expect([revealed.statusCode, revealed.json()]).toEqual([200, { number }])

      // The employee's login lives in the database too (hashes only): the same URL and password still work.
      await expect(login(copy.app, employee.token, employee.password)).resolves.toMatch(/^ey/)
    } finally {
      await copy.close()
    }
  })

  it('cannot be read without the keys it was written with', async () => {
    const copy = await restored(testSecrets())
    try {
      const document = await copy.database.prisma.document.findFirstOrThrow({ where: { personId: employee.employee.id } })
      const sealed = await createFileBlobStore(path.join(work, 'restored', 'blobs')).get(document.blobKey)
      expect(() => decryptBlob(testSecrets().keyring, sealed, documentAad(document))).toThrow()
      expect(decryptBlob(secrets.keyring, sealed, documentAad(document)).length).toBeGreaterThan(0)
      const { token, session } = await copy.app.services.adminSessions.open(operatorId, 'ACTIVE')
      const revealed = await copy.app.inject({
        method: 'POST',
        url: numberUrl(employee, employee.employee.id, '/reveal'),
        headers: adminHeaders({ token, csrfToken: session.csrfToken }),
      })
      expect(revealed.statusCode).toBe(500)
      expect(revealed.body).not.toContain(number)
    } finally {
      await copy.close()
    }
  })
})
