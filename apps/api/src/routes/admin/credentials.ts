/**
 * Issuing employee credentials (URL + password, answered once, live once HR says the batch was
 * handed out: ADR 039) and recording the files the SPA makes from that answer (mail-merge CSV, postal kit).
 */
import { credentialExportRequestSchema, issueCredentialsRequestSchema } from '@bango/shared/admin-credentials'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

/** Room for 100,000 employee ids (the contract's maximum), far above the API's default 64 KiB. */
export const ID_LIST_BODY_LIMIT = 5 * 1024 * 1024

export default async function credentialRoutes(app: FastifyInstance) {
  const { access, credentialIssuing } = app.services

  app.post('/campaigns/:campaignId/credentials', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const { employeeIds } = parse(issueCredentialsRequestSchema, request.body ?? {})
    return credentialIssuing.issue(await access.forCampaign(request.operator, campaignId), employeeIds)
  })

  app.get('/campaigns/:campaignId/credential-batches', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return credentialIssuing.batches(await access.forCampaign(request.operator, campaignId))
  })

  app.post('/campaigns/:campaignId/credential-batches/:credentialBatchId/distributed', async (request) => {
    const { campaignId, credentialBatchId } = pathIds(request.params, 'campaignId', 'credentialBatchId')
    return credentialIssuing.distribute(await access.forCampaign(request.operator, campaignId), credentialBatchId)
  })

  app.post('/campaigns/:campaignId/credential-batches/:credentialBatchId/cancel', async (request, reply) => {
    const { campaignId, credentialBatchId } = pathIds(request.params, 'campaignId', 'credentialBatchId')
    await credentialIssuing.cancel(await access.forCampaign(request.operator, campaignId), credentialBatchId)
    return reply.status(204).send()
  })

  app.post('/campaigns/:campaignId/credentials/exports', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request, reply) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const { format, employeeIds } = parse(credentialExportRequestSchema, request.body)
    await credentialIssuing.recordExport(await access.forCampaign(request.operator, campaignId), format, employeeIds)
    return reply.status(204).send()
  })
}
