/** Operator accounts of a company (its administrators, or a system administrator). */
import { operatorResetRequestSchema } from '@bango/shared/admin-account'
import { operatorCreateRequestSchema, operatorUpdateRequestSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

export default async function operatorRoutes(app: FastifyInstance, options: { loginPerMinute: number }) {
  const { operatorAccounts } = app.services

  app.get('/companies/:companyId/operators', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    return { operators: await operatorAccounts.list(request.operator, companyId) }
  })

  // The one-time password is in this answer only: it is stored as a hash and must be changed at first sign-in.
  app.post('/companies/:companyId/operators', async (request, reply) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const input = parse(operatorCreateRequestSchema, request.body)
    return reply.status(201).send(await operatorAccounts.create(request.operator, companyId, input))
  })

  app.patch('/companies/:companyId/operators/:operatorId', async (request) => {
    const { companyId, operatorId } = pathIds(request.params, 'companyId', 'operatorId')
    const change = parse(operatorUpdateRequestSchema, request.body)
    return operatorAccounts.update(request.operator, companyId, operatorId, change)
  })

  // The caller's password is checked: limited like sign-in. The new one-time password is in this answer only.
  app.post(
    '/companies/:companyId/operators/:operatorId/reset',
    { config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } } },
    async (request) => {
      const { companyId, operatorId } = pathIds(request.params, 'companyId', 'operatorId')
      const { currentPassword } = parse(operatorResetRequestSchema, request.body)
      return operatorAccounts.reset(request.operator, companyId, operatorId, currentPassword)
    },
  )
}
