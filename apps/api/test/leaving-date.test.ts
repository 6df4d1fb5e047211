/**
 * 退職日 (ADR 049): HR records it per employee, and retention then counts from the year after it
 * when that is later than the 完了's. Recording one or moving it later is any role's (documents
 * are only kept longer); moving it earlier or clearing it is the administrator's. Every change is
 * audited with its old and new value. Refused: a change that would end the household's retention
 * within the grace period, a date more than a year ahead, a disposed employee.
 */
import { employeeDetailResponseSchema } from '@bango/shared/admin-dashboard'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

/** The app's clock: real time unless a test sets it. */
let clock: Date | null = null
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ now: () => clock ?? new Date() })
}, 60_000)
afterAll(() => context.close())

type Household = Awaited<ReturnType<typeof submittedEmployee>>

/** A household handed in (完了) at `submittedAt`, with an operator and an administrator of its company signed in at the clock's time. */
async function household(submittedAt: string, retentionMonths = 84) {
  const s = await submittedEmployee(context, { campaign: { retentionMonths } })
  await context.db.submission.update({ where: { employeeId: s.employee.id }, data: { submittedAt: new Date(submittedAt) } })
  const operator = await signedInOperator(context, { role: 'operator', companyId: s.company.id })
  const admin = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
  return { ...s, operator, admin }
}

const employeeUrl = (s: Household) => `/api/admin/campaigns/${s.campaign.id}/employees/${s.employee.id}`
const put = (s: Household, headers: Record<string, string>, leftOn: string | null) =>
  context.app.inject({ method: 'PUT', url: `${employeeUrl(s)}/left-on`, headers, payload: { leftOn } })
async function detail(s: Household, headers: Record<string, string>) {
  const response = await context.app.inject({ method: 'GET', url: employeeUrl(s), headers })
  expect(response.statusCode, response.body).toBe(200)
  return employeeDetailResponseSchema.parse(response.json()).employee
}
const changes = async (s: Household) =>
  (await context.db.auditEvent.findMany({ where: { action: 'person.left_on_changed', targetId: s.employee.id }, orderBy: { id: 'asc' } })).map((e) => ({
    actorId: e.actorId,
    detail: e.detail,
  }))

