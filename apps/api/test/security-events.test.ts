/**
 * Security events carry one name each in the log's `event` field (lib/security-events.ts), so
 * that alerts can match them: every one is emitted where it happens, with the exact name, and no
 * other `event` name appears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECURITY_EVENTS, type SecurityEvent } from '../src/lib/security-events.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee, signedInOperator } from './harness.ts'
import { numberUrl, submittedEmployee, validNumber } from './number-helpers.ts'

const lines: string[] = []
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ log: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } })
}, 60_000)
afterAll(async () => {
  await context.close()
})

type Line = { event?: string; level: number; msg: string; code?: string; resource?: string; req?: { url: string } }
/** The log lines written while `run` ran. */
async function logged(run: () => Promise<unknown>): Promise<Line[]> {
  const from = lines.length
  await run()
  return lines.slice(from).map((line) => JSON.parse(line) as Line)
}
const events = (log: Line[]) => log.filter((line) => line.event !== undefined).map((line) => line.event)

describe('security events', () => {
  it('authn_login_fail, then authn_login_lock (a warning), for an employee', async () => {
    const employee = await context.newEmployee()
    const attempt = () => context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: 'wrong-password' } })
    expect(events(await logged(attempt))).toEqual<SecurityEvent[]>(['authn_login_fail'])
    const unknown = await logged(() =>
      context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: 'x'.repeat(43), password: 'wrong-password' } }),
    )
    expect(events(unknown)).toEqual(['authn_login_fail'])
    for (let i = 0; i < 3; i++) await attempt()
    const locking = await logged(attempt)
    expect(events(locking)).toEqual(['authn_login_lock'])
    expect(locking.find((line) => line.event)!.level).toBe(40)
    expect(events(await logged(attempt))).toEqual(['authn_login_lock'])
  })

  it('authn_login_fail and authn_login_lock for an operator', async () => {
    const { operator } = await signedInOperator(context)
    const attempt = () => context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: operator.email, password: 'wrong-password-123' } })
    expect(events(await logged(attempt))).toEqual(['authn_login_fail'])
    for (let i = 0; i < 3; i++) await attempt()
    expect(events(await logged(attempt))).toEqual(['authn_login_lock'])
  })

  it('authz_fail for a missing or ended session, a missing CSRF token and a forbidden action', async () => {
    const operator = await signedInOperator(context, { role: 'operator' })
    const refusals = await logged(async () => {
      expect((await context.app.inject({ method: 'GET', url: '/api/employee/me' })).statusCode).toBe(401)
      expect(
        (await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } })).statusCode,
      ).toBe(401)
      expect((await context.app.inject({ method: 'GET', url: '/api/admin/companies' })).statusCode).toBe(401)
      expect(
        (await context.app.inject({ method: 'POST', url: '/api/admin/companies', headers: { cookie: operator.headers.cookie }, payload: { name: 'x' } }))
          .statusCode,
      ).toBe(403)
      expect((await context.app.inject({ method: 'POST', url: '/api/admin/companies', headers: operator.headers, payload: { name: 'x' } })).statusCode).toBe(
        403,
      )
    })
    expect(events(refusals)).toEqual(Array(5).fill('authz_fail'))
    // An ordinary refusal (a 404, a bad body) is not a security event.
    const ordinary = await logged(async () => {
      await context.app.inject({ method: 'GET', url: '/api/nothing-here' })
      await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: 1 } })
    })
    expect(events(ordinary)).toEqual([])
  })

  it('upload_validation for an image that is not one, or a body without a file', async () => {
    const employee = await signedInEmployee(context)
    const url = `/api/employee/persons/${employee.employee.id}/images`
    const log = await logged(async () => {
      const fake = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, Buffer.from('GIF89a not really an image'))
      expect((await context.app.inject({ method: 'POST', url, headers: { ...employee.auth, ...fake.headers }, payload: fake.payload })).statusCode).toBe(415)
      expect((await context.app.inject({ method: 'POST', url, headers: employee.auth, payload: { role: 'number' } })).statusCode).toBe(400)
    })
    expect(events(log)).toEqual(['upload_validation', 'upload_validation'])
  })

  it('sensitive_read for an image view, a number reveal and both exports — with ids, never the data', async () => {
    const number = validNumber()
    const employee = await submittedEmployee(context, { typed: [number, validNumber()] })
    const [first, second] = [
      await signedInOperator(context, { role: 'administrator', companyId: employee.company.id }),
      await signedInOperator(context, { role: 'administrator', companyId: employee.company.id }),
    ]
    for (const operator of [first, second]) {
      await context.app.inject({ method: 'PUT', url: numberUrl(employee, employee.employee.id, '/entries'), headers: operator.headers, payload: { number } })
    }
    const document = await context.db.document.findFirstOrThrow({ where: { personId: employee.employee.id } })
    const campaign = `/api/admin/campaigns/${employee.campaign.id}`
    const log = await logged(async () => {
      for (const [method, url] of [
        ['GET', `${campaign}/documents/${document.id}/image`],
        ['POST', numberUrl(employee, employee.employee.id, '/reveal')],
        ['GET', `${campaign}/exports/payroll.csv`],
        ['GET', `${campaign}/exports/documents.zip`],
      ] as const) {
        const response = await context.app.inject({ method, url, headers: first.headers })
        expect(response.statusCode, `${url} ${response.body.slice(0, 200)}`).toBe(200)
      }
    })
    const reads = log.filter((line) => line.event === 'sensitive_read')
    expect(reads.map((line) => line.resource)).toEqual(['document_image', 'number_reveal', 'payroll_csv', 'documents_zip'])
    expect(JSON.stringify(log)).not.toContain(number)
  })

  it('uses no other event name anywhere', () => {
    const names = new Set(lines.map((line) => (JSON.parse(line) as Line).event).filter((event) => event !== undefined))
    expect([...names].sort()).toEqual([...SECURITY_EVENTS].sort())
  })
})
