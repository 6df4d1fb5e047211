/**
 * A person's 12-digit number, recorded by HR (domain/admin/person-number.ts). Every route
 * resolves the person through access.forPerson(): the employee of a campaign the operator may
 * reach (another company: 404), or one of their dependents (anything else: 404). The number
 * travels only in request and response bodies, never in a URL.
 */
import {
  numberAgreementRequestSchema,
  numberEntryRequestSchema,
  type NumberOcrResponse,
  numberOcrResponseSchema,
  type NumberRevealResponse,
  numberRevealResponseSchema,
  numberStateSchema,
} from '@bango/shared/admin-number'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { route } from '../route.ts'

const BASE = '/campaigns/:campaignId/employees/:employeeId/persons/:personId/number'

export default async function personNumberRoutes(app: FastifyInstance) {
  const { access, personNumbers, numberOcr } = app.services

  const resolve = (request: FastifyRequest, { campaignId, employeeId, personId }: Record<'campaignId' | 'employeeId' | 'personId', string>) =>
    access.forPerson(request.operator, campaignId, employeeId, personId)

  route(
    app,
    {
      method: 'GET',
      url: BASE,
      summary: "The state of a person's number: entries, confirmation, what was read (never the number)",
      response: numberStateSchema,
    },
    async ({ params }, request) => personNumbers.state(await resolve(request, params)),
  )

  // The person before the body: a caller who may not reach it is refused as such, not on validation.
  route(
    app,
    {
      method: 'PUT',
      url: `${BASE}/entries`,
      summary: 'Enter the My Number (twice, by two entries)',
      body: numberEntryRequestSchema,
      response: numberStateSchema,
    },
    async ({ params, body }, request) => {
      const scope = await resolve(request, params)
      const entry = body()
      return personNumbers.enter(scope, entry)
    },
  )

  // One confirmation of a number two independent sources agree on, where the company accepts it (ADR 043).
  route(
    app,
    {
      method: 'POST',
      url: `${BASE}/agreement`,
      summary: 'Record a number two independent sources agree on, on one confirmation (where the company accepts it)',
      body: numberAgreementRequestSchema,
      response: numberStateSchema,
    },
    async ({ params, body }, request) => {
      const scope = await resolve(request, params)
      const { number } = body()
      return personNumbers.confirmAgreement(scope, number)
    },
  )

  route(
    app,
    { method: 'POST', url: `${BASE}/reveal`, summary: 'Reveal a recorded My Number (audited)', response: numberRevealResponseSchema },
    async ({ params }, request): Promise<NumberRevealResponse> => {
      const scope = await resolve(request, params)
      const number = await personNumbers.reveal(scope)
      logSensitiveRead(request, { resource: 'number_reveal', personId: scope.personId })
      return { number }
    },
  )

  route(
    app,
    { method: 'POST', url: `${BASE}/ocr`, summary: 'Read the number from the document image', response: numberOcrResponseSchema },
    async ({ params }, request): Promise<NumberOcrResponse> => {
      const scope = await resolve(request, params)
      const reading = await numberOcr.suggest(scope)
      logSensitiveRead(request, { resource: 'number_ocr', personId: scope.personId })
      return reading
    },
  )
}
