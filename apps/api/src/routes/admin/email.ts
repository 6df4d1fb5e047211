/** E-mail batches of a campaign: credentials or reminders, sent by the background worker. */
import { emailBatchRequestSchema } from '@bango/shared/admin-credentials'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { ID_LIST_BODY_LIMIT } from './credentials.ts'
import { pathIds } from './path-params.ts'

export default async function emailRoutes(app: FastifyInstance) {
  const { access, emailBatches } = app.services

  app.get('/campaigns/:campaignId/email-batches', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const scope = await access.forCampaign(request.operator, campaignId)
    return { configured: emailBatches.configured, batches: await emailBatches.list(scope) }
  })

  app.get('/campaigns/:campaignId/email-batches/:batchId', async (request) => {
    const { campaignId, batchId } = pathIds(request.params, 'campaignId', 'batchId')
    return emailBatches.get(await access.forCampaign(request.operator, campaignId), batchId)
  })

  app.post('/campaigns/:campaignId/email-batches/preview', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const body = parse(emailBatchRequestSchema, request.body)
    return emailBatches.preview(await access.forCampaign(request.operator, campaignId), body)
  })

  app.post('/campaigns/:campaignId/email-batches', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request, reply) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const body = parse(emailBatchRequestSchema, request.body)
    return reply.status(202).send(await emailBatches.create(await access.forCampaign(request.operator, campaignId), body))
  })
}
