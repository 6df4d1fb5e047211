import { addDependentRequestSchema, applicabilityRequestSchema, registerRequestSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parse } from '../../lib/parse.ts'
import { afterSubmission } from './session.ts'

export const personParamsSchema = z.object({ personId: z.uuid() })

export default async function persons(app: FastifyInstance) {
  const { persons } = app.services

  // Part of the receipt: who was submitted, with which documents.
  app.get('/persons', afterSubmission, async (request) => persons.list(request.employee))

  app.post('/persons', async (request, reply) => {
    const input = parse(addDependentRequestSchema, request.body)
    return reply.status(201).send(await persons.addDependent(request.employee, input))
  })

  app.put('/persons/:personId/applicability', async (request) => {
    const { personId } = parse(personParamsSchema, request.params)
    const { applicable } = parse(applicabilityRequestSchema, request.body)
    return persons.setApplicability(request.employee, personId, applicable)
  })

  app.post('/persons/:personId/registration', async (request) => {
    const { personId } = parse(personParamsSchema, request.params)
    const { myNumber, ...registration } = parse(registerRequestSchema, request.body)
    return persons.register(request.employee, personId, registration, myNumber ?? null)
  })

  app.delete('/persons/:personId/registration', async (request) => {
    const { personId } = parse(personParamsSchema, request.params)
    return persons.unregister(request.employee, personId)
  })
}
