import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSweeper } from '../src/domain/sweeper.ts'
import { blobExists } from './blob-stores.ts'
import { type TestContext, createTestContext, imageUpload, login, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
let photo: Buffer
beforeAll(async () => {
  context = await createTestContext()
  photo = await cardPhoto()
})
afterAll(async () => {
  await context.close()
})

type Employee = Awaited<ReturnType<typeof signedInEmployee>>

function call(employee: Employee, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  return context.app.inject({ method, url: `/api/employee${url}`, headers: employee.auth, ...(payload === undefined ? {} : { payload: payload as object }) })
}

async function upload(employee: Employee, personId: string, fields: Record<string, string | number>) {
  const body = imageUpload(fields, photo)
  const response = await context.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${personId}/images`,
    headers: { ...employee.auth, ...body.headers },
    payload: body.payload,
  })
  expect(response.statusCode, response.body).toBe(201)
}

/** マイナンバーカード front and back, registered. */
async function registerWithMyNumberCard(employee: Employee, personId: string) {
  await upload(employee, personId, { role: 'number', slot: 0, side: 'front', type: 'my_number_card' })
  await upload(employee, personId, { role: 'number', slot: 0, side: 'back', type: 'my_number_card' })
  const response = await call(employee, 'POST', `/persons/${personId}/registration`, {
    numberDocument: { type: 'my_number_card', hasBack: true },
    identity: null,
  })
  expect(response.statusCode, response.body).toBe(200)
}

async function snapshot() {
  const [documents, persons, submissions] = await Promise.all([
    context.db.document.findMany({ orderBy: { id: 'asc' } }),
    context.db.person.findMany({ orderBy: { id: 'asc' } }),
    context.db.submission.findMany(),
  ])
  return { documents, persons, submissions }
}

describe('collection target list', () => {
  it('lists the employee first, then the pre-registered dependents, all 未登録', async () => {
    const employee = await signedInEmployee(context)
    const response = await call(employee, 'GET', '/persons')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.persons.map((p: { name: string; kind: string; status: string }) => [p.name, p.kind, p.status])).toEqual([
      ['総合 太郎', 'employee', 'pending'],
      ['総合 花子', 'dependent', 'pending'],
      ['総合 一郎', 'dependent', 'pending'],
    ])
    expect(body).toMatchObject({ canSubmit: false, submittedAt: null })
  })

  it('adds a dependent (扶養追加) with 続柄 chosen by code, stored as its label, and refuses every field by a code', async () => {
    const employee = await signedInEmployee(context)
    const added = await call(employee, 'POST', '/persons', { name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2020-05-05' })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ kind: 'dependent', status: 'pending', addedByEmployee: true, relationship: '子', birthDate: '2020-05-05' })
    expect(await context.db.person.findUniqueOrThrow({ where: { id: added.json().id } })).toMatchObject({ relationship: '子' })
    const valid = { name: '次郎', kana: 'ジロウ', relationship: '02', birthDate: '2020-05-05' }
    const bad: [Record<string, unknown>, string, string][] = [
      [{ ...valid, name: '' }, 'name', 'required'],
      [{ ...valid, name: '次郎\u0007' }, 'name', 'control_character'],
      [{ ...valid, kana: 'jiro' }, 'kana', 'kana_katakana'],
      [{ ...valid, relationship: '子' }, 'relationship', 'relationship'],
      [{ ...valid, relationship: 'spouse' }, 'relationship', 'relationship'],
      [{ ...valid, relationship: '00' }, 'relationship', 'relationship'],
      [{ ...valid, birthDate: '2999-01-01' }, 'birthDate', 'birth_date'],
      [{ ...valid, birthDate: '2020-02-30' }, 'birthDate', 'birth_date'],
      [{ ...valid, name: 42 }, 'name', 'invalid'],
    ]
    for (const [payload, path, code] of bad) {
      const response = await call(employee, 'POST', '/persons', payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect(response.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path, code }] })
      // Codes the SPA words in the employee's language: no Japanese prose.
      expect(response.body).not.toMatch(/[\u3040-\u30FF]/)
    }
    const malformed = await context.app.inject({
      method: 'POST',
      url: '/api/employee/persons',
      headers: { ...employee.auth, 'content-type': 'application/json' },
      payload: '{"name": ',
    })
    expect(malformed.statusCode).toBe(400)
    expect((await call(employee, 'GET', '/persons')).json().persons).toHaveLength(4)
  })

  it('sets a dependent not applicable and back, discarding their drafts; never the employee', async () => {
    const employee = await signedInEmployee(context)
    const dependent = employee.dependents[0]!
    await upload(employee, dependent.id, { role: 'number', slot: 0, side: 'front', type: 'resident_record' })
    const off = await call(employee, 'PUT', `/persons/${dependent.id}/applicability`, { applicable: false })
    expect(off.json()).toMatchObject({ status: 'not_applicable' })
    expect(await context.db.document.count({ where: { personId: dependent.id } })).toBe(0)
    expect((await call(employee, 'PUT', `/persons/${dependent.id}/applicability`, { applicable: true })).json()).toMatchObject({ status: 'pending' })
    const self = await call(employee, 'PUT', `/persons/${employee.employee.id}/applicability`, { applicable: false })
    expect(self.statusCode).toBe(400)
    expect((await call(employee, 'PUT', `/persons/${dependent.id}/applicability`, { applicable: 'no' })).statusCode).toBe(400)
    expect((await call(employee, 'PUT', '/persons/not-a-uuid/applicability', { applicable: false })).statusCode).toBe(400)
  })

  it('answers 404 for another employee’s people and changes nothing of theirs', async () => {
    const employee = await signedInEmployee(context)
    const other = await signedInEmployee(context)
    const before = await context.db.person.findMany({ where: { campaignId: other.campaign.id }, orderBy: { id: 'asc' } })
    for (const personId of [other.employee.id, other.dependents[1]!.id]) {
      expect((await call(employee, 'PUT', `/persons/${personId}/applicability`, { applicable: false })).statusCode).toBe(404)
      expect(
        (await call(employee, 'POST', `/persons/${personId}/registration`, { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null }))
          .statusCode,
      ).toBe(404)
      expect((await call(employee, 'DELETE', `/persons/${personId}/registration`)).statusCode).toBe(404)
    }
    expect(await context.db.person.findMany({ where: { campaignId: other.campaign.id }, orderBy: { id: 'asc' } })).toEqual(before)
  })
})

describe('「登録する」', () => {
  it('refuses a registration that breaks the rules or lacks an image, and keeps the drafts', async () => {
    const employee = await signedInEmployee(context)
    const me = employee.employee.id
    await upload(employee, me, { role: 'number', slot: 0, side: 'front', type: 'notification_card' })
    const noIdentity = await call(employee, 'POST', `/persons/${me}/registration`, {
      numberDocument: { type: 'notification_card', hasBack: false },
      identity: null,
    })
    expect(noIdentity.statusCode).toBe(422)
    expect(noIdentity.json().error.details.problems).toEqual([{ code: 'identity_required' }])

    const registration = {
      numberDocument: { type: 'notification_card', hasBack: false },
      identity: {
        withPhoto: false,
        documents: [
          { type: 'health_insurance', hasBack: true },
          { type: 'pension_book', hasBack: false },
        ],
      },
    }
    const missing = await call(employee, 'POST', `/persons/${me}/registration`, registration)
    expect(missing.statusCode).toBe(422)
    expect(missing.json().error.details.missing).toHaveLength(3)
    expect((await call(employee, 'POST', `/persons/${me}/registration`, { numberDocument: { type: 'fax' }, identity: null })).statusCode).toBe(400)

    await upload(employee, me, { role: 'identity', slot: 0, side: 'front', type: 'health_insurance' })
    await upload(employee, me, { role: 'identity', slot: 0, side: 'back', type: 'health_insurance' })
    // An image of the wrong type in a slot does not count.
    await upload(employee, me, { role: 'identity', slot: 1, side: 'front', type: 'student_id' })
    expect((await call(employee, 'POST', `/persons/${me}/registration`, registration)).statusCode).toBe(422)
    await upload(employee, me, { role: 'identity', slot: 1, side: 'front', type: 'pension_book' })

    const registered = await call(employee, 'POST', `/persons/${me}/registration`, registration)
    expect(registered.statusCode, registered.body).toBe(200)
    expect(registered.json()).toMatchObject({ status: 'registered' })
    expect(await context.db.document.count({ where: { personId: me, state: 'DRAFT' } })).toBe(4)
    // Registered: no more uploads or re-registration until started over.
    const again = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'notification_card' }, photo)
    const refused = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${me}/images`,
      headers: { ...employee.auth, ...again.headers },
      payload: again.payload,
    })
    expect(refused.statusCode).toBe(409)
    expect((await call(employee, 'POST', `/persons/${me}/registration`, registration)).json().error.code).toBe('PERSON_REGISTERED')
  })

  it('takes the number document alone where the campaign relies on the employment relationship, and never a 通知カード as 身元確認', async () => {
    const employee = await signedInEmployee(context, { campaign: { identityByEmployment: true } })
    const me = employee.employee.id
    expect((await call(employee, 'GET', '/me')).json().campaign.identityByEmployment).toBe(true)
    await upload(employee, me, { role: 'number', slot: 0, side: 'front', type: 'notification_card' })
    const offered = await call(employee, 'POST', `/persons/${me}/registration`, {
      numberDocument: { type: 'notification_card', hasBack: false },
      identity: { withPhoto: true, documents: [{ type: 'passport', hasBack: false }] },
    })
    expect(offered.json().error.details.problems).toEqual([{ code: 'identity_not_needed' }])
    const registered = await call(employee, 'POST', `/persons/${me}/registration`, {
      numberDocument: { type: 'notification_card', hasBack: false },
      identity: null,
    })
    expect(registered.statusCode, registered.body).toBe(200)

    // Where identity is verified in Bango, the number document cannot stand in for it.
    const other = await signedInEmployee(context)
    expect((await call(other, 'GET', '/me')).json().campaign.identityByEmployment).toBe(false)
    const asIdentity = await call(other, 'POST', `/persons/${other.employee.id}/registration`, {
      numberDocument: { type: 'resident_record', hasBack: false },
      identity: {
        withPhoto: false,
        documents: [
          { type: 'notification_card', hasBack: false },
          { type: 'health_insurance', hasBack: false },
        ],
      },
    })
    expect(asIdentity.statusCode).toBe(400)
  })

  it('drops images the final choice does not use (a back declared absent)', async () => {
    const employee = await signedInEmployee(context)
    const dependent = employee.dependents[0]!.id
    await upload(employee, dependent, { role: 'number', slot: 0, side: 'front', type: 'resident_record' })
    await upload(employee, dependent, { role: 'number', slot: 0, side: 'back', type: 'resident_record' })
    const response = await call(employee, 'POST', `/persons/${dependent}/registration`, {
      numberDocument: { type: 'resident_record', hasBack: false },
      identity: null,
    })
    expect(response.statusCode).toBe(200)
    const left = await context.db.document.findMany({ where: { personId: dependent } })
    expect(left.map((d) => d.side)).toEqual(['FRONT'])
  })

  it('starts a registered person over on request', async () => {
    const employee = await signedInEmployee(context)
    const dependent = employee.dependents[1]!.id
    await registerWithMyNumberCard(employee, dependent)
    expect((await call(employee, 'DELETE', `/persons/${dependent}/registration`)).json()).toMatchObject({ status: 'pending' })
    expect(await context.db.document.count({ where: { personId: dependent } })).toBe(0)
  })
})

