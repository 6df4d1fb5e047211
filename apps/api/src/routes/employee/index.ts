/**
 * /api/employee — what the employee's browser talks to.
 * Public: login. Behind the session: me, consent, refresh. Behind session + consent: the rest.
 */
import type { FastifyInstance } from 'fastify'
import { authenticated, consented } from './auth-gate.ts'
import images from './images.ts'
import login from './login.ts'
import persons from './persons.ts'
import session from './session.ts'
import submission from './submission.ts'

export interface EmployeeRoutesOptions {
  rateLimits: { loginPerMinute: number; uploadPerMinute: number }
}

export default async function employeeRoutes(app: FastifyInstance, options: EmployeeRoutesOptions) {
  await app.register(login, { perMinute: options.rateLimits.loginPerMinute })
  await app.register(async (signedIn) => {
    authenticated(signedIn)
    await signedIn.register(session)
    await signedIn.register(async (agreed) => {
      consented(agreed)
      await agreed.register(persons)
      await agreed.register(images, { perMinute: options.rateLimits.uploadPerMinute })
      await agreed.register(submission)
    })
  })
}
