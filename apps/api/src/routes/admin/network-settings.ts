/** The network allow-lists: the installation's (system administrators) and a company's (its administrators). */
import { companySettingsRequestSchema, networkSettingsRequestSchema } from '@bango/shared/admin-networks'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

export default async function networkSettingsRoutes(app: FastifyInstance) {
  const { access, networkSettings, companySettings } = app.services

  app.get('/settings/networks', async (request) => networkSettings.get(request.operator))

  app.put('/settings/networks', async (request) => networkSettings.put(request.operator, parse(networkSettingsRequestSchema, request.body)))

  app.get('/companies/:companyId/settings', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    return companySettings.get(await access.forCompany(request.operator, companyId))
  })

  app.put('/companies/:companyId/settings', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const settings = parse(companySettingsRequestSchema, request.body)
    return companySettings.put(await access.forCompany(request.operator, companyId), settings)
  })
}
