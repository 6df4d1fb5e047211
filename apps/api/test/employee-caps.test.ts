/** What one employee can create is capped (dependents, live handoff codes). */
import { EMPLOYEE_LIMITS } from '@bango/shared/employee-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInEmployee } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const dependent = (n: number) => ({ name: `総合 ${n}郎`, kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2015-01-01' })

describe('caps on what one employee creates', () => {
  it(`refuses a dependent beyond ${EMPLOYEE_LIMITS.maxDependents} and keeps the others`, async () => {
    const employee = await signedInEmployee(context)
    const existing = employee.dependents.length
    for (let n = existing; n < EMPLOYEE_LIMITS.maxDependents; n++) {
      const added = await context.app.inject({ method: 'POST', url: '/api/employee/persons', headers: employee.auth, payload: dependent(n) })
      expect(added.statusCode).toBe(201)
    }
    const refused = await context.app.inject({ method: 'POST', url: '/api/employee/persons', headers: employee.auth, payload: dependent(99) })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('TOO_MANY_DEPENDENTS')
    expect(await context.db.person.count({ where: { employeeId: employee.employee.id } })).toBe(EMPLOYEE_LIMITS.maxDependents)
  })

  it(`keeps at most ${EMPLOYEE_LIMITS.liveHandoffCodes} live handoff codes per login; a retired one no longer opens a session`, async () => {
    const employee = await signedInEmployee(context)
    const codes: string[] = []
    for (let n = 0; n < EMPLOYEE_LIMITS.liveHandoffCodes + 2; n++) {
      const issued = await context.app.inject({ method: 'POST', url: '/api/employee/session/handoff', headers: employee.auth })
      expect(issued.statusCode).toBe(201)
      codes.push(issued.json().code)
    }
    const credential = await context.db.credential.findUniqueOrThrow({ where: { employeeId: employee.employee.id } })
    expect(await context.db.sessionHandoff.count({ where: { credentialId: credential.id, usedAt: null } })).toBe(EMPLOYEE_LIMITS.liveHandoffCodes)
    const oldest = await context.app.inject({ method: 'POST', url: '/api/employee/session/handoff/redeem', payload: { code: codes[0] } })
    expect(oldest.statusCode).toBe(401)
    const newest = await context.app.inject({ method: 'POST', url: '/api/employee/session/handoff/redeem', payload: { code: codes.at(-1) } })
    expect(newest.statusCode).toBe(200)
  })
})
