/**
 * GET /api/docs: the OpenAPI document, to administrators only (a console session of a system
 * administrator or of an administrator of some company), behind the console's own gate. The
 * document says nothing secret, but ASVS 13.4.5 asks not to hand a map of the API to everyone.
 * Like the console, it answers only addresses on the installation's allow-list.
 */
import cookie from '@fastify/cookie'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'
import { type AdminCookie, adminGate } from '../routes/admin/auth-gate.ts'
import { networkGate } from '../routes/admin/network-gate.ts'
import { route } from '../routes/route.ts'

export default async function docsRoutes(app: FastifyInstance, options: { cookie: AdminCookie }) {
  await app.register(cookie)
  networkGate(app)
  adminGate(app, options.cookie)
  route(app, { method: 'GET', url: '/api/docs', summary: 'This document (administrators)' }, async (_, request) => {
    const companies = await app.services.access.companies(request.operator)
    if (!request.operator.isSystemAdmin && !companies.some((company) => company.role === 'administrator')) throw new AppError('FORBIDDEN')
    return app.swagger()
  })
}
