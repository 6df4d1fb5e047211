/**
 * The console's services take a scope that only domain/admin/access.ts makes (ADR 053). A bare id,
 * a copy of a scope or a scope of the wrong kind does not compile where a scope is asked for:
 * `pnpm typecheck` fails when an @ts-expect-error below no longer finds its error. And access
 * makes a scope only of what the operator may reach, with their role there.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import type { OperatorIdentity } from '../src/domain/admin/access.ts'
import { createCampaign, createCompany, createEmployee, createOperator } from './factories.ts'
import { type TestContext, createTestContext } from './harness.ts'

let context: TestContext
let company: { id: string }
let campaign: { id: string }
let employee: { employee: { id: string }; dependents: { id: string }[] }
let operator: OperatorIdentity

async function identity(role: 'administrator' | 'operator', companyId: string): Promise<OperatorIdentity> {
  const { operator: account } = await createOperator(context.app.services.operators, { assignments: [{ companyId, role }] })
  return { operatorId: account.id, sessionId: randomUUID(), email: account.email, name: account.name, isSystemAdmin: false, address: '127.0.0.1' }
}

beforeAll(async () => {
  context = await createTestContext()
  company = await createCompany(context.db)
  campaign = await createCampaign(context.db, company.id)
  employee = await createEmployee(context.db, campaign.id)
  operator = await identity('operator', company.id)
}, 60_000)
afterAll(() => context.close())

describe('console scopes', () => {
  it('take a scope, never a bare id, a copy of a scope or a scope of another kind', async () => {
    const { access, dashboard, review, payrollExport } = context.app.services
    const scope = await access.forCampaign(operator, campaign.id)
    expectTypeOf(dashboard.counts).toBeCallableWith(scope)
    // @ts-expect-error a campaign id is not a scope
    expectTypeOf(dashboard.counts).toBeCallableWith(campaign.id)
    // @ts-expect-error nor is a copy of one: its private field makes the scope nominal
    expectTypeOf(dashboard.counts).toBeCallableWith({ ...scope })
    // @ts-expect-error a campaign's scope is not an employee's
    expectTypeOf(review.submission).toBeCallableWith(scope)
    // @ts-expect-error the export's service takes the campaign it checked, not its id
    expectTypeOf(payrollExport.summary).toBeCallableWith(campaign.id)
    expect(await dashboard.counts(scope)).toMatchObject({ total: 1 })
  })

  it('carries the role in the company, and the campaign, employee and person it resolved', async () => {
    const { access } = context.app.services
    const person = await access.forPerson(operator, campaign.id, employee.employee.id, employee.dependents[0]!.id)
    expect(person).toMatchObject({
      companyId: company.id,
      role: 'operator',
      canExport: false,
      campaignId: campaign.id,
      employeeId: employee.employee.id,
      personId: employee.dependents[0]!.id,
    })
    expect(person.operator.operatorId).toBe(operator.operatorId)
  })

  it('refuses what the operator may not reach: another company NOT_FOUND, a missing right FORBIDDEN, another household’s person NOT_FOUND', async () => {
    const { access, payrollExport } = context.app.services
    const elsewhere = await identity('administrator', (await createCompany(context.db)).id)
    await expect(access.forCampaign(elsewhere, campaign.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(access.forCompany(elsewhere, company.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(access.forCampaign(operator, campaign.id, 'administrator')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // The service asks for its own level: an operator's scope does not export.
    await expect(payrollExport.summary(await access.forCampaign(operator, campaign.id))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const other = await createEmployee(context.db, campaign.id)
    await expect(access.forPerson(operator, campaign.id, employee.employee.id, other.dependents[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(access.forEmployee(operator, campaign.id, employee.dependents[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