describe('「完了」', () => {
  it('is refused until everyone is ☑ or not applicable, then submits everything at once, idempotently', async () => {
    const employee = await signedInEmployee(context)
    const [spouse, child] = employee.dependents as [Employee['dependents'][0], Employee['dependents'][0]]
    await registerWithMyNumberCard(employee, employee.employee.id)
    const early = await call(employee, 'POST', '/submission')
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('NOT_READY_TO_SUBMIT')

    await registerWithMyNumberCard(employee, spouse.id)
    await call(employee, 'PUT', `/persons/${child.id}/applicability`, { applicable: false })
    expect((await call(employee, 'GET', '/persons')).json().canSubmit).toBe(true)

    const done = await call(employee, 'POST', '/submission')
    expect(done.statusCode, done.body).toBe(200)
    const submission = await context.db.submission.findUniqueOrThrow({ where: { employeeId: employee.employee.id }, include: { documents: true } })
    expect(submission.documents).toHaveLength(4)
    expect(submission.documents.every((d) => d.state === 'SUBMITTED')).toBe(true)
    expect(new Date(done.json().submittedAt)).toEqual(submission.submittedAt)

    // A second tap reaches the gate with a receipt-only session; a retry racing the first
    // (past the gate before it committed) gets the same submission back from the domain.
    const again = await call(employee, 'POST', '/submission')
    expect(again.statusCode).toBe(403)
    expect(again.json().error.code).toBe('SESSION_RECEIPT_ONLY')
    const credential = await context.db.credential.findUniqueOrThrow({ where: { employeeId: employee.employee.id } })
    const identity = await context.app.services.credentials.current(credential.id)
    expect(await context.app.services.submissions.submit(identity!)).toEqual(done.json())
    expect(await context.db.submission.count({ where: { employeeId: employee.employee.id } })).toBe(1)

    // After 完了 the session reads only the receipt, and the draft is closed to any session.
    expect((await call(employee, 'PUT', `/persons/${child.id}/applicability`, { applicable: true })).json().error.code).toBe('SESSION_RECEIPT_ONLY')
    expect((await call(employee, 'POST', '/persons', { name: '追加', kana: 'ツイカ', relationship: '02', birthDate: '2021-01-01' })).statusCode).toBe(403)
    expect((await call(employee, 'GET', '/persons')).json()).toMatchObject({ canSubmit: false, submittedAt: submission.submittedAt.toISOString() })
    await expect(context.app.services.persons.setApplicability(identity!, child.id, true)).rejects.toMatchObject({ code: 'ALREADY_SUBMITTED' })
  })

  it('changes nothing when the transaction fails inside, and succeeds on retry', async () => {
    const employee = await signedInEmployee(context)
    await registerWithMyNumberCard(employee, employee.employee.id)
    for (const dependent of employee.dependents) await registerWithMyNumberCard(employee, dependent.id)
    const before = await snapshot()

    // A failure at the very end of the transaction (the audit insert comes last).
    await context.db.$executeRawUnsafe(`CREATE FUNCTION fail_submission() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'employee.submitted' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`)
    await context.db.$executeRawUnsafe(`CREATE TRIGGER fail_submission BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_submission()`)
    try {
      const failed = await call(employee, 'POST', '/submission')
      expect(failed.statusCode).toBe(500)
      expect(failed.json().error).toEqual({ code: 'INTERNAL', message: expect.any(String), requestId: failed.headers['x-request-id'] })
      expect(failed.body).not.toContain('injected')
    } finally {
      await context.db.$executeRawUnsafe('DROP TRIGGER fail_submission ON audit_events')
      await context.db.$executeRawUnsafe('DROP FUNCTION fail_submission')
    }
    expect(await snapshot()).toEqual(before)

    expect((await call(employee, 'POST', '/submission')).statusCode).toBe(200)
    expect(await context.db.document.count({ where: { personId: employee.employee.id, state: 'SUBMITTED' } })).toBe(2)
  })
})

