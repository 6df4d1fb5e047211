import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliError, createSystemAdmin, parseAdminCreateArgs } from '../src/cli/admin-create.ts'
import { type TestContext, createTestContext } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

describe('pnpm admin:create', () => {
  it('reads --email and --name (with or without pnpm’s -- separator)', () => {
    expect(parseAdminCreateArgs(['--email', ' Root@Example.TEST ', '--name', ' 管理 太郎 '])).toEqual({ email: 'root@example.test', name: '管理 太郎' })
    expect(parseAdminCreateArgs(['--', '--email=a@example.test', '--name=A'])).toEqual({ email: 'a@example.test', name: 'A' })
  })

  it.each([
    [[], /Missing --email and --name/],
    [['--email', 'a@example.test'], /Missing --name/],
    [['--email', 'not-an-email', '--name', 'A'], /Invalid --email/],
    [['--email', 'a@example.test', '--name', '  '], /Invalid --name/],
    [['--email', 'a@example.test', '--name', 'A', '--role', 'x'], /Unknown option '--role'/],
    [['--email', 'a@example.test', '--name', 'A', 'extra'], /positional/],
  ])('refuses %j with a usage message', (argv, message) => {
    expect(() => parseAdminCreateArgs(argv)).toThrow(CliError)
    expect(() => parseAdminCreateArgs(argv)).toThrow(message)
    expect(() => parseAdminCreateArgs(argv)).toThrow(/Usage: pnpm admin:create/)
  })

  it('creates a system administrator whose one-time password must be changed at the first sign-in', async () => {
    const { operator, password } = await createSystemAdmin(context.db, context.secrets.keyring, { email: 'root@example.test', name: '管理 太郎' })
    expect(operator).toMatchObject({ isSystemAdmin: true, mustChangePassword: true })
    const signIn = await context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: 'root@example.test', password } })
    expect(signIn.json()).toMatchObject({ stage: 'password_change_required', operator: { isSystemAdmin: true } })
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'operator.created', targetId: operator.id } })
    expect(event).toMatchObject({ actorType: 'system', detail: { systemAdmin: true, via: 'cli', installationRequiresTotp: true } })
  })

  it('makes a new installation require two-step sign-in of everyone; one with accounts keeps its settings', async () => {
    // The first account of this test's database was made just above: the installation is new no more.
    expect(await context.db.settings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ requireTotp: true })
    await context.db.settings.update({ where: { id: 1 }, data: { requireTotp: false } })
    const { operator, password } = await createSystemAdmin(context.db, context.secrets.keyring, { email: 'second@example.test', name: '管理 次郎' })
    expect(await context.db.settings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ requireTotp: false })
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'operator.created', targetId: operator.id } })
    expect(event.detail).toEqual({ systemAdmin: true, via: 'cli' })
    await context.db.settings.update({ where: { id: 1 }, data: { requireTotp: true } })
    // Required: after the password change, the sign-in goes on to enrolment.
    const signIn = await context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: 'second@example.test', password } })
    const cookie = signIn.headers['set-cookie']
    const change = await context.app.inject({
      method: 'PUT',
      url: '/api/admin/account/password',
      headers: { cookie: String(cookie), 'x-csrf-token': signIn.json().csrfToken },
      payload: { currentPassword: password, newPassword: 'a-long-new-password-2026' },
    })
    expect(change.json()).toMatchObject({ stage: 'enrolment_required' })
  })

  it('refuses an e-mail that already has an account, creating nothing', async () => {
    await createSystemAdmin(context.db, context.secrets.keyring, { email: 'taken@example.test', name: 'A' })
    const before = await context.db.operator.count()
    await expect(createSystemAdmin(context.db, context.secrets.keyring, { email: 'taken@example.test', name: 'B' })).rejects.toThrow(/already exists/)
    expect(await context.db.operator.count()).toBe(before)
  })
})
