/**
 * Every sign-in costs one argon2id verification with the same parameters, whether the address,
 * token or account exists: an unknown one is checked against a decoy hash, so the answer's time
 * does not tell. Counted here by wrapping argon2's verify; the times themselves belong in bench/.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import type { TestContext } from './harness.ts'

const verified = vi.hoisted(() => ({ hashes: [] as string[] }))
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const argon2 = await importOriginal<typeof import('@node-rs/argon2')>()
  return {
    ...argon2,
    verify: (hash: string, password: string) => {
      verified.hashes.push(hash)
      return argon2.verify(hash, password)
    },
  }
})

let context: TestContext
let createOperator: typeof import('./factories.ts').createOperator
beforeAll(async () => {
  // The API files of a worker share their modules (isolate: false): the app an earlier file
  // imported holds the real argon2. Imported afresh here, the app gets the wrapper above.
  vi.resetModules()
  const { createTestContext } = await import('./harness.ts')
  ;({ createOperator } = await import('./factories.ts'))
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

/** The argon2 parameters of a PHC string (`$argon2id$v=19$m=…,t=…,p=…$`), without salt and hash. */
const parametersOf = (hash: string) => hash.split('$').slice(1, 4).join('$')

async function hashesVerifiedBy(send: () => Promise<{ statusCode: number }>, status: number) {
  verified.hashes.length = 0
  expect((await send()).statusCode).toBe(status)
  return verified.hashes.map(parametersOf)
}

it('verifies one argon2id hash per sign-in for a known, an unknown and a disabled operator address', async () => {
  const known = await createOperator(context.app.services.operators)
  const disabled = await createOperator(context.app.services.operators)
  await context.db.operator.update({ where: { id: disabled.operator.id }, data: { disabledAt: new Date() } })
  const signIn = (email: string) => () => context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password: 'wrong-password-1' } })
  const ofKnown = await hashesVerifiedBy(signIn(known.operator.email), 401)
  expect(ofKnown).toEqual([parametersOf(known.operator.passwordHash)])
  expect(ofKnown[0]).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1$/)
  expect(await hashesVerifiedBy(signIn('nobody@example.test'), 401)).toEqual(ofKnown)
  expect(await hashesVerifiedBy(signIn(disabled.operator.email), 401)).toEqual(ofKnown)
})

it('verifies one argon2id hash per employee login, for a known and an unknown link token', async () => {
  const employee = await context.newEmployee()
  const login = (token: string) => () => context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token, password: 'Wrong1pass' } })
  const ofKnown = await hashesVerifiedBy(login(employee.token), 401)
  expect(ofKnown).toHaveLength(1)
  expect(ofKnown[0]).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1$/)
  expect(await hashesVerifiedBy(login('A'.repeat(43)), 401)).toEqual(ofKnown)
})
