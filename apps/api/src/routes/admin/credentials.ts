/**
 * Issuing employee credentials (URL + password, answered once, live once HR says the batch was
 * handed out: ADR 039) and recording the files the SPA makes from that answer (mail-merge CSV, postal kit).
 */
import {
  credentialBatchesResponseSchema,
  credentialExportRequestSchema,
  distributeCredentialsResponseSchema,
  issueCredentialsRequestSchema,
  issueCredentialsResponseSchema,
} from '@bango/shared/admin-credentials'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'

/** Room for 100,000 employee ids (the contract's maximum), far above the API's default 64 KiB. */
export const ID_LIST_BODY_LIMIT = 5 * 1024 * 1024

export default async function credentialRoutes(app: FastifyInstance) {
  const { access, credentialIssuing } = app.services

  // No body at all: every employee still without a login.
  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/credentials',
      summary: 'Issue credentials',
      body: issueCredentialsRequestSchema,
      response: issueCredentialsResponseSchema,
      bodyLimit: ID_LIST_BODY_LIMIT,
    },
    async ({ params, body }, request) => {
      const { employeeIds } = body(request.body ?? {})
      return credentialIssuing.issue(await access.forCampaign(request.operator, params.campaignId), employeeIds)
    },
  )

  route(
    app,
    {
      method: 'GET',
      url: '/campaigns/:campaignId/credential-batches',
      summary: 'Issued credential batches not yet handed out, and how many employees have no login',
      response: credentialBatchesResponseSchema,
    },
    async ({ params }, request) => credentialIssuing.batches(await access.forCampaign(request.operator, params.campaignId)),
  )

  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/credential-batches/:credentialBatchId/distributed',
      summary: 'A batch was handed out: its logins go live',
      response: distributeCredentialsResponseSchema,
    },
    async ({ params }, request) => credentialIssuing.distribute(await access.forCampaign(request.operator, params.campaignId), params.credentialBatchId),
  )

  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/credential-batches/:credentialBatchId/cancel',
      summary: 'Cancel a batch: its logins never go live',
      status: 204,
    },
    async ({ params }, request, reply) => {
      await credentialIssuing.cancel(await access.forCampaign(request.operator, params.campaignId), params.credentialBatchId)
      return reply.send()
    },
  )

  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/credentials/exports',
      summary: 'Credentials as a printable or CSV export',
      body: credentialExportRequestSchema,
      status: 204,
      bodyLimit: ID_LIST_BODY_LIMIT,
    },
    async ({ params, body }, request, reply) => {
      const { format, employeeIds } = body()
      await credentialIssuing.recordExport(await access.forCampaign(request.operator, params.campaignId), format, employeeIds)
      return reply.send()
    },
  )
}
