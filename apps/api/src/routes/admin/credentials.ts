/**
 * Issuing employee credentials (URL + password, answered once) and recording the files the
 * SPA makes from that answer (mail-merge CSV, postal kit).
 */
import { credentialExportRequestSchema, issueCredentialsRequestSchema } from '@bango/shared/admin-credentials'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parse } from '../../lib/parse.ts'

export const campaignParamsSchema = z.object({ campaignId: z.uuid() })
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

  app.post('/campaigns/:campaignId/credentials/exports', { bodyLimit: ID_LIST_BODY_LIMIT }, async (request, reply) => {
    const { campaignId } = parse(campaignParamsSchema, request.params)
    const { format, employeeIds } = parse(credentialExportRequestSchema, request.body)
    const { campaign } = await access.campaign(request.operator, campaignId)
    await credentialIssuing.recordExport(request.operator, campaign, format, employeeIds)
    return reply.status(204).send()
  })
}