describe('progress for HR', () => {
  const progressOf = async (employeeId: string) => (await context.db.person.findUniqueOrThrow({ where: { id: employeeId } })).progress

  it('moves forward with each step, and never back (re-issue, purge, 対象外 undone)', async () => {
    const seeded = await context.newEmployee()
    const id = seeded.employee.id
    expect(await progressOf(id)).toBe('ISSUED')
    expect(seeded.dependents.every((d) => d.progress === 'UNISSUED')).toBe(true)
    const accessToken = await login(context.app, seeded.token, seeded.password)
    const employee = { ...seeded, accessToken, auth: { authorization: `Bearer ${accessToken}` } }
    expect(await progressOf(id)).toBe('LOGGED_IN')
    // The dashboard's copy of the last login, written with it.
    const credential = await context.db.credential.findUniqueOrThrow({ where: { employeeId: id } })
    expect((await context.db.person.findUniqueOrThrow({ where: { id } })).lastLoginAt).toEqual(credential.lastLoginAt)
    await call(employee, 'POST', '/consent', { purposes: seeded.campaign.purposes })
    expect(await progressOf(id)).toBe('CONSENTED')
    await call(employee, 'PUT', `/persons/${seeded.dependents[0]!.id}/applicability`, { applicable: false })
    expect(await progressOf(id)).toBe('IN_PROGRESS')
    await call(employee, 'PUT', `/persons/${seeded.dependents[0]!.id}/applicability`, { applicable: true })
    await context.app.services.credentials.issue(id)
    expect(await progressOf(id)).toBe('IN_PROGRESS')
    expect((await context.db.person.findUniqueOrThrow({ where: { id: seeded.dependents[0]!.id } })).progress).toBe('UNISSUED')
  })

  it('an upload alone makes 登録中; 完了 makes 完了', async () => {
    const employee = await signedInEmployee(context)
    expect(await progressOf(employee.employee.id)).toBe('CONSENTED')
    await upload(employee, employee.employee.id, { role: 'number', slot: 0, side: 'front', type: 'my_number_card' })
    expect(await progressOf(employee.employee.id)).toBe('IN_PROGRESS')
    await upload(employee, employee.employee.id, { role: 'number', slot: 0, side: 'back', type: 'my_number_card' })
    await call(employee, 'POST', `/persons/${employee.employee.id}/registration`, { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null })
    for (const dependent of employee.dependents) await call(employee, 'PUT', `/persons/${dependent.id}/applicability`, { applicable: false })
    expect((await call(employee, 'POST', '/submission')).statusCode).toBe(200)
    expect(await progressOf(employee.employee.id)).toBe('SUBMITTED')
    await context.app.services.credentials.issue(employee.employee.id)
    expect(await progressOf(employee.employee.id)).toBe('SUBMITTED')
  })
})