describe('the leaving date', () => {
  it('is recorded and moved later by an operator, moved earlier or cleared only by an administrator, each change audited', async () => {
    clock = new Date('2029-06-01T00:00:00Z')
    try {
      const s = await household('2026-06-15T03:00:00Z')
      const recorded = await put(s, s.operator.headers, '2029-03-31')
      expect(recorded.statusCode, recorded.body).toBe(200)
      // 11 January 2030 in Japan plus 84 months.
      expect(recorded.json()).toEqual({ leftOn: '2029-03-31', retentionEndsAt: '2037-01-10T15:00:00.000Z' })
      expect((await put(s, s.operator.headers, '2029-05-31')).statusCode).toBe(200)
      // Earlier, or none: the retention may end sooner.
      for (const leftOn of ['2029-04-30', null]) {
        const refused = await put(s, s.operator.headers, leftOn)
        expect(refused.statusCode, String(leftOn)).toBe(403)
        expect(refused.json().error.code).toBe('FORBIDDEN')
      }
      expect((await put(s, s.admin.headers, '2029-04-30')).statusCode).toBe(200)
      const cleared = await put(s, s.admin.headers, null)
      expect(cleared.statusCode, cleared.body).toBe(200)
      expect(cleared.json()).toEqual({ leftOn: null, retentionEndsAt: '2034-01-10T15:00:00.000Z' })
      // The same date again changes nothing and records nothing.
      expect((await put(s, s.admin.headers, null)).statusCode).toBe(200)

      expect(await changes(s)).toEqual([
        { actorId: s.operator.operator.id, detail: { changes: { leftOn: { from: null, to: '2029-03-31' } } } },
        { actorId: s.operator.operator.id, detail: { changes: { leftOn: { from: '2029-03-31', to: '2029-05-31' } } } },
        { actorId: s.admin.operator.id, detail: { changes: { leftOn: { from: '2029-05-31', to: '2029-04-30' } } } },
        { actorId: s.admin.operator.id, detail: { changes: { leftOn: { from: '2029-04-30', to: null } } } },
      ])
      expect(await detail(s, s.operator.headers)).toMatchObject({ leftOn: null, retentionEndsAt: '2034-01-10T15:00:00.000Z' })
    } finally {
      clock = null
    }
  })

  it('refuses a change that would end the retention within the grace period, whoever makes it', async () => {
    // Handed in during 2029 and kept 12 months: the period ends on 11 January 2031 in Japan, 2 days and 15 hours from now.
    clock = new Date('2031-01-08T00:00:00Z')
    try {
      const s = await household('2029-05-01T00:00:00Z', 12)
      expect((await put(s, s.operator.headers, '2030-03-31')).json()).toEqual({ leftOn: '2030-03-31', retentionEndsAt: '2032-01-10T15:00:00.000Z' })
      for (const leftOn of [null, '2029-12-31']) {
        const refused = await put(s, s.admin.headers, leftOn)
        expect(refused.statusCode, String(leftOn)).toBe(422)
        expect(refused.json().error.code).toBe('RETENTION_WITHIN_GRACE')
      }
      expect(await detail(s, s.admin.headers)).toMatchObject({ leftOn: '2030-03-31', retentionEndsAt: '2032-01-10T15:00:00.000Z' })
      // Earlier within the same year: the retention stays as it is.
      expect((await put(s, s.admin.headers, '2030-01-05')).statusCode).toBe(200)
      expect((await changes(s)).map((c) => c.detail)).toEqual([
        { changes: { leftOn: { from: null, to: '2030-03-31' } } },
        { changes: { leftOn: { from: '2030-03-31', to: '2030-01-05' } } },
      ])
    } finally {
      clock = null
    }
  })

  it('takes a date up to a year ahead, and refuses one further ahead and a disposed employee', async () => {
    clock = new Date('2027-03-01T00:00:00Z')
    try {
      const s = await household('2026-11-20T00:00:00Z')
      const ahead = await put(s, s.operator.headers, '2028-03-01')
      expect(ahead.statusCode, ahead.body).toBe(200)
      expect(ahead.json().leftOn).toBe('2028-03-01')
      const tooFar = await put(s, s.operator.headers, '2028-03-02')
      expect(tooFar.statusCode).toBe(400)
      expect(tooFar.json().error.code).toBe('VALIDATION')

      // An employee who has not handed anything in yet: the date is kept, no retention has begun.
      const fresh = await context.newEmployee()
      const freshAdmin = await signedInOperator(context, { role: 'administrator', companyId: fresh.company.id })
      const notYet = await context.app.inject({
        method: 'PUT',
        url: `/api/admin/campaigns/${fresh.campaign.id}/employees/${fresh.employee.id}/left-on`,
        headers: freshAdmin.headers,
        payload: { leftOn: '2027-02-28' },
      })
      expect(notYet.json()).toEqual({ leftOn: '2027-02-28', retentionEndsAt: null })

      const disposal = await context.app.inject({
        method: 'POST',
        url: `${employeeUrl(s)}/persons/${s.employee.id}/dispose`,
        headers: s.admin.headers,
        payload: { reason: '退職に伴う廃棄' },
      })
      expect(disposal.statusCode, disposal.body).toBe(200)
      const refused = await put(s, s.admin.headers, '2028-03-01')
      expect(refused.statusCode).toBe(409)
      expect(refused.json().error.code).toBe('PERSON_DISPOSED')
      // Disposal erases the date with the rest of the person's data (personal-data.ts).
      expect((await context.db.person.findUniqueOrThrow({ where: { id: s.employee.id } })).leftOn).toBeNull()
    } finally {
      clock = null
    }
  })
})
