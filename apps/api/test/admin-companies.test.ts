import { companiesResponseSchema, companySchema } from '@bango/shared/admin-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompany } from './factories.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

type Method = 'GET' | 'POST' | 'PATCH'
const call = (headers: Record<string, string>, method: Method, url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/admin${url}`, headers, ...(payload ? { payload } : {}) })

describe('companies', () => {
  it('lists the companies the operator is assigned to, with the role in each', async () => {
    const first = await createCompany(context.db, { name: 'A 株式会社' })
    const second = await createCompany(context.db, { name: 'B 株式会社' })
    await createCompany(context.db, { name: 'C 株式会社 (not assigned)' })
    const hr = await signedInOperator(context, {
      assignments: [
        { companyId: first.id, role: 'administrator' },
        { companyId: second.id, role: 'operator' },
      ],
    })
    const response = await call(hr.headers, 'GET', '/companies')
    expect(response.statusCode).toBe(200)
    const { companies } = companiesResponseSchema.parse(response.json())
    expect(companies.map((c) => [c.name, c.role])).toEqual([
      ['A 株式会社', 'administrator'],
      ['B 株式会社', 'operator'],
    ])
  })

  it('a system administrator creates a company and becomes its administrator; others are refused', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    const created = await call(system.headers, 'POST', '/companies', { name: '  新会社  ' })
    expect(created.statusCode).toBe(201)
    const company = companySchema.parse(created.json())
    expect(company).toMatchObject({ name: '新会社', role: 'administrator' })
    const assignment = await context.db.companyAssignment.findUnique({
      where: { operatorId_companyId: { operatorId: system.operator.id, companyId: company.id } },
    })
    expect(assignment?.role).toBe('ADMINISTRATOR')
    expect(await context.db.auditEvent.count({ where: { action: 'company.created', targetId: company.id, actorId: system.operator.id } })).toBe(1)

    const admin = await signedInOperator(context, { role: 'administrator' })
    const before = await context.db.company.count()
    const refused = await call(admin.headers, 'POST', '/companies', { name: '勝手な会社' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('FORBIDDEN')
    expect(await context.db.company.count()).toBe(before)
  })

  it('refuses a blank or missing name with 400 and creates nothing', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    const before = await context.db.company.count()
    for (const payload of [{ name: '   ' }, {}, { name: 'x'.repeat(101) }]) {
      const response = await call(system.headers, 'POST', '/companies', payload)
      expect(response.statusCode).toBe(400)
    }
    expect(await context.db.company.count()).toBe(before)
  })

  it('a company administrator renames the company; an operator is refused; another company answers 404', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const renamed = await call(admin.headers, 'PATCH', `/companies/${admin.companyId}`, { name: '改名株式会社' })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ id: admin.companyId, name: '改名株式会社', role: 'administrator' })
    expect(await context.db.auditEvent.count({ where: { action: 'company.renamed', targetId: admin.companyId } })).toBe(1)

    const operator = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    expect((await call(operator.headers, 'PATCH', `/companies/${admin.companyId}`, { name: 'x' })).statusCode).toBe(403)

    const stranger = await signedInOperator(context, { role: 'administrator' })
    expect((await call(stranger.headers, 'PATCH', `/companies/${admin.companyId}`, { name: 'x' })).statusCode).toBe(404)
    expect((await call(admin.headers, 'PATCH', '/companies/not-a-uuid', { name: 'x' })).statusCode).toBe(400)
    expect((await context.db.company.findUniqueOrThrow({ where: { id: admin.companyId } })).name).toBe('改名株式会社')
  })
})