describe('draft lifetime', () => {
  it('purges expired drafts with their blobs, puts people back to 未登録, and never touches submissions', async () => {
    const submitted = await signedInEmployee(context)
    await registerWithMyNumberCard(submitted, submitted.employee.id)
    for (const dependent of submitted.dependents) await call(submitted, 'PUT', `/persons/${dependent.id}/applicability`, { applicable: false })
    expect((await call(submitted, 'POST', '/submission')).statusCode).toBe(200)

    const drafting = await signedInEmployee(context, { campaign: { draftLifetimeHours: 1 } })
    await registerWithMyNumberCard(drafting, drafting.employee.id)
    const fresh = drafting.dependents[0]!.id
    await upload(drafting, fresh, { role: 'number', slot: 0, side: 'front', type: 'resident_record' })
    const draftBlobs = (await context.db.document.findMany({ where: { personId: drafting.employee.id } })).map((d) => d.blobKey)
    const submittedBefore = await context.db.document.findMany({ where: { personId: submitted.employee.id } })

    // Two hours later: the employee's drafts are past the 1 h lifetime; age the fresh upload by 30 min only.
    const now = new Date(Date.now() + 2 * 3_600_000)
    await context.db.document.updateMany({ where: { personId: fresh }, data: { createdAt: new Date(now.getTime() - 30 * 60_000) } })
    const result = await context.app.services.drafts.purgeExpired(now)
    expect(result.images).toBeGreaterThanOrEqual(2)

    expect(await context.db.document.count({ where: { personId: drafting.employee.id } })).toBe(0)
    expect(await context.db.document.count({ where: { personId: fresh } })).toBe(1)
    expect((await context.db.person.findUniqueOrThrow({ where: { id: drafting.employee.id } })).status).toBe('PENDING')
    for (const key of draftBlobs) expect(await blobExists(context.blobs, key)).toBe(false)
    expect(await context.db.document.findMany({ where: { personId: submitted.employee.id } })).toEqual(submittedBefore)
    expect(await context.db.auditEvent.count({ where: { action: 'draft.purged', companyId: drafting.company.id } })).toBe(1)
  })

  it('collects pending blobs no row points at, after a grace period, without listing the store', async () => {
    // An upload that crashed between its blob write and its commit: a pending row and a blob.
    const orphan = '0a0a0a0a-0000-4000-8000-000000000000'
    await context.app.services.drafts.collectOrphans(new Date(0))
    await context.app.services.pendingBlobs.record(orphan)
    await context.blobs.put(orphan, Buffer.from('ciphertext'))
    // A blob nobody recorded is not the sweeper's to find (the store is never listed).
    const unrecorded = '0b0b0b0b-0000-4000-8000-000000000000'
    await context.blobs.put(unrecorded, Buffer.from('ciphertext'))
    expect(await context.app.services.drafts.collectOrphans(new Date(Date.now() - 3_600_000))).toBe(0)
    expect(await context.app.services.drafts.collectOrphans(new Date(Date.now() + 1000))).toBe(1)
    expect(await blobExists(context.blobs, orphan)).toBe(false)
    expect(await context.db.pendingBlob.count({ where: { blobKey: orphan } })).toBe(0)
    expect(await blobExists(context.blobs, unrecorded)).toBe(true)
  })
})

