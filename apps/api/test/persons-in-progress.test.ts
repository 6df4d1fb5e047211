/**
 * 収集対象者一覧 tells a person half done (draft images on the server, not yet 登録する) from one
 * not started: `inProgress` lists them, and a registration or a purge takes them off it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInEmployee, uploadImage } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

describe('the list of persons', () => {
  it('names the persons with draft images who are not registered yet', async () => {
    const employee = await signedInEmployee(context)
    const list = async () => (await context.app.inject({ method: 'GET', url: '/api/employee/persons', headers: employee.auth })).json()
    expect((await list()).inProgress).toEqual([])

    const dependent = employee.dependents[0]!
    const photo = await cardPhoto()
    await uploadImage(context, employee.auth, dependent.id, { role: 'number', slot: 0, side: 'front', type: 'notification_card' }, photo)
    expect((await list()).inProgress).toEqual([dependent.id])

    const registered = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${dependent.id}/registration`,
      headers: employee.auth,
      payload: { numberDocument: { type: 'notification_card', hasBack: false }, identity: null },
    })
    expect(registered.statusCode, registered.body).toBe(200)
    expect((await list()).inProgress).toEqual([])
  })
})
