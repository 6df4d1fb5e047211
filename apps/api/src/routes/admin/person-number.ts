/**
 * A person's 12-digit number, recorded by HR (domain/admin/person-number.ts). Every route
 * resolves the employee through access.employee() (another company: 404) and the person as
 * the employee or one of their dependents (anything else: 404). The number travels only in
 * request and response bodies, never in a URL.
 */
import { numberAgreementRequestSchema, numberEntryRequestSchema, type NumberOcrResponse, type NumberRevealResponse } from '@bango/shared/admin-number'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { pathIds } from './path-params.ts'

const BASE = '/campaigns/:campaignId/employees/:employeeId/persons/:personId/number'

export default async function personNumberRoutes(app: FastifyInstance) {
  const { access, personNumbers, numberOcr } = app.services

  async function resolve(request: FastifyRequest) {
    const { campaignId, employeeId, personId } = pathIds(request.params, 'campaignId', 'employeeId', 'personId')
    const { companyId, employee } = await access.employee(request.operator, campaignId, employeeId)
    await personNumbers.person(employee, personId)
    return { scope: { operator: request.operator, companyId, employeeId }, personId }
  }

  app.get(BASE, async (request) => {
    const { scope, personId } = await resolve(request)
    return personNumbers.state(scope, personId)
  })

  app.put(`${BASE}/entries`, async (request) => {
    const { scope, personId } = await resolve(request)
    const entry = parse(numberEntryRequestSchema, request.body)
    return personNumbers.enter(scope, personId, entry)
  })

  // One confirmation of a number two independent sources agree on, where the company accepts it (ADR 043).
  app.post(`${BASE}/agreement`, async (request) => {
    const { scope, personId } = await resolve(request)
    const { number } = parse(numberAgreementRequestSchema, request.body)
    return personNumbers.confirmAgreement(scope, personId, number)
  })

  app.post(`${BASE}/reveal`, async (request): Promise<NumberRevealResponse> => {
    const { scope, personId } = await resolve(request)
    const number = await personNumbers.reveal(scope, personId)
    logSensitiveRead(request, { resource: 'number_reveal', personId })
    return { number }
  })

  app.post(`${BASE}/ocr`, async (request): Promise<NumberOcrResponse> => {
    const { scope, personId } = await resolve(request)
    await personNumbers.requireSubmitted(scope.employeeId)
    await personNumbers.requireNotDisposed(personId)
    const reading = await numberOcr.suggest(scope, personId)
    logSensitiveRead(request, { resource: 'number_ocr', personId })
    return reading
  })
}