describe('a closed campaign', () => {
  it('refuses changes and 完了, and the sweeper purges its drafts at once', async () => {
    const employee = await signedInEmployee(context)
    await upload(employee, employee.employee.id, { role: 'number', slot: 0, side: 'front', type: 'my_number_card' })
    await context.db.campaign.update({ where: { id: employee.campaign.id }, data: { status: 'CLOSED' } })

    const body = imageUpload({ role: 'number', slot: 0, side: 'back', type: 'my_number_card' }, photo)
    const refused = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${employee.employee.id}/images`,
      headers: { ...employee.auth, ...body.headers },
      payload: body.payload,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('CAMPAIGN_CLOSED')
    expect((await call(employee, 'POST', '/submission')).json().error.code).toBe('CAMPAIGN_CLOSED')
    expect((await call(employee, 'POST', '/persons', { name: '追加', kana: 'ツイカ', relationship: '02', birthDate: '2021-01-01' })).statusCode).toBe(409)

    // The sweeper, as the server runs it: drafts of a closed campaign do not wait for their lifetime.
    const sweeper = startSweeper(context.app.services.drafts, { intervalMs: 60_000, log: context.app.log })
    await sweeper.run()
    await sweeper.stop()
    expect(await context.db.document.count({ where: { personId: employee.employee.id } })).toBe(0)
  })
})

describe('GET /api/health', () => {
  it('answers ok when the database answers, without authentication', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
    expect(response.headers['cache-control']).toBe('no-store')
  })
})
