/** E-mail batches of a campaign: credentials or reminders, sent by the background worker. */
import { emailBatchRequestSchema } from '@bango/shared/admin-credentials'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parse } from '../../lib/parse.ts'
import { ID_LIST_BODY_LIMIT, campaignParamsSchema } from './credentials.ts'

const batchParamsSchema = campaignParamsSchema.extend({ batchId: z.uuid() })

export default async function emailRoutes(app: FastifyInstance) {
  const { access, emailBatches } = app.services

  app.get('/campaigns/:campaignId/email-batches', async (request) => {
    const { campaignId } = parse(campaignParamsSchema, request.params)
    await access.campaign(request.operator, campaignId)
    return { configured: emailBatches.configured, batches: await emailBatches.list(campaignId) }
  })

  app.get('/campaigns/:campaignId/email-batches/:batchId', async (request) => {
    const { campaignId, batchId } = parse(batchParamsSchema, request.params)
    await access.campaign(request.operator, campaignId)
    return emailBatches.get(campaignId, batchId)
  })

  app.post('/campaigns/:campaignId/email-batches/preview', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request) => {
    const { campaignId } = parse(campaignParamsSchema, request.params)
    const body = parse(emailBatchRequestSchema, request.body)
    const { campaign } = await access.campaign(request.operator, campaignId)
    return emailBatches.preview(campaign, body)
  })

  app.post('/campaigns/:campaignId/email-batches', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request, reply) => {
    const { campaignId } = parse(campaignParamsSchema, request.params)
    const body = parse(emailBatchRequestSchema, request.body)
    const { campaign } = await access.campaign(request.operator, campaignId)
    return reply.status(202).send(await emailBatches.create(request.operator, campaign, body))
  })
}
