/**
 * Campaigns (収集依頼) of a company: list, create, read, edit, close, reopen, and undo a shortened
 * retention period. Which role may do what is @bango/shared/settings-policy, enforced by the services
 * on the scope domain/admin/access.ts resolved.
 */
import { campaignRequestSchema, reopenCampaignRequestSchema } from '@bango/shared/admin-api'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

export default async function campaignRoutes(app: FastifyInstance) {
  const { access, campaigns, retentionShortenings } = app.services

  app.get('/companies/:companyId/campaigns', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    return { campaigns: await campaigns.list(await access.forCompany(request.operator, companyId)) }
  })

  app.post('/companies/:companyId/campaigns', async (request, reply) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const input = parse(campaignRequestSchema, request.body)
    return reply.status(201).send(await campaigns.create(await access.forCompany(request.operator, companyId), input))
  })

  app.get('/campaigns/:campaignId', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return campaigns.get(await access.forCampaign(request.operator, campaignId))
  })

  app.patch('/campaigns/:campaignId', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const input = parse(campaignRequestSchema, request.body)
    return campaigns.update(await access.forCampaign(request.operator, campaignId), input)
  })

  // Final: stops the employee side and purges every unfinished draft (blobs included).
  app.post('/campaigns/:campaignId/close', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return campaigns.close(await access.forCampaign(request.operator, campaignId))
  })

  // Until the campaign is disposed of: employees can send again, until the new deadline.
  app.post('/campaigns/:campaignId/reopen', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const input = parse(reopenCampaignRequestSchema, request.body)
    return campaigns.reopen(await access.forCampaign(request.operator, campaignId), input)
  })

  // Within the grace period only (retention-shortenings.ts).
  app.post('/campaigns/:campaignId/retention-shortenings/:shorteningId/undo', async (request) => {
    const { campaignId, shorteningId } = pathIds(request.params, 'campaignId', 'shorteningId')
    return retentionShortenings.undo(await access.forCampaign(request.operator, campaignId), shorteningId)
  })
}
