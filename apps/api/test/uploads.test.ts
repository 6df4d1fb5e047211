import zlib from 'node:zlib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { documentAad } from '../src/domain/drafts.ts'
import type { AppError } from '../src/errors.ts'
import { decryptBlob } from '../src/lib/envelope.ts'
import { normalizeImage } from '../src/lib/images.ts'
import { storedKeys } from './blob-stores.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(async () => {
  await context.close()
})

const numberFront = { role: 'number', slot: 0, side: 'front', type: 'notification_card' }

async function upload(employee: { auth: Record<string, string> }, personId: string, fields: Record<string, string | number>, file: Buffer) {
  const body = imageUpload(fields, file)
  return context.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${personId}/images`,
    headers: { ...employee.auth, ...body.headers },
    payload: body.payload,
  })
}

const blobKeys = () => storedKeys(context.blobs)

describe('POST /persons/:id/images', () => {
  it('stores an upright, metadata-free JPEG, encrypted and bound to its record', async () => {
    const employee = await signedInEmployee(context)
    // EXIF orientation 6 = rotate 90° clockwise to display: 640×400 becomes 400×640.
    const response = await upload(employee, employee.employee.id, numberFront, await cardPhoto({ orientation: 6, gps: true }))
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({ role: 'number', slot: 0, side: 'front', width: 400, height: 640 })

    const row = await context.db.document.findUniqueOrThrow({ where: { id: response.json().id } })
    expect(row).toMatchObject({ state: 'DRAFT', type: 'notification_card', role: 'NUMBER', side: 'FRONT' })
    const blob = await context.blobs.get(row.blobKey)
    const jpeg = decryptBlob(context.secrets.keyring, blob, documentAad(row))
    const metadata = await sharp(jpeg).metadata()
    expect(metadata).toMatchObject({ format: 'jpeg', width: 400, height: 640 })
    expect(metadata.exif).toBeUndefined()
    expect(metadata.orientation).toBeUndefined()
    expect(jpeg.includes(Buffer.from('BangoTestCamera'))).toBe(false)
    // The dark half of the card is now on top: rotation was applied to the pixels.
    const { data } = await sharp(jpeg).extract({ left: 200, top: 100, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeLessThan(80)
    // Bound to its record: under another document id the blob does not open.
    expect(() => decryptBlob(context.secrets.keyring, blob, documentAad({ ...row, id: employee.dependents[0]!.id }))).toThrow()
  })

  it('replaces the draft of the same side and deletes the old blob', async () => {
    const employee = await signedInEmployee(context)
    const first = await upload(employee, employee.employee.id, numberFront, await cardPhoto())
    const firstRow = await context.db.document.findUniqueOrThrow({ where: { id: first.json().id } })
    const second = await upload(employee, employee.employee.id, numberFront, await cardPhoto({ width: 800, height: 500 }))
    expect(second.statusCode).toBe(201)
    const drafts = await context.db.document.findMany({ where: { personId: employee.employee.id } })
    expect(drafts.map((d) => d.id)).toEqual([second.json().id])
    expect(await blobKeys()).not.toContain(firstRow.blobKey)
    expect(await context.db.pendingBlob.count({ where: { blobKey: firstRow.blobKey } })).toBe(0)
  })

  it('keeps exactly one draft per side when the same side is uploaded in parallel', async () => {
    const employee = await signedInEmployee(context)
    const photo = await cardPhoto()
    const blobsBefore = (await blobKeys()).length
    const responses = await Promise.all(Array.from({ length: 4 }, () => upload(employee, employee.employee.id, numberFront, photo)))
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201])
    const drafts = await context.db.document.findMany({ where: { personId: employee.employee.id } })
    expect(drafts).toHaveLength(1)
    // …and the replaced uploads' blobs are gone: only the survivor's remains.
    expect((await blobKeys()).length).toBe(blobsBefore + 1)
    // …and no pending row is left: the survivor's was adopted, the others' released.
    expect(await context.db.pendingBlob.count()).toBe(0)
  })

  it('accepts PNG and refuses what is not an image, by content', async () => {
    const employee = await signedInEmployee(context)
    expect((await upload(employee, employee.employee.id, numberFront, await cardPhoto({ format: 'png' }))).statusCode).toBe(201)
    const before = await context.db.document.count()
    for (const bytes of [
      Buffer.from('%PDF-1.7 not an image'),
      Buffer.from('just text'),
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]),
    ]) {
      const response = await upload(employee, employee.employee.id, numberFront, bytes)
      expect(response.statusCode).toBe(415)
      expect(response.json().error.code).toBe('UNSUPPORTED_IMAGE')
    }
    expect(await context.db.document.count()).toBe(before)
  })

  it('refuses a decompression bomb by its pixel count', async () => {
    const employee = await signedInEmployee(context)
    // A small valid PNG whose header claims 20000×20000 (400 Mpx, 1.2 GB decoded).
    const bomb = await cardPhoto({ format: 'png' })
    bomb.writeUInt32BE(20_000, 16)
    bomb.writeUInt32BE(20_000, 20)
    bomb.writeUInt32BE(zlib.crc32(bomb.subarray(12, 29)), 29)
    const response = await upload(employee, employee.employee.id, numberFront, bomb)
    expect(response.statusCode).toBe(415)
    // …refused by the pixel limit, before any decoding.
    const refusal = await normalizeImage(bomb).catch((error: AppError) => error)
    expect((refusal as AppError).cause).toMatchObject({ message: expect.stringMatching(/pixel limit/) })
  })

  it('refuses a file over the size limit with 413 and stores nothing', async () => {
    const employee = await signedInEmployee(context)
    const before = await context.db.document.count()
    const huge = Buffer.concat([await cardPhoto(), Buffer.alloc(16 * 1024 * 1024, 1)])
    const response = await upload(employee, employee.employee.id, numberFront, huge)
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('FILE_TOO_LARGE')
    expect(await context.db.document.count()).toBe(before)
  })

  it('refuses bad fields, a missing file and non-multipart bodies with 400', async () => {
    const employee = await signedInEmployee(context)
    const photo = await cardPhoto()
    const cases = [
      { ...numberFront, side: 'top' },
      { ...numberFront, slot: 1 },
      { ...numberFront, type: 'passport' },
      { role: 'identity', slot: 0, side: 'front', type: 'my_number_card' },
      { role: 'number', slot: 0, side: 'front' },
    ]
    for (const fields of cases) {
      const response = await upload(employee, employee.employee.id, fields, photo)
      expect(response.statusCode, JSON.stringify(fields)).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
    }
    const json = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${employee.employee.id}/images`,
      headers: employee.auth,
      payload: { file: 'x' },
    })
    expect(json.statusCode).toBe(400)
  })

  it('refuses identity documents for a dependent, and another employee’s person', async () => {
    const employee = await signedInEmployee(context)
    const other = await signedInEmployee(context)
    const photo = await cardPhoto()
    const identity = await upload(employee, employee.dependents[0]!.id, { role: 'identity', slot: 0, side: 'front', type: 'passport' }, photo)
    expect(identity.statusCode).toBe(400)
    for (const personId of [other.employee.id, other.dependents[0]!.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await upload(employee, personId, numberFront, photo)
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('NOT_FOUND')
    }
    expect(await context.db.document.count({ where: { personId: { in: [other.employee.id, other.dependents[0]!.id] } } })).toBe(0)
  })

  it('keeps no plaintext image byte on disk or in the database', async () => {
    const employee = await signedInEmployee(context)
    await upload(employee, employee.employee.id, numberFront, await cardPhoto())
    await upload(employee, employee.dependents[0]!.id, numberFront, await cardPhoto({ format: 'png' }))
    const signatures = [Buffer.from([0xff, 0xd8, 0xff]), Buffer.from([0x89, 0x50, 0x4e, 0x47])]
    const keys = await blobKeys()
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) {
      const bytes = await context.blobs.get(key)
      for (const signature of signatures) expect(bytes.includes(signature), key).toBe(false)
    }
    // Every column of every row, as text: no image signature, raw, hex or base64.
    expect(await context.db.document.count()).toBeGreaterThan(0)
    const tables = ['companies', 'campaigns', 'persons', 'credentials', 'consents', 'documents', 'submissions', 'audit_events']
    for (const table of tables) {
      const dump = await context.db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM ${table} t`)
      for (const { row } of dump) {
        expect(row.toLowerCase()).not.toMatch(/ffd8ff|89504e47|\\xffd8|\/9j\/|ivborw0kggo/)
      }
    }
  })

  it('rate-limits uploads per client: the request over the limit gets 429 and stores nothing', async () => {
    const limited = await build({
      db: context.db,
      blobs: context.blobs,
      secrets: context.secrets,
      rateLimits: { loginPerMinute: 1000, uploadPerMinute: 2 },
    })
    try {
      const employee = await signedInEmployee(context)
      const photo = await cardPhoto()
      const send = () => {
        const body = imageUpload(numberFront, photo)
        return limited.inject({
          method: 'POST',
          url: `/api/employee/persons/${employee.employee.id}/images`,
          headers: { ...employee.auth, ...body.headers },
          payload: body.payload,
        })
      }
      expect((await send()).statusCode).toBe(201)
      expect((await send()).statusCode).toBe(201)
      const before = await context.db.document.count()
      const third = await send()
      expect(third.statusCode).toBe(429)
      expect(third.json().error.code).toBe('RATE_LIMITED')
      expect(await context.db.document.count()).toBe(before)
    } finally {
      await limited.close()
    }
  })
})
