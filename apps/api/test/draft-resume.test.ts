/**
 * What a resumed wizard reads back (ADR 022, "nothing lost"): the list of a person's draft
 * images and a small copy of each — the employee's own drafts only, never once registered or
 * submitted, never cached.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRAFT_THUMBNAIL_EDGE } from '@bango/shared/employee-api'
import { type TestContext, createTestContext, login, signedInEmployee, uploadImage } from './harness.ts'
import { cardPhoto } from './images.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
let photo: Buffer
beforeAll(async () => {
  context = await createTestContext()
  photo = await cardPhoto({ width: 1600, height: 1000 })
}, 60_000)
afterAll(async () => {
  await context.close()
})

type Employee = Awaited<ReturnType<typeof signedInEmployee>>

const upload = (employee: Employee, personId: string, fields: Record<string, string | number>) => uploadImage(context, employee.auth, personId, fields, photo)

const get = (auth: Record<string, string>, url: string) => context.app.inject({ method: 'GET', url: `/api/employee${url}`, headers: auth })

describe('GET /persons/:personId/draft and /persons/:personId/images/:imageId', () => {
  it("lists the person's draft images and returns a small, uncached copy of each, audited", async () => {
    const employee = await signedInEmployee(context)
    const self = employee.employee.id
    const front = await upload(employee, self, { role: 'number', slot: 0, side: 'front', type: 'notification_card' })
    const identity = await upload(employee, self, { role: 'identity', slot: 0, side: 'front', type: 'passport' })

    const draft = await get(employee.auth, `/persons/${self}/draft`)
    expect(draft.statusCode, draft.body).toBe(200)
    expect(draft.headers['cache-control']).toContain('no-store')
    expect(draft.json().images).toEqual([
      { id: front, role: 'number', slot: 0, side: 'front', type: 'notification_card', backAbsent: false },
      { id: identity, role: 'identity', slot: 0, side: 'front', type: 'passport', backAbsent: false },
    ])
    // A dependent with nothing sent yet: an empty list, not an error.
    expect((await get(employee.auth, `/persons/${employee.dependents[0]!.id}/draft`)).json()).toEqual({ images: [] })

    const image = await get(employee.auth, `/persons/${self}/images/${front}`)
    expect(image.statusCode, image.body).toBe(200)
    expect(image.headers['content-type']).toBe('image/jpeg')
    expect(image.headers['cache-control']).toMatch(/no-store/)
    const metadata = await sharp(image.rawPayload).metadata()
    expect(metadata.format).toBe('jpeg')
    expect(Math.max(metadata.width!, metadata.height!)).toBe(DRAFT_THUMBNAIL_EDGE)
    const viewed = await context.db.auditEvent.findMany({ where: { action: 'draft.image_viewed', actorId: self } })
    expect(viewed.map((event) => event.targetId)).toEqual([front])
  })

  it("refuses another employee's person and an image of another person under one's own", async () => {
    const owner = await signedInEmployee(context)
    const other = await signedInEmployee(context)
    const image = await upload(owner, owner.employee.id, { role: 'number', slot: 0, side: 'front', type: 'notification_card' })
    expect((await get(other.auth, `/persons/${owner.employee.id}/draft`)).statusCode).toBe(404)
    expect((await get(other.auth, `/persons/${owner.employee.id}/images/${image}`)).statusCode).toBe(404)
    expect((await get(other.auth, `/persons/${other.employee.id}/images/${image}`)).statusCode).toBe(404)
    // The owner's own dependent is theirs, but the image is not the dependent's.
    expect((await get(owner.auth, `/persons/${owner.dependents[0]!.id}/images/${image}`)).statusCode).toBe(404)
    expect(await context.db.auditEvent.count({ where: { action: 'draft.image_viewed', targetId: image } })).toBe(0)
  })

  it('refuses once the person is registered, and after 完了', async () => {
    const employee = await signedInEmployee(context)
    const child = employee.dependents[0]!.id
    const images = [
      await upload(employee, child, { role: 'number', slot: 0, side: 'front', type: 'my_number_card' }),
      await upload(employee, child, { role: 'number', slot: 0, side: 'back', type: 'my_number_card' }),
    ]
    const registered = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${child}/registration`,
      headers: employee.auth,
      payload: { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null },
    })
    expect(registered.statusCode, registered.body).toBe(200)
    for (const url of [`/persons/${child}/draft`, `/persons/${child}/images/${images[0]}`]) {
      const refused = await get(employee.auth, url)
      expect(refused.statusCode, url).toBe(409)
      expect(refused.json().error.code).toBe('PERSON_REGISTERED')
    }

    const submitted = await submittedEmployee(context)
    const document = submitted.documents[0]!
    // Every session after 完了 is receipt-only: the one that pressed it and a new login alike.
    const fresh = { authorization: `Bearer ${await login(context.app, submitted.token, submitted.password)}` }
    for (const auth of [submitted.auth, fresh]) {
      for (const url of [`/persons/${document.personId}/draft`, `/persons/${document.personId}/images/${document.id}`]) {
        const refused = await get(auth, url)
        expect(refused.statusCode, url).toBe(403)
        expect(refused.json().error.code).toBe('SESSION_RECEIPT_ONLY')
      }
    }
  })

  it('refuses malformed ids without touching the blobs', async () => {
    const employee = await signedInEmployee(context)
    expect((await get(employee.auth, `/persons/${employee.employee.id}/images/not-a-uuid`)).statusCode).toBe(400)
    expect((await get(employee.auth, '/persons/not-a-uuid/draft')).statusCode).toBe(400)
  })

  it('keeps 「うら面はありません」 with the draft front, for a sign-in on another device; a retake of the front starts without it', async () => {
    const employee = await signedInEmployee(context)
    const self = employee.employee.id
    const declare = (auth: Record<string, string>, body: object) =>
      context.app.inject({ method: 'PUT', url: `/api/employee/persons/${self}/draft/back-absence`, headers: auth, payload: body })
    // No front yet: nothing to say it of.
    expect((await declare(employee.auth, { role: 'number', slot: 0, absent: true })).statusCode).toBe(404)
    await upload(employee, self, { role: 'number', slot: 0, side: 'front', type: 'notification_card' })
    expect((await declare(employee.auth, { role: 'number', slot: 0, absent: true })).statusCode).toBe(204)

    const other = { authorization: `Bearer ${await login(context.app, employee.token, employee.password)}` }
    const draft = await get(other, `/persons/${self}/draft`)
    expect(draft.json().images).toEqual([expect.objectContaining({ role: 'number', side: 'front', backAbsent: true })])
    // Another person's draft is not the caller's to change.
    const stranger = await signedInEmployee(context)
    expect((await declare(stranger.auth, { role: 'number', slot: 0, absent: true })).statusCode).toBe(404)

    await upload(employee, self, { role: 'number', slot: 0, side: 'front', type: 'notification_card' })
    expect((await get(other, `/persons/${self}/draft`)).json().images).toEqual([expect.objectContaining({ side: 'front', backAbsent: false })])
  })
})
