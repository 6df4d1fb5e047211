/**
 * Data at rest. After a whole flow — images for the employee and a dependent,
 * numbers the employee typed and the same numbers read off their cards at upload, a number HR
 * recorded and one held first entry, a TOTP enrolment —
 * neither the blob store nor the database (pg_dump on PostgreSQL; the raw files of an on-disk
 * PGlite, WAL included; every table as text on both) holds an image or a number in plaintext.
 * Then key rotation: a new key-encryption key id, old envelopes still read before the rotation,
 * `rotateKeys` re-wraps every data key without touching the encrypted bodies, resumably.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { documentAad } from '../src/domain/drafts.ts'
import { rotateKeys } from '../src/domain/key-rotation.ts'
import type { BlobStore } from '../src/lib/blob-store.ts'
import { blobKeyId, decryptBlob } from '../src/lib/envelope.ts'
import { type Keyring, type Secrets, parseKeks } from '../src/lib/keys.ts'
import { storedKeys } from './blob-stores.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'
import { cardVariant, renderCard } from './number-cards.ts'
import { type SubmittedEmployee, numberUrl, submittedEmployee, validNumber } from './number-helpers.ts'
import { filesUnder, imageSignatures, numbersIn, pgDump, plaintextIn, tablesAsText } from './plaintext-scan.ts'

const key = () => randomBytes(32).toString('base64')
const OLD_KEKS = `old-1:${key()}`
const NEW_KEKS = `new-2:${key()},${OLD_KEKS}`
const withKeyring = (secrets: Secrets, keyring: Keyring): Secrets => ({ ...secrets, keyring })

const lines: string[] = []
let context: TestContext
let pgliteDir: string | null = null
let employee: SubmittedEmployee
/** Every number the flow issued: typed by the employee, recorded by HR, held as a first entry. */
const numbers: string[] = []
let recordedFor: { personId: string; number: string }
/** The numbers the employee typed, which are also the ones printed on the card backs they sent. */
let typed: string[]
let totpSecret: string
/** Apps built on the same database with another keyring, closed at the end. */
const opened: Awaited<ReturnType<typeof build>>[] = []

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) pgliteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-at-rest-pglite-'))
  const secrets: Secrets = { keyring: parseKeks(OLD_KEKS), jwtSecret: randomBytes(32), numberHmacKey: randomBytes(32) }
  context = await createTestContext(
    { secrets, readNumbersAtUpload: true, log: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } },
    pgliteDir ? { pgliteDir } : {},
  )
  typed = [validNumber(), validNumber()]
  employee = await submittedEmployee(context, { typed, backs: await Promise.all(typed.map((number, i) => renderCard({ ...cardVariant(i), number }))) })
  await context.app.services.numberReads.settled()
  expect(await context.db.document.count({ where: { numberReadOutcome: 'FOUND' } })).toBe(2)
  const [first, second] = [
    await signedInOperator(context, { role: 'operator', companyId: employee.company.id }),
    await signedInOperator(context, { role: 'administrator', companyId: employee.company.id }),
  ]
  const enter = async (operator: typeof first, personId: string, number: string) => {
    numbers.push(number)
    const response = await context.app.inject({ method: 'PUT', url: numberUrl(employee, personId, '/entries'), headers: operator.headers, payload: { number } })
    expect(response.statusCode, response.body).toBe(200)
  }
  recordedFor = { personId: employee.employee.id, number: typed[0]! }
  await enter(first, recordedFor.personId, recordedFor.number)
  await enter(second, recordedFor.personId, `${recordedFor.number.slice(0, 4)} ${recordedFor.number.slice(4, 8)} ${recordedFor.number.slice(8)}`)
  // A first entry held for the dependent, never confirmed: stays sealed in number_entries.
  await enter(first, employee.dependents[0]!.id, validNumber())
  numbers.push(...typed)
  totpSecret = (await context.app.services.operators.beginTotpEnrolment(second.operator.id, second.password)).secret
}, 120_000)

