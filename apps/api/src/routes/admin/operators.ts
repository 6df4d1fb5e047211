/**
 * Operator accounts of a company (its administrators, or a system administrator).
 * An address that already has an account answers 409 wherever that account serves, which a
 * company administrator could use to probe other companies' staff: such answers are budgeted
 * per company (docs/decisions/036-account-existence.md).
 */
import { operatorResetRequestSchema } from '@bango/shared/admin-account'
import { operatorCreateRequestSchema, operatorUpdateRequestSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../../errors.ts'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

/** 409 answers to account creation a company's administrators get an hour; then every creation there is refused until the hour is over. */
export const TAKEN_ADDRESSES_PER_HOUR = 10

export default async function operatorRoutes(app: FastifyInstance, options: { loginPerMinute: number }) {
  const { access, operatorAccounts } = app.services
  const takenAddresses = app.createRateLimit({
    max: TAKEN_ADDRESSES_PER_HOUR,
    timeWindow: '1 hour',
    // Per company, not per administrator: a new administrator account would be a new budget.
    keyGenerator: (request) => `taken-address:${(request.params as { companyId?: string }).companyId}`,
  })

  app.get('/companies/:companyId/operators', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    return { operators: await operatorAccounts.list(await access.forCompany(request.operator, companyId)) }
  })

  // The one-time password is in this answer only: it is stored as a hash and must be changed at first sign-in.
  // A system administrator sees every account anyway: no budget.
  app.post('/companies/:companyId/operators', async (request, reply) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const input = parse(operatorCreateRequestSchema, request.body)
    const budgeted = !request.operator.isSystemAdmin
    if (budgeted) {
      const budget = await takenAddresses(request, { increment: false })
      if (!budget.isAllowed && budget.remaining === 0) throw new AppError('RATE_LIMITED')
    }
    try {
      return reply.status(201).send(await operatorAccounts.create(await access.forCompany(request.operator, companyId), input))
    } catch (error) {
      if (budgeted && error instanceof AppError && error.code === 'CONFLICT') await takenAddresses(request)
      throw error
    }
  })

  app.patch('/companies/:companyId/operators/:operatorId', async (request) => {
    const { companyId, operatorId } = pathIds(request.params, 'companyId', 'operatorId')
    const change = parse(operatorUpdateRequestSchema, request.body)
    return operatorAccounts.update(await access.forCompany(request.operator, companyId), operatorId, change)
  })

  // The caller's password is checked: limited like sign-in. The new one-time password is in this answer only.
  app.post(
    '/companies/:companyId/operators/:operatorId/reset',
    { config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } } },
    async (request) => {
      const { companyId, operatorId } = pathIds(request.params, 'companyId', 'operatorId')
      const { currentPassword } = parse(operatorResetRequestSchema, request.body)
      return operatorAccounts.reset(await access.forCompany(request.operator, companyId), operatorId, currentPassword)
    },
  )
}
