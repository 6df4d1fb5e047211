/**
 * Reviewing a 完了 submission: the persons with their images, one image (watermarked, never
 * cached), 承認 and 差し戻し per person, 承認 of the whole household, and the queue of households with work left. Operators and administrators alike; another
 * company's campaign, employee, person or document is NOT_FOUND (domain/admin/access.ts).
 */
import {
  householdApprovalSchema,
  returnPersonRequestSchema,
  returnPersonResponseSchema,
  reviewQueueSchema,
  submissionReviewResponseSchema,
} from '@bango/shared/admin-review'
import { personReviewSchema } from '@bango/shared/review'
import type { FastifyInstance } from 'fastify'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { route } from '../route.ts'

export default async function reviewRoutes(app: FastifyInstance) {
  const { access, review, documentViewer, emailBatches } = app.services
  const submission = '/campaigns/:campaignId/employees/:employeeId'

  route(
    app,
    { method: 'GET', url: `${submission}/submission`, summary: 'A submission for review', response: submissionReviewResponseSchema },
    async ({ params }, request) => review.submission(await access.forEmployee(request.operator, params.campaignId, params.employeeId)),
  )

  route(
    app,
    {
      method: 'GET',
      url: '/campaigns/:campaignId/documents/:documentId/image',
      summary: 'One submitted image, JPEG, watermarked with the viewer (never cached; audited)',
    },
    async ({ params: { campaignId, documentId } }, request, reply) => {
      const jpeg = await documentViewer.view(await access.forCampaign(request.operator, campaignId), documentId)
      logSensitiveRead(request, { resource: 'document_image', documentId })
      // private + no-store: neither the browser nor any proxy keeps a copy.
      return reply.header('cache-control', 'no-store, private').header('content-type', 'image/jpeg').send(jpeg)
    },
  )

  route(
    app,
    {
      method: 'GET',
      url: '/campaigns/:campaignId/review-queue',
      summary: 'Households with persons to approve or numbers to record, oldest first',
      response: reviewQueueSchema,
    },
    async ({ params }, request) => review.queue(await access.forCampaign(request.operator, params.campaignId)),
  )

  route(
    app,
    { method: 'POST', url: `${submission}/approve`, summary: 'Approve every person of the household still to review', response: householdApprovalSchema },
    async ({ params }, request) => review.approveHousehold(await access.forEmployee(request.operator, params.campaignId, params.employeeId)),
  )

  route(
    app,
    { method: 'POST', url: `${submission}/persons/:personId/approve`, summary: 'Approve one person of the submission', response: personReviewSchema },
    async ({ params }, request) => review.approve(await access.forEmployee(request.operator, params.campaignId, params.employeeId), params.personId),
  )

  route(
    app,
    {
      method: 'POST',
      url: `${submission}/persons/:personId/return`,
      summary: 'Return a person to the employee (and tell them by e-mail where there is an address)',
      body: returnPersonRequestSchema,
      response: returnPersonResponseSchema,
    },
    async ({ params, body }, request) => {
      const decision = body()
      const scope = await access.forEmployee(request.operator, params.campaignId, params.employeeId)
      const returned = await review.returnPerson(scope, params.personId, decision)
      // Told by e-mail where there is an address and e-mail is set up; otherwise HR tells them on paper.
      return { ...returned, notice: await emailBatches.noticeReturn(scope) }
    },
  )
}
