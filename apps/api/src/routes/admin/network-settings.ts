/** The network allow-lists: the installation's (system administrators) and a company's (its administrators). */
import { companySettingsRequestSchema, companySettingsSchema, networkSettingsRequestSchema, networkSettingsSchema } from '@bango/shared/admin-networks'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'

export default async function networkSettingsRoutes(app: FastifyInstance) {
  const { access, networkSettings, companySettings } = app.services

  route(
    app,
    { method: 'GET', url: '/settings/networks', summary: "The installation's network allow-list", response: networkSettingsSchema },
    async (_, request) => networkSettings.get(request.operator),
  )

  route(
    app,
    {
      method: 'PUT',
      url: '/settings/networks',
      summary: "Change the installation's network allow-list (never to exclude the caller)",
      body: networkSettingsRequestSchema,
      response: networkSettingsSchema,
    },
    async ({ body }, request) => networkSettings.put(request.operator, body()),
  )

  route(
    app,
    { method: 'GET', url: '/companies/:companyId/settings', summary: "A company's settings (network allow-list)", response: companySettingsSchema },
    async ({ params }, request) => companySettings.get(await access.forCompany(request.operator, params.companyId)),
  )

  route(
    app,
    {
      method: 'PUT',
      url: '/companies/:companyId/settings',
      summary: "Change a company's settings (never to exclude the caller)",
      body: companySettingsRequestSchema,
      response: companySettingsSchema,
    },
    async ({ params, body }, request) => {
      const settings = body()
      return companySettings.put(await access.forCompany(request.operator, params.companyId), settings)
    },
  )
}
