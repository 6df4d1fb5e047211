/** Installation-wide settings (system administrators only). */
import { settingsSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'

export default async function settingsRoutes(app: FastifyInstance) {
  const { settings } = app.services

  route(app, { method: 'GET', url: '/settings', summary: 'System settings', response: settingsSchema }, async (_, request) => settings.get(request.operator))

  route(
    app,
    { method: 'PUT', url: '/settings', summary: 'Change system settings', body: settingsSchema, response: settingsSchema },
    async ({ body }, request) => settings.put(request.operator, body()),
  )
}
