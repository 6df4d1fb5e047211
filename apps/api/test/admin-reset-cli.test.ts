/**
 * `pnpm admin:reset-password --email …`: the way back for a system administrator (nobody in the
 * console governs them) who lost the password, the authenticator or both.
 */
import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliError, parseResetPasswordArgs, resetPasswordFromCli } from '../src/cli/admin-reset-password.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const HOUR = 3_600_000

describe('pnpm admin:reset-password', () => {
  it('reads --email (with or without pnpm’s -- separator) and refuses anything else', () => {
    expect(parseResetPasswordArgs(['--', '--email', ' Root@Example.TEST '])).toEqual({ email: 'root@example.test' })
    expect(() => parseResetPasswordArgs([])).toThrow(/Missing --email/)
    expect(() => parseResetPasswordArgs(['--email', 'a@example.test', '--name', 'x'])).toThrow(CliError)
  })

  it('resets a system administrator who lost the password and the authenticator, audited as the system', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    const begin = await context.app.inject({
      method: 'POST',
      url: '/api/admin/account/totp',
      headers: system.headers,
      payload: { currentPassword: system.password },
    })
    const code = new TOTP({ secret: begin.json().secret }).generate()
    await context.app.inject({ method: 'POST', url: '/api/admin/account/totp/confirm', headers: system.headers, payload: { code } })
    const { password, expiresAt } = await resetPasswordFromCli(context.db, { email: system.operator.email })
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * HOUR)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: system.headers })).statusCode).toBe(401)
    const signedIn = await context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: system.operator.email, password } })
    expect(signedIn.json()).toMatchObject({ stage: 'password_change_required', operator: { totpEnabled: false } })
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'operator.reset', targetId: system.operator.id } })
    expect(event).toMatchObject({ actorType: 'system', actorId: null, detail: { via: 'cli' } })
    await expect(resetPasswordFromCli(context.db, { email: 'nobody@example.test' })).rejects.toThrow(/No account/)
  })
})
