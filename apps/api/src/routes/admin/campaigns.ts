/**
 * Campaigns (収集依頼) of a company: list, create, read, edit, close, reopen, and undo a shortened
 * retention period. Which role may do what is @bango/shared/settings-policy, enforced by the services
 * on the scope domain/admin/access.ts resolved.
 */
import { campaignRequestSchema, campaignSchema, campaignsResponseSchema, reopenCampaignRequestSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'

export default async function campaignRoutes(app: FastifyInstance) {
  const { access, campaigns, retentionShortenings } = app.services

  route(
    app,
    { method: 'GET', url: '/companies/:companyId/campaigns', summary: 'Campaigns of a company', response: campaignsResponseSchema },
    async ({ params }, request) => ({ campaigns: await campaigns.list(await access.forCompany(request.operator, params.companyId)) }),
  )

  route(
    app,
    {
      method: 'POST',
      url: '/companies/:companyId/campaigns',
      summary: 'Create a campaign',
      body: campaignRequestSchema,
      response: campaignSchema,
      status: 201,
    },
    async ({ params, body }, request) => {
      const input = body()
      return campaigns.create(await access.forCompany(request.operator, params.companyId), input)
    },
  )

  route(app, { method: 'GET', url: '/campaigns/:campaignId', summary: 'A campaign', response: campaignSchema }, async ({ params }, request) =>
    campaigns.get(await access.forCampaign(request.operator, params.campaignId)),
  )

  route(
    app,
    { method: 'PATCH', url: '/campaigns/:campaignId', summary: 'Edit a campaign', body: campaignRequestSchema, response: campaignSchema },
    async ({ params, body }, request) => {
      const input = body()
      return campaigns.update(await access.forCampaign(request.operator, params.campaignId), input)
    },
  )

  // Final: stops the employee side and purges every unfinished draft (blobs included).
  route(
    app,
    { method: 'POST', url: '/campaigns/:campaignId/close', summary: 'Close a campaign (purges unfinished drafts; administrators)' },
    async ({ params }, request) => campaigns.close(await access.forCampaign(request.operator, params.campaignId)),
  )

  // Until the campaign is disposed of: employees can send again, until the new deadline.
  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/reopen',
      summary: 'Reopen a closed campaign with a new deadline, until it is disposed of (administrators)',
      body: reopenCampaignRequestSchema,
      response: campaignSchema,
    },
    async ({ params, body }, request) => {
      const input = body()
      return campaigns.reopen(await access.forCampaign(request.operator, params.campaignId), input)
    },
  )

  // Within the grace period only (retention-shortenings.ts).
  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/retention-shortenings/:shorteningId/undo',
      summary: 'Undo a shortened retention period within its grace period (administrators)',
      response: campaignSchema,
    },
    async ({ params }, request) => retentionShortenings.undo(await access.forCampaign(request.operator, params.campaignId), params.shorteningId),
  )
}
