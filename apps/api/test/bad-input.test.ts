/**
 * Every bad input gets a 4xx with a clear message — never a 5xx — and
 * changes nothing. Every employee endpoint × a set of malformed requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInEmployee } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(async () => {
  await context.close()
})

const BAD_BODIES: { name: string; contentType?: string; payload: string | Buffer }[] = [
  { name: 'malformed JSON', contentType: 'application/json', payload: '{"a": ' },
  { name: 'empty JSON body', contentType: 'application/json', payload: '' },
  { name: 'JSON null', contentType: 'application/json', payload: 'null' },
  { name: 'JSON array', contentType: 'application/json', payload: '[1,2,3]' },
  { name: 'JSON string', contentType: 'application/json', payload: '"x"' },
  {
    name: 'wrong types',
    contentType: 'application/json',
    payload: '{"token":1,"password":[],"name":{},"applicable":"yes","purposes":"all","numberDocument":7}',
  },
  {
    name: 'NUL and controls in every text',
    contentType: 'application/json',
    payload: JSON.stringify({
      token: 'a\u0000b',
      password: 'p\u0000',
      code: 'c\u0000',
      name: '総合\u0000次郎',
      kana: 'ソウゴウ',
      relationship: '子\u0007',
      birthDate: '2015-01-01',
      purposes: ['源泉徴収票作成事務\u0000'],
    }),
  },
  {
    name: 'lone surrogates in every text',
    contentType: 'application/json',
    payload: JSON.stringify({
      token: 'a\ud800',
      password: 'p\udfff',
      code: 'c\ud800',
      name: '総合\udc00次郎',
      kana: 'ソウゴウ',
      relationship: '子',
      birthDate: '2015-01-01',
      purposes: ['源泉徴収票作成事務\ud800'],
    }),
  },
  { name: 'prototype pollution', contentType: 'application/json', payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { name: 'plain text', contentType: 'text/plain', payload: 'hello' },
  { name: 'unknown media type', contentType: 'application/x-bango', payload: 'x' },
  { name: 'multipart without boundary', contentType: 'multipart/form-data', payload: 'x' },
  { name: 'truncated multipart', contentType: 'multipart/form-data; boundary=zzz', payload: '--zzz\r\nContent-Disposition: form-data; name="role"\r\n\r\nnum' },
  {
    name: 'multipart cut off inside the file',
    contentType: 'multipart/form-data; boundary=zzz',
    payload:
      ['role=number', 'slot=0', 'side=front', 'type=my_number_card']
        .map((pair) => `--zzz\r\nContent-Disposition: form-data; name="${pair.split('=')[0]}"\r\n\r\n${pair.split('=')[1]}\r\n`)
        .join('') + '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 partial',
  },
  { name: 'oversized JSON', contentType: 'application/json', payload: JSON.stringify({ name: 'x'.repeat(200_000) }) },
  { name: 'invalid UTF-8', contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
]

describe('bad input never yields a 5xx and changes nothing', () => {
  it('on every endpoint', async () => {
    const employee = await signedInEmployee(context)
    const person = employee.dependents[0]!.id
    const endpoints: { method: 'POST' | 'PUT' | 'DELETE' | 'GET'; url: string }[] = [
      { method: 'POST', url: '/api/employee/login' },
      { method: 'POST', url: '/api/employee/consent' },
      { method: 'POST', url: '/api/employee/persons' },
      { method: 'PUT', url: `/api/employee/persons/${person}/applicability` },
      { method: 'POST', url: `/api/employee/persons/${person}/registration` },
      { method: 'POST', url: `/api/employee/persons/${person}/images` },
      { method: 'POST', url: '/api/employee/persons/%00/images' },
      { method: 'PUT', url: '/api/employee/persons/..%2F..%2Fetc/applicability' },
      { method: 'POST', url: '/api/employee/submission' },
      { method: 'POST', url: '/api/employee/session/handoff/redeem' },
      { method: 'GET', url: '/api/employee/nope' },
    ]
    const before = JSON.stringify(await context.db.person.findMany({ orderBy: { id: 'asc' } })) + (await context.db.document.count())
    for (const endpoint of endpoints) {
      for (const body of BAD_BODIES) {
        const response = await context.app.inject({
          method: endpoint.method,
          url: endpoint.url,
          headers: { ...employee.auth, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
          payload: body.payload,
        })
        const label = `${endpoint.method} ${endpoint.url} with ${body.name}`
        expect(response.statusCode, label).toBeGreaterThanOrEqual(400)
        expect(response.statusCode, `${label}: ${response.body}`).toBeLessThan(500)
        const error = response.json().error
        expect(typeof error.code, label).toBe('string')
        // A developer's note in English: the SPA chooses the user's text from the code.
        expect(error.message, label).toMatch(/^[\x20-\x7e]+$/)
      }
    }
    const after = JSON.stringify(await context.db.person.findMany({ orderBy: { id: 'asc' } })) + (await context.db.document.count())
    expect(after).toBe(before)
  })
})
