/**
 * A person's 12-digit number, recorded by HR (domain/admin/person-number.ts). Every route
 * resolves the person through access.forPerson(): the employee of a campaign the operator may
 * reach (another company: 404), or one of their dependents (anything else: 404). The number
 * travels only in request and response bodies, never in a URL.
 */
import { numberAgreementRequestSchema, numberEntryRequestSchema, type NumberOcrResponse, type NumberRevealResponse } from '@bango/shared/admin-number'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { pathIds } from './path-params.ts'

const BASE = '/campaigns/:campaignId/employees/:employeeId/persons/:personId/number'

export default async function personNumberRoutes(app: FastifyInstance) {
  const { access, personNumbers, numberOcr } = app.services

  function resolve(request: FastifyRequest) {
    const { campaignId, employeeId, personId } = pathIds(request.params, 'campaignId', 'employeeId', 'personId')
    return access.forPerson(request.operator, campaignId, employeeId, personId)
  }

  app.get(BASE, async (request) => personNumbers.state(await resolve(request)))

  app.put(`${BASE}/entries`, async (request) => {
    const scope = await resolve(request)
    const entry = parse(numberEntryRequestSchema, request.body)
    return personNumbers.enter(scope, entry)
  })

  // One confirmation of a number two independent sources agree on, where the company accepts it (ADR 043).
  app.post(`${BASE}/agreement`, async (request) => {
    const scope = await resolve(request)
    const { number } = parse(numberAgreementRequestSchema, request.body)
    return personNumbers.confirmAgreement(scope, number)
  })

  app.post(`${BASE}/reveal`, async (request): Promise<NumberRevealResponse> => {
    const scope = await resolve(request)
    const number = await personNumbers.reveal(scope)
    logSensitiveRead(request, { resource: 'number_reveal', personId: scope.personId })
    return { number }
  })

  app.post(`${BASE}/ocr`, async (request): Promise<NumberOcrResponse> => {
    const scope = await resolve(request)
    const reading = await numberOcr.suggest(scope)
    logSensitiveRead(request, { resource: 'number_ocr', personId: scope.personId })
    return reading
  })
}
