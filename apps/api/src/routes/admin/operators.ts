/**
 * Operator accounts of a company (its administrators, or a system administrator).
 * An address that already has an account answers 409 wherever that account serves, which a
 * company administrator could use to probe other companies' staff: such answers are budgeted
 * per company (docs/decisions/036-account-existence.md).
 */
import { operatorResetRequestSchema, operatorResetResponseSchema } from '@bango/shared/admin-account'
import { operatorCreateRequestSchema, operatorCreatedResponseSchema, operatorUpdateRequestSchema, operatorsResponseSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../../errors.ts'
import { route } from '../route.ts'

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

  route(
    app,
    { method: 'GET', url: '/companies/:companyId/operators', summary: 'Operators of a company', response: operatorsResponseSchema },
    async ({ params }, request) => ({ operators: await operatorAccounts.list(await access.forCompany(request.operator, params.companyId)) }),
  )

  // The one-time password is in this answer only: it is stored as a hash and must be changed at first sign-in.
  // A system administrator sees every account anyway: no budget.
  route(
    app,
    {
      method: 'POST',
      url: '/companies/:companyId/operators',
      summary: 'Add an operator',
      body: operatorCreateRequestSchema,
      response: operatorCreatedResponseSchema,
      status: 201,
    },
    async ({ params: { companyId }, body }, request) => {
      const input = body()
      const budgeted = !request.operator.isSystemAdmin
      if (budgeted) {
        const budget = await takenAddresses(request, { increment: false })
        if (!budget.isAllowed && budget.remaining === 0) throw new AppError('RATE_LIMITED')
      }
      try {
        return await operatorAccounts.create(await access.forCompany(request.operator, companyId), input)
      } catch (error) {
        if (budgeted && error instanceof AppError && error.code === 'CONFLICT') await takenAddresses(request)
        throw error
      }
    },
  )

  route(
    app,
    {
      method: 'PATCH',
      url: '/companies/:companyId/operators/:operatorId',
      summary: 'Change or disable an operator',
      body: operatorUpdateRequestSchema,
    },
    async ({ params, body }, request) => {
      const change = body()
      return operatorAccounts.update(await access.forCompany(request.operator, params.companyId), params.operatorId, change)
    },
  )

  // The caller's password is checked: limited like sign-in. The new one-time password is in this answer only.
  route(
    app,
    {
      method: 'POST',
      url: '/companies/:companyId/operators/:operatorId/reset',
      summary: 'Reset an operator: new one-time password, TOTP off, sessions ended',
      body: operatorResetRequestSchema,
      response: operatorResetResponseSchema,
      config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
    },
    async ({ params, body }, request) => {
      const { currentPassword } = body()
      return operatorAccounts.reset(await access.forCompany(request.operator, params.companyId), params.operatorId, currentPassword)
    },
  )
}
