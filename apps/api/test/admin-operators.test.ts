import { operatorCreatedResponseSchema, operatorSchema, operatorsResponseSchema } from '@bango/shared/admin-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompany } from './factories.ts'
import { TAKEN_ADDRESSES_PER_HOUR } from '../src/routes/admin/operators.ts'
import { type TestContext, createTestContext, sameErrorBody, signedInOperator } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

type Method = 'GET' | 'POST' | 'PATCH'
const call = (headers: Record<string, string>, method: Method, url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/admin${url}`, headers, ...(payload ? { payload } : {}) })
const signIn = (email: string, password: string) => context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password } })

describe('operator accounts', () => {
  it('an administrator creates an account with a one-time password that must be changed at first sign-in', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const created = await call(admin.headers, 'POST', `/companies/${admin.companyId}/operators`, {
      email: 'New.Hire@Example.test',
      name: '新人 花子',
      role: 'operator',
    })
    expect(created.statusCode, created.body).toBe(201)
    const { operator, oneTimePassword } = operatorCreatedResponseSchema.parse(created.json())
    expect(operator).toMatchObject({
      email: 'new.hire@example.test',
      role: 'operator',
      disabled: false,
      totpEnabled: false,
      lockedUntil: null,
      lastLoginAt: null,
    })
    expect((await signIn('new.hire@example.test', oneTimePassword)).json().stage).toBe('password_change_required')
    expect(await context.db.auditEvent.count({ where: { action: 'operator.created', targetId: operator.id, companyId: admin.companyId } })).toBe(1)

    const list = operatorsResponseSchema.parse((await call(admin.headers, 'GET', `/companies/${admin.companyId}/operators`)).json())
    expect(list.operators.map((o) => [o.email, o.role])).toEqual(
      [
        [admin.operator.email, 'administrator'],
        ['new.hire@example.test', 'operator'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    )
  })

  it('answers CONFLICT for an e-mail that already has an account, and 400 for bad input; nothing is created', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const elsewhere = await signedInOperator(context)
    const before = await context.db.operator.count()
    const taken = await call(admin.headers, 'POST', `/companies/${admin.companyId}/operators`, {
      email: elsewhere.operator.email.toUpperCase(),
      name: 'x',
      role: 'operator',
    })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.code).toBe('CONFLICT')
    for (const payload of [{}, { email: 'not-an-email', name: 'x', role: 'operator' }, { email: 'ok@example.test', name: 'x', role: 'owner' }]) {
      expect((await call(admin.headers, 'POST', `/companies/${admin.companyId}/operators`, payload)).statusCode).toBe(400)
    }
    expect(await context.db.operator.count()).toBe(before)
    expect(await context.db.companyAssignment.count({ where: { operatorId: elsewhere.operator.id } })).toBe(1)
  })

  it('an address taken outside the administrator’s companies gets the answer of one in their own, is recorded, and such answers are few an hour', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const colleague = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    const outside = await signedInOperator(context)
    const system = await signedInOperator(context, { isSystemAdmin: true, assignments: [] })
    const create = (email: string) => call(admin.headers, 'POST', `/companies/${admin.companyId}/operators`, { email, name: '確認 太郎', role: 'operator' })
    const before = { operators: await context.db.operator.count(), assignments: await context.db.companyAssignment.count() }

    const own = await create(colleague.operator.email)
    const elsewhere = await create(outside.operator.email)
    const ofSystemAdmin = await create(system.operator.email)
    for (const answer of [elsewhere, ofSystemAdmin]) {
      expect(answer.statusCode).toBe(own.statusCode)
      expect(sameErrorBody(answer.body)).toEqual(sameErrorBody(own.body))
    }
    // Every such refusal is recorded in the company, naming no account.
    const refused = await context.db.auditEvent.findMany({ where: { action: 'operator.create_refused', actorId: admin.operator.id } })
    expect(refused).toHaveLength(3)
    expect(refused.every((e) => e.companyId === admin.companyId && e.targetId === null && e.detail === null)).toBe(true)

    // Probing is bounded: past the budget every creation is refused, a free address included.
    for (let n = 3; n < TAKEN_ADDRESSES_PER_HOUR; n++) expect((await create(outside.operator.email)).statusCode).toBe(409)
    expect((await create(outside.operator.email)).json().error.code).toBe('RATE_LIMITED')
    expect((await create(`free-${Date.now()}@example.test`)).json().error.code).toBe('RATE_LIMITED')
    expect({ operators: await context.db.operator.count(), assignments: await context.db.companyAssignment.count() }).toEqual(before)
  })

  it('operators may not manage accounts; another company’s administrator gets 404', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const operator = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    const stranger = await signedInOperator(context, { role: 'administrator' })
    const url = `/companies/${admin.companyId}/operators`
    expect((await call(operator.headers, 'GET', url)).statusCode).toBe(403)
    expect((await call(operator.headers, 'POST', url, { email: 'a@example.test', name: 'a', role: 'operator' })).statusCode).toBe(403)
    expect((await call(operator.headers, 'PATCH', `${url}/${admin.operator.id}`, { disabled: true })).statusCode).toBe(403)
    expect((await call(stranger.headers, 'GET', url)).statusCode).toBe(404)
    expect((await call(stranger.headers, 'PATCH', `${url}/${operator.operator.id}`, { role: 'administrator' })).statusCode).toBe(404)
    // An account of another company, addressed through one's own company: 404 as well.
    expect((await call(admin.headers, 'PATCH', `${url}/${stranger.operator.id}`, { disabled: true })).statusCode).toBe(404)
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: stranger.operator.id } })).disabledAt).toBeNull()
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })).disabledAt).toBeNull()
  })

  it('changes the role; disabling ends every session of the account at once; enabling and unlocking are recorded', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const colleague = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    const url = `/companies/${admin.companyId}/operators/${colleague.operator.id}`

    const promoted = await call(admin.headers, 'PATCH', url, { role: 'administrator' })
    expect(operatorSchema.parse(promoted.json()).role).toBe('administrator')

    expect((await call(colleague.headers, 'GET', '/companies')).statusCode).toBe(200)
    const disabled = await call(admin.headers, 'PATCH', url, { disabled: true })
    expect(disabled.json()).toMatchObject({ disabled: true })
    expect(await context.db.adminSession.count({ where: { operatorId: colleague.operator.id, revokedAt: null } })).toBe(0)
    expect((await call(colleague.headers, 'GET', '/companies')).statusCode).toBe(401)
    expect((await signIn(colleague.operator.email, colleague.password)).statusCode).toBe(401)

    await call(admin.headers, 'PATCH', url, { disabled: false })
    await context.db.operator.update({ where: { id: colleague.operator.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedAttempts: 3 } })
    const unlocked = await call(admin.headers, 'PATCH', url, { unlock: true })
    expect(unlocked.json()).toMatchObject({ disabled: false, lockedUntil: null })
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: colleague.operator.id } })).failedAttempts).toBe(0)
    expect((await signIn(colleague.operator.email, colleague.password)).statusCode).toBe(201)

    const events = await context.db.auditEvent.findMany({
      where: { targetId: colleague.operator.id, action: { startsWith: 'operator.' } },
      orderBy: { id: 'asc' },
    })
    expect(events.map((e) => [e.action, e.detail])).toEqual([
      ['operator.role_changed', { from: 'operator', to: 'administrator' }],
      ['operator.disabled', null],
      ['operator.enabled', null],
      ['operator.unlocked', null],
    ])
    expect(events.every((e) => e.actorId === admin.operator.id && e.companyId === admin.companyId)).toBe(true)
  })

  it('an administrator cannot disable or demote themself; an empty change is 400', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const url = `/companies/${admin.companyId}/operators/${admin.operator.id}`
    expect((await call(admin.headers, 'PATCH', url, { disabled: true })).statusCode).toBe(403)
    expect((await call(admin.headers, 'PATCH', url, { role: 'operator' })).statusCode).toBe(403)
    expect((await call(admin.headers, 'PATCH', url, {})).statusCode).toBe(400)
    const assignment = await context.db.companyAssignment.findUniqueOrThrow({
      where: { operatorId_companyId: { operatorId: admin.operator.id, companyId: admin.companyId } },
    })
    expect(assignment.role).toBe('ADMINISTRATOR')
    expect((await call(admin.headers, 'GET', '/companies')).statusCode).toBe(200)
  })

  it('an account shared with a company the administrator does not run cannot be disabled by them; a system administrator can', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const other = await createCompany(context.db)
    const shared = await signedInOperator(context, {
      assignments: [
        { companyId: admin.companyId, role: 'operator' },
        { companyId: other.id, role: 'operator' },
      ],
    })
    const url = `/companies/${admin.companyId}/operators/${shared.operator.id}`
    expect((await call(admin.headers, 'PATCH', url, { disabled: true })).statusCode).toBe(403)
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: shared.operator.id } })).disabledAt).toBeNull()
    const system = await signedInOperator(context, { isSystemAdmin: true, assignments: [] })
    expect((await call(system.headers, 'PATCH', url, { disabled: true })).json()).toMatchObject({ disabled: true })
  })
})
