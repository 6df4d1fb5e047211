/** Installation-wide settings (system administrators only). */
import { settingsSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'

export default async function settingsRoutes(app: FastifyInstance) {
  const { settings } = app.services

  app.get('/settings', async (request) => settings.get(request.operator))

  app.put('/settings', async (request) => settings.put(request.operator, parse(settingsSchema, request.body)))
}
