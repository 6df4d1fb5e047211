/**
 * The audit-log viewer: a keyset page of events, and the same filtered view as a CSV stream.
 * Administrators only (domain/admin/audit-log.ts says who sees which events).
 */
import { Readable } from 'node:stream'
import { auditEventQuerySchema, auditSubjectQuerySchema } from '@bango/shared/admin-audit'
import type { FastifyInstance } from 'fastify'
import { AUDIT_CSV_HEAD, auditCsvLine } from '../../domain/admin/audit-csv.ts'
import { parse } from '../../lib/parse.ts'

const exportQuerySchema = auditEventQuerySchema.omit({ cursor: true, limit: true })

export default async function auditRoutes(app: FastifyInstance) {
  const { auditViewer } = app.services

  app.get('/audit-events', async (request) => {
    const query = parse(auditEventQuerySchema, request.query)
    return auditViewer.page(request.operator, query)
  })

  app.get('/audit-subjects', async (request) => auditViewer.subjects(request.operator, parse(auditSubjectQuerySchema, request.query)))

  app.get('/audit-events.csv', async (request, reply) => {
    const filter = parse(exportQuerySchema, request.query)
    const pages = await auditViewer.export(request.operator, filter)
    async function* csv() {
      yield AUDIT_CSV_HEAD
      for await (const page of pages()) yield page.map(auditCsvLine).join('')
    }
    const stamp = new Date().toISOString().slice(0, 10)
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`).send(Readable.from(csv()))
  })
}
