/** Logs are for operators: they must never carry a token, a password or image bytes. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type TestContext, createTestContext, imageUpload, login } from './harness.ts'
import { cardPhoto } from './images.ts'

const lines: string[] = []
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({
    log: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
    webRoot: undefined,
  })
})
afterAll(async () => {
  await context.close()
})

it('logs requests and refusals without tokens, passwords or image bytes', async () => {
  const employee = await context.newEmployee()
  await context.app.inject({ method: 'GET', url: `/t/${employee.token}` })
  await context.app.inject({ method: 'GET', url: `/?t=${employee.token}` })
  await context.app.inject({ method: 'GET', url: `/h/${employee.token}` })
  await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: 'wrong-password' } })
  const accessToken = await login(context.app, employee.token, employee.password)
  const auth = { authorization: `Bearer ${accessToken}` }
  await context.app.inject({ method: 'POST', url: '/api/employee/consent', headers: auth, payload: { purposes: employee.campaign.purposes } })
  const photo = await cardPhoto()
  const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, photo)
  const upload = await context.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${employee.employee.id}/images`,
    headers: { ...auth, ...body.headers },
    payload: body.payload,
  })
  expect(upload.statusCode).toBe(201)

  const log = lines.join('')
  // One line per answered request (7 here: the login helper is one), with its status and time.
  const answered = lines
    .map((line) => JSON.parse(line) as { msg: string; res?: { statusCode: number }; responseTime?: number })
    .filter((line) => line.msg === 'request completed')
  expect(answered.length).toBe(7)
  expect(answered.every((line) => typeof line.res?.statusCode === 'number' && typeof line.responseTime === 'number')).toBe(true)
  expect(log).toContain('/t/[token]')
  expect(log).toContain('/h/[token]')
  expect(log).toContain('request refused')
  for (const secret of [employee.token, employee.password, 'wrong-password', accessToken, accessToken.split('.')[2]!]) {
    expect(log).not.toContain(secret)
  }
  expect(log).not.toContain(photo.subarray(0, 64).toString('base64'))
  expect(log).not.toMatch(/\\u00ff\\u00d8|ffd8ff|\/9j\//i)
})

/** Every spelling a router, a proxy or a browser might turn into /t/<token>, /h/<code> or ?t=<token>. */
const T = '<token>'
const SPELLINGS = [
  `/t//${T}`,
  `/t///${T}`,
  `//t//${T}`,
  `/T//${T}`,
  `/h//${T}`,
  `/t/%2F${T}`,
  `/t%2F${T}`,
  `/t%2f${T}`,
  `/t/%252F${T}`,
  `/%2Ft/${T}`,
  `/t\\${T}`,
  `/t/%5C${T}`,
  `/t/./${T}`,
  `/./t/${T}`,
  `/x/../t/${T}`,
  `/t/${T}/extra`,
  `/t/${T}/`,
  `/t/${T};x=1`,
  `/t%3F${T}`,
  `/t/${T}?from=mail`,
  `/?t=${T}`,
  `/?T=${T}`,
  `/?%74=${T}`,
  `/?t%3D${T}`,
  `/?from=mail&t=${T}`,
  `/?from=mail&&t=${T}`,
  `/?t=${T}&t=${T}`,
]

it.each(SPELLINGS)('logs %s without the token', async (spelling) => {
  const token = `${spelling.length}x${Math.random().toString(36).slice(2)}Ab9`
  lines.length = 0
  const url = spelling.replaceAll(T, token)
  await context.app.inject({ method: 'GET', url })
  const logged = lines.filter((line) => line.includes('request completed'))
  expect(logged.length).toBe(1)
  expect(lines.join('')).not.toContain(token)
})
