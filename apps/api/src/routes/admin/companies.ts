/** Companies: the operator's list, creation (system administrators), rename (company administrators). */
import { companiesResponseSchema, companyRequestSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'

export default async function companyRoutes(app: FastifyInstance) {
  const { access, companies } = app.services

  route(app, { method: 'GET', url: '/companies', summary: 'Companies the operator sees', response: companiesResponseSchema }, async (_, request) => ({
    companies: await companies.list(request.operator),
  }))

  route(app, { method: 'POST', url: '/companies', summary: 'Create a company', body: companyRequestSchema, status: 201 }, async ({ body }, request) => {
    const { name } = body()
    return companies.create(request.operator, name)
  })

  route(app, { method: 'PATCH', url: '/companies/:companyId', summary: 'Rename a company', body: companyRequestSchema }, async ({ params, body }, request) => {
    const { name } = body()
    return companies.rename(await access.forCompany(request.operator, params.companyId), name)
  })
}
