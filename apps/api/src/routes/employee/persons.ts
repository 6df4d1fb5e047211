import { addDependentRequestSchema, applicabilityRequestSchema, personsResponseSchema, registerRequestSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'
import { afterSubmission } from './session.ts'

export default async function persons(app: FastifyInstance) {
  const { persons } = app.services

  // Part of the receipt: who was submitted, with which documents.
  route(
    app,
    { ...afterSubmission, method: 'GET', url: '/persons', summary: 'The employee and dependents', response: personsResponseSchema },
    async (_, request) => persons.list(request.employee),
  )

  route(app, { method: 'POST', url: '/persons', summary: 'Add a dependent', body: addDependentRequestSchema, status: 201 }, async ({ body }, request) =>
    persons.addDependent(request.employee, body()),
  )

  route(
    app,
    { method: 'PUT', url: '/persons/:personId/applicability', summary: 'Mark a person (not) applicable', body: applicabilityRequestSchema },
    async ({ params, body }, request) => {
      const { applicable } = body()
      return persons.setApplicability(request.employee, params.personId, applicable)
    },
  )

  route(
    app,
    { method: 'POST', url: '/persons/:personId/registration', summary: 'Register the documents of a person', body: registerRequestSchema },
    async ({ params, body }, request) => {
      const { myNumber, ...registration } = body()
      return persons.register(request.employee, params.personId, registration, myNumber ?? null)
    },
  )

  route(app, { method: 'DELETE', url: '/persons/:personId/registration', summary: 'Reopen a registration' }, async ({ params }, request) =>
    persons.unregister(request.employee, params.personId),
  )
}
