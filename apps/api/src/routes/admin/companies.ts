/** Companies: the operator's list, creation (system administrators), rename (company administrators). */
import { companyRequestSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

export default async function companyRoutes(app: FastifyInstance) {
  const { access, companies } = app.services

  app.get('/companies', async (request) => ({ companies: await companies.list(request.operator) }))

  app.post('/companies', async (request, reply) => {
    const { name } = parse(companyRequestSchema, request.body)
    return reply.status(201).send(await companies.create(request.operator, name))
  })

  app.patch('/companies/:companyId', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const { name } = parse(companyRequestSchema, request.body)
    return companies.rename(await access.forCompany(request.operator, companyId), name)
  })
}
