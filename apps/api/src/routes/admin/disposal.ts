/** 廃棄 (administrators only): one person, a closed campaign, the retention dry run, the records. */
import { disposalsQuerySchema, disposeRequestSchema } from '@bango/shared/admin-disposal'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

export default async function disposalRoutes(app: FastifyInstance) {
  const { disposals } = app.services

  app.post('/campaigns/:campaignId/employees/:employeeId/persons/:personId/dispose', async (request) => {
    const { campaignId, employeeId, personId } = pathIds(request.params, 'campaignId', 'employeeId', 'personId')
    const { reason } = parse(disposeRequestSchema, request.body)
    return disposals.disposePerson(request.operator, campaignId, employeeId, personId, reason)
  })

  app.post('/campaigns/:campaignId/dispose', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const { reason } = parse(disposeRequestSchema, request.body)
    return disposals.disposeCampaign(request.operator, campaignId, reason)
  })

  app.get('/campaigns/:campaignId/disposal/preview', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return disposals.preview(request.operator, campaignId)
  })

  app.get('/companies/:companyId/disposals', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const { cursor } = parse(disposalsQuerySchema, request.query)
    return disposals.list(request.operator, companyId, cursor)
  })
}
