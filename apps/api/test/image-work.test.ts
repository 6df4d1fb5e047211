/** Image decoding is bounded (ADR 026); beyond the queue an upload gets 503 + Retry-After and stores nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardPhoto } from './images.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ imageWorkOptions: { concurrency: 1, maxWaiting: 0, maxWaitMs: 0 } })
}, 60_000)
afterAll(() => context.close())

describe('bounded image work', () => {
  it('refuses an upload while every slot is busy (503, Retry-After), and takes it once one frees', async () => {
    const employee = await signedInEmployee(context)
    const photo = await cardPhoto()
    const send = () => {
      const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, photo)
      return context.app.inject({
        method: 'POST',
        url: `/api/employee/persons/${employee.employee.id}/images`,
        headers: { ...employee.auth, ...body.headers },
        payload: body.payload,
      })
    }
    let release = () => {}
    const busy = context.app.services.imageWork.run(
      () =>
        new Promise<void>((resolve) => {
          release = resolve
        }),
    )
    const refused = await send()
    expect(refused.statusCode).toBe(503)
    expect(refused.headers['retry-after']).toBe('5')
    expect(refused.json().error.code).toBe('SERVER_BUSY')
    expect(await context.db.document.count({ where: { personId: employee.employee.id } })).toBe(0)
    release()
    await busy
    expect((await send()).statusCode).toBe(201)
  })
})
