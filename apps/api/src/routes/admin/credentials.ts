/**
 * Issuing employee credentials (URL + password, answered once, live once HR says the batch was
 * handed out: ADR 039) and recording the files the SPA makes from that answer (mail-merge CSV, postal kit).
 */
import { credentialExportRequestSchema, issueCredentialsRequestSchema } from '@bango/shared/admin-credentials'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parse } from '../../lib/parse.ts'

export const campaignParamsSchema = z.object({ campaignId: z.uuid() })
const batchParamsSchema = z.object({ campaignId: z.uuid(), credentialBatchId: z.uuid() })
/** Room for 100,000 employee ids (the contract's maximum), far above the API's default 64 KiB. */
export const ID_LIST_BODY_LIMIT = 5 * 1024 * 1024

export default async function credentialRoutes(app: FastifyInstance) {
  const { access, credentialIssuing } = app.services

  app.post('/campaigns/:campaignId/credentials', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request) => {
    const { campaignId } = parse(campaignParamsSchema, request.params)
    const { employeeIds } = parse(issueCredentialsRequestSchema, request.body ?? {})
    const { campaign } = await access.campaign(request.operator, campaignId)
    return credentialIssuing.issue(request.operator, campaign, employeeIds)
  })

  app.get('/campaigns/:campaignId/credential-batches', async (request) => {
    const { campaignId } = parse(campaignParamsSchema, request.params)
    const { campaign } = await access.campaign(request.operator, campaignId)
    return credentialIssuing.batches(campaign)
  })

  app.post('/campaigns/:campaignId/credential-batches/:credentialBatchId/distributed', async (request) => {
    const { campaignId, credentialBatchId } = parse(batchParamsSchema, request.params)
    const { campaign } = await access.campaign(request.operator, campaignId)
    return credentialIssuing.distribute(request.operator, campaign, credentialBatchId)
  })

  app.post('/campaigns/:campaignId/credential-batches/:credentialBatchId/cancel', async (request, reply) => {
    const { campaignId, credentialBatchId } = parse(batchParamsSchema, request.params)
    const { campaign } = await access.campaign(request.operator, campaignId)
    await credentialIssuing.cancel(request.operator, campaign, credentialBatchId)
    return reply.status(204).send()
  })

  app.post('/campaigns/:campaignId/credentials/exports', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request, reply) => {
    const { campaignId } = parse(campaignParamsSchema, request.params)
    const { format, employeeIds } = parse(credentialExportRequestSchema, request.body)
    const { campaign } = await access.campaign(request.operator, campaignId)
    await credentialIssuing.recordExport(request.operator, campaign, format, employeeIds)
    return reply.status(204).send()
  })
}