afterAll(async () => {
  for (const app of opened) await app.close()
  await context.close()
  if (pgliteDir) await fs.rm(pgliteDir, { recursive: true, force: true })
})

describe('the scanner', () => {
  it('finds images in every format (raw, hex and base64) and numbers in every spelling', async () => {
    const jpeg = await cardPhoto()
    const png = await cardPhoto({ format: 'png' })
    const webp = await sharp(png).webp().toBuffer()
    const heif = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypheic'), randomBytes(64)])
    for (const image of [jpeg, png, webp, heif]) {
      expect(imageSignatures(Buffer.concat([randomBytes(100), image]))).not.toEqual([])
      expect(plaintextIn('t', Buffer.from(`x|\\x${image.toString('hex')}|y`), [])).not.toEqual([])
    }
    expect(imageSignatures(Buffer.from(`{"b":"${jpeg.toString('base64')}"}`))).not.toEqual([])
    expect(imageSignatures(Buffer.from(png.toString('base64')))).not.toEqual([])
    const number = validNumber()
    for (const spelling of [
      number,
      `${number.slice(0, 4)} ${number.slice(4, 8)} ${number.slice(8)}`,
      `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`,
    ]) {
      expect(numbersIn(Buffer.from(`a${spelling}b`), [number])).toEqual([spelling])
      expect(numbersIn(Buffer.from(spelling, 'utf16le'), [number])).toEqual([spelling])
    }
    // Megabytes of ciphertext-like noise do not look like an image.
    expect(imageSignatures(randomBytes(8 << 20))).toEqual([])
  })
})

describe('data at rest', () => {
  it('keeps images and numbers out of the blob store, the database dump and the log', async () => {
    expect(numbers.length).toBe(5)
    // Every blob as stored, read through the store (file system or S3 alike).
    const blobs = await Promise.all((await storedKeys(context.blobs)).map(async (key) => ({ key, bytes: await context.blobs.get(key) })))
    expect(blobs.length).toBe(4)
    const findings = blobs.flatMap(({ key, bytes }) => plaintextIn(`blob ${key}`, bytes, numbers))

    const tables = await tablesAsText(context.db)
    expect(tables).toContain('number.recorded')
    findings.push(...plaintextIn('tables', Buffer.from(tables), numbers))
    expect(tables).not.toContain(totpSecret)
    let scanned = 'tables'
    if (context.databaseUrl) {
      const dump = await pgDump(context.databaseUrl)
      if (dump !== null) {
        expect(dump).toContain('COPY public.documents')
        findings.push(...plaintextIn('pg_dump', Buffer.from(dump), numbers))
        expect(dump).not.toContain(totpSecret)
        scanned += ' + pg_dump'
      }
    } else {
      // Pages written to the files too, not only the WAL.
      await context.db.$executeRawUnsafe('CHECKPOINT')
      const files = await filesUnder(pgliteDir!)
      expect(files.some(({ file }) => file.includes('pg_wal'))).toBe(true)
      for (const { file, bytes } of files) {
        findings.push(...plaintextIn(`pglite ${path.relative(pgliteDir!, file)}`, bytes, numbers))
        expect(bytes.includes(totpSecret), file).toBe(false)
      }
      scanned += ` + ${files.length} PGlite files`
    }
    findings.push(...plaintextIn('log', Buffer.from(lines.join('')), numbers))
    console.info(
      `data at rest: ${blobs.length} blobs, ${scanned}, ${lines.length} log lines scanned for images and ${numbers.length} numbers: ${findings.length} found`,
    )
    expect(findings).toEqual([])
  }, 60_000)
})

