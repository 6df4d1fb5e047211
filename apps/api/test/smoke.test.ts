import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
beforeAll(async () => { context = await createTestContext() })
afterAll(async () => { await context.close() })

describe('smoke', () => {
  it('logs in, consents, uploads', async () => {
    const employee = await signedInEmployee(context)
    const list = await context.app.inject({ method: 'GET', url: '/api/employee/persons', headers: employee.auth })
    expect(list.statusCode).toBe(200)
    const upload = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, await cardPhoto({ gps: true, orientation: 6 }))
    const res = await context.app.inject({ method: 'POST', url: `/api/employee/persons/${employee.employee.id}/images`, headers: { ...employee.auth, ...upload.headers }, payload: upload.payload })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ width: 400, height: 640 })
  })
})
