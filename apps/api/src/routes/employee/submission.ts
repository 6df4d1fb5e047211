import { submissionResponseSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { route } from '../route.ts'

export default async function submission(app: FastifyInstance) {
  route(app, { method: 'POST', url: '/submission', summary: '完了: submit every registered person', response: submissionResponseSchema }, async (_, request) =>
    app.services.submissions.submit(request.employee),
  )
}
