/**
 * Reviewing a 完了 submission: the persons with their images, one image (watermarked, never
 * cached), 承認 and 差し戻し per person, 承認 of the whole household, and the queue of households with work left. Operators and administrators alike; another
 * company's campaign, employee, person or document is NOT_FOUND (domain/admin/access.ts).
 */
import { returnPersonRequestSchema } from '@bango/shared/admin-review'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { pathIds } from './path-params.ts'

export default async function reviewRoutes(app: FastifyInstance) {
  const { access, review, documentViewer, emailBatches } = app.services
  const submission = '/campaigns/:campaignId/employees/:employeeId'

  app.get(`${submission}/submission`, async (request) => {
    const { campaignId, employeeId } = pathIds(request.params, 'campaignId', 'employeeId')
    return review.submission(await access.forEmployee(request.operator, campaignId, employeeId))
  })

  app.get('/campaigns/:campaignId/documents/:documentId/image', async (request, reply) => {
    const { campaignId, documentId } = pathIds(request.params, 'campaignId', 'documentId')
    const jpeg = await documentViewer.view(await access.forCampaign(request.operator, campaignId), documentId)
    logSensitiveRead(request, { resource: 'document_image', documentId })
    // private + no-store: neither the browser nor any proxy keeps a copy.
    return reply.header('cache-control', 'no-store, private').header('content-type', 'image/jpeg').send(jpeg)
  })

  app.get('/campaigns/:campaignId/review-queue', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return review.queue(await access.forCampaign(request.operator, campaignId))
  })

  app.post(`${submission}/approve`, async (request) => {
    const { campaignId, employeeId } = pathIds(request.params, 'campaignId', 'employeeId')
    return review.approveHousehold(await access.forEmployee(request.operator, campaignId, employeeId))
  })

  app.post(`${submission}/persons/:personId/approve`, async (request) => {
    const { campaignId, employeeId, personId } = pathIds(request.params, 'campaignId', 'employeeId', 'personId')
    return review.approve(await access.forEmployee(request.operator, campaignId, employeeId), personId)
  })

  app.post(`${submission}/persons/:personId/return`, async (request) => {
    const { campaignId, employeeId, personId } = pathIds(request.params, 'campaignId', 'employeeId', 'personId')
    const decision = parse(returnPersonRequestSchema, request.body)
    const scope = await access.forEmployee(request.operator, campaignId, employeeId)
    const returned = await review.returnPerson(scope, personId, decision)
    // Told by e-mail where there is an address and e-mail is set up; otherwise HR tells them on paper.
    return { ...returned, notice: await emailBatches.noticeReturn(scope) }
  })
}
