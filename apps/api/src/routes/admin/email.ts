/** E-mail batches of a campaign: credentials or reminders, sent by the background worker. */
import { emailBatchPreviewSchema, emailBatchRequestSchema, emailBatchSchema, emailBatchesResponseSchema } from '@bango/shared/admin-credentials'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'
import { ID_LIST_BODY_LIMIT } from './credentials.ts'

export default async function emailRoutes(app: FastifyInstance) {
  const { access, emailBatches } = app.services

  route(
    app,
    { method: 'GET', url: '/campaigns/:campaignId/email-batches', summary: 'E-mail batches', response: emailBatchesResponseSchema },
    async ({ params }, request) => {
      const scope = await access.forCampaign(request.operator, params.campaignId)
      return { configured: emailBatches.configured, batches: await emailBatches.list(scope) }
    },
  )

  route(
    app,
    { method: 'GET', url: '/campaigns/:campaignId/email-batches/:batchId', summary: 'One e-mail batch', response: emailBatchSchema },
    async ({ params }, request) => emailBatches.get(await access.forCampaign(request.operator, params.campaignId), params.batchId),
  )

  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/email-batches/preview',
      summary: 'Who a send would reach and whom it leaves out, before sending',
      body: emailBatchRequestSchema,
      response: emailBatchPreviewSchema,
      bodyLimit: ID_LIST_BODY_LIMIT,
    },
    async ({ params, body }, request) => {
      const batch = body()
      return emailBatches.preview(await access.forCampaign(request.operator, params.campaignId), batch)
    },
  )

  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/email-batches',
      summary: 'Send credentials or reminders by e-mail',
      body: emailBatchRequestSchema,
      status: 202,
      bodyLimit: ID_LIST_BODY_LIMIT,
    },
    async ({ params, body }, request) => {
      const batch = body()
      return emailBatches.create(await access.forCampaign(request.operator, params.campaignId), batch)
    },
  )
}