describe('key rotation', () => {
  /** Every envelope in the database, by where it lives. */
  async function envelopes() {
    const household = [employee.employee.id, ...employee.dependents.map((d) => d.id)]
    const persons = await context.db.person.findMany({ where: { id: { in: household } } })
    const entries = await context.db.numberEntry.findMany({ where: { personId: { in: household } } })
    const operators = await context.db.operator.findMany({ where: { totpSecret: { not: null } } })
    const reads = await context.db.document.findMany({ where: { personId: { in: household }, numberRead: { not: null } } })
    return [
      ...persons.flatMap((p) => [p.myNumber, p.employeeEnteredNumber]).filter((v) => v !== null),
      ...reads.map((d) => d.numberRead!),
      ...entries.map((e) => e.sealed),
      ...operators.map((o) => o.totpSecret!),
    ].map((value) => Buffer.from(value))
  }
  const blobsByKey = async () => new Map((await context.db.document.findMany({ orderBy: { id: 'asc' } })).map((d) => [d.blobKey, d]))
  const readBlobs = async (store: BlobStore) => new Map(await Promise.all([...(await blobsByKey()).keys()].map(async (k) => [k, await store.get(k)] as const)))
  /** The body (iv | tag | ciphertext) of a blob: what rotation must never change. */
  const body = (blob: Buffer) => blob.subarray(5 + blob[4]! + 12 + 32 + 16)

  it('reads old envelopes with a new active key, then re-wraps them all without re-encrypting a body, resumably', async () => {
    const store = context.blobs
    const before = await readBlobs(store)
    expect([...before.values()].map(blobKeyId)).toEqual(Array(4).fill('old-1'))
    expect((await envelopes()).map(blobKeyId)).toEqual(Array(7).fill('old-1'))

    // Deployed: BANGO_KEKS="new-2:…,old-1:…". The old key still opens everything; new writes use new-2.
    const rotated = parseKeks(NEW_KEKS)
    const app = await build({
      db: context.db,
      blobs: store,
      secrets: withKeyring(context.secrets, rotated),
      rateLimits: { loginPerMinute: 1000, uploadPerMinute: 1000 },
    })
    await app.ready()
    try {
      const admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
      const document = (await documentsOf(employee))[0]!
      const image = await app.inject({
        method: 'GET',
        url: `/api/admin/campaigns/${employee.campaign.id}/documents/${document.id}/image`,
        headers: admin.headers,
      })
      expect(image.statusCode, image.body).toBe(200)
      expect((await sharp(image.rawPayload).metadata()).format).toBe('jpeg')
      const reveal = await app.inject({ method: 'POST', url: numberUrl(employee, recordedFor.personId, '/reveal'), headers: admin.headers })
      expect(reveal.json()).toEqual({ number: recordedFor.number })
    } finally {
      await app.close()
    }

    // A run that stops after two blobs (the store fails): what it did stays done.
    let puts = 0
    const failing: BlobStore = {
      ...store,
      put: async (k, bytes) => {
        if (++puts > 2) throw new Error('disk full')
        await store.put(k, bytes)
      },
    }
    await expect(rotateKeys(context.db, failing, rotated)).rejects.toThrow('disk full')
    expect([...(await readBlobs(store)).values()].map(blobKeyId).sort()).toEqual(['new-2', 'new-2', 'old-1', 'old-1'])

    // Dry run: counts, writes nothing.
    const dry = await rotateKeys(context.db, store, rotated, { dryRun: true })
    expect(dry.sources.blobs).toEqual({ rewrapped: 2, current: 2, failed: 0 })
    expect([...(await readBlobs(store)).values()].map(blobKeyId).sort()).toEqual(['new-2', 'new-2', 'old-1', 'old-1'])

    const report = await rotateKeys(context.db, store, rotated, { pageSize: 3 })
    expect(report).toEqual({
      activeKeyId: 'new-2',
      sources: {
        blobs: { rewrapped: 2, current: 2, failed: 0 },
        'persons.my_number': { rewrapped: 1, current: 0, failed: 0 },
        'persons.employee_entered_number': { rewrapped: 2, current: 0, failed: 0 },
        'number_entries.sealed': { rewrapped: 1, current: 0, failed: 0 },
        'documents.number_read': { rewrapped: 2, current: 0, failed: 0 },
        'operators.totp_secret': { rewrapped: 1, current: 0, failed: 0 },
      },
      failures: [],
    })

    const after = await readBlobs(store)
    for (const [blobKey, blob] of after) {
      expect(blobKeyId(blob)).toBe('new-2')
      // The encrypted body is byte for byte what the upload wrote: only the header was rewritten.
      expect(body(blob).equals(body(before.get(blobKey)!)), blobKey).toBe(true)
      expect(blob.equals(before.get(blobKey)!)).toBe(false)
    }
    expect((await envelopes()).map(blobKeyId)).toEqual(Array(7).fill('new-2'))

    // The old key can now leave the keyring: everything opens with the new key alone.
    const newOnly = parseKeks(NEW_KEKS.split(',')[0]!)
    const documents = await blobsByKey()
    for (const [blobKey, blob] of after) {
      const document = documents.get(blobKey)!
      const plain = decryptBlob(newOnly, blob, documentAad(document))
      expect(imageSignatures(plain)[0]).toBe('jpeg@0')
    }
    const app2 = await build({ db: context.db, blobs: store, secrets: withKeyring(context.secrets, newOnly) })
    await app2.ready()
    try {
      const admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
      const reveal = await app2.inject({ method: 'POST', url: numberUrl(employee, recordedFor.personId, '/reveal'), headers: admin.headers })
      expect(reveal.json()).toEqual({ number: recordedFor.number })
      // The number read at upload opens too: HR's suggestion for the dependent is the one read off the card,
      // beside the one the employee typed.
      const suggestion = await app2.inject({ method: 'POST', url: numberUrl(employee, employee.dependents[0]!.id, '/ocr'), headers: admin.headers })
      expect(suggestion.json()).toEqual({ suggestion: typed[1], employeeEntry: typed[1] })
      // A new upload under the new key needs no rotation.
      const fresh = await submittedEmployee({ ...context, app: app2 })
      const freshBlobs = await Promise.all((await documentsOf(fresh)).map((d) => store.get(d.blobKey)))
      expect(freshBlobs.map(blobKeyId)).toEqual(Array(4).fill('new-2'))
    } finally {
      await app2.close()
    }

    // Idempotent: a second run finds nothing under an old key.
    const again = await rotateKeys(context.db, store, rotated)
    expect(Object.values(again.sources).every((counts) => counts.rewrapped === 0 && counts.failed === 0)).toBe(true)
    console.info(
      `key rotation: ${Object.entries(report.sources)
        .map(([source, counts]) => `${source} ${counts.rewrapped}`)
        .join(', ')} re-wrapped; bodies unchanged; second run re-wrapped 0`,
    )
  }, 60_000)

  it('reports, and skips, an envelope whose key is not in the keyring', async () => {
    const store = context.blobs
    const lost = parseKeks(`lost-9:${key()}`)
    // A blob of an unknown key: written through a third keyring the rotation does not hold.
    const stranger = await documentsOf(await submittedEmployee({ ...context, app: await readyApp(lost, store) }))
    const report = await rotateKeys(context.db, store, parseKeks(NEW_KEKS))
    expect(report.sources.blobs).toMatchObject({ rewrapped: 0, failed: 4 })
    expect(report.failures).toHaveLength(4)
    expect(report.failures[0]).toMatch(/^blobs [0-9a-f-]{36}: blob wrapped with unknown key lost-9$/)
    for (const document of stranger) expect(blobKeyId(await store.get(document.blobKey))).toBe('lost-9')
  }, 60_000)
})

const documentsOf = (employee: SubmittedEmployee) =>
  context.db.document.findMany({ where: { personId: { in: [employee.employee.id, ...employee.dependents.map((d) => d.id)] } }, orderBy: { id: 'asc' } })

async function readyApp(keyring: Keyring, blobs: BlobStore) {
  const app = await build({
    db: context.db,
    blobs,
    secrets: withKeyring(context.secrets, keyring),
    rateLimits: { loginPerMinute: 1000, uploadPerMinute: 1000 },
  })
  await app.ready()
  opened.push(app)
  return app
}
