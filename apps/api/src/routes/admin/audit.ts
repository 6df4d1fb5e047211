/**
 * The audit-log viewer: a keyset page of events, and the same filtered view as a CSV stream.
 * Administrators only (domain/admin/audit-viewer.ts says who sees which events).
 */
import { Readable } from 'node:stream'
import { auditEventQuerySchema, auditSubjectQuerySchema } from '@bango/shared/admin-audit'
import type { FastifyInstance } from 'fastify'
import { accessReportQuerySchema } from '@bango/shared/admin-records'
import { accessReportCsv } from '../../domain/admin/access-report.ts'
import { AUDIT_CSV_HEAD, auditCsvLine } from '../../domain/admin/audit-csv.ts'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

const exportQuerySchema = auditEventQuerySchema.omit({ cursor: true, limit: true })

export default async function auditRoutes(app: FastifyInstance) {
  const { auditViewer, accessReport, access } = app.services

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

  // The access report for a 漏えい等 report (administrators of the company; audited).
  app.get('/companies/:companyId/access-report', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    // The right before the query: a caller without it learns nothing from a validation answer.
    const scope = await access.forCompany(request.operator, companyId, 'administrator')
    return accessReport.report(scope, parse(accessReportQuerySchema, request.query), 'page')
  })

  app.get('/companies/:companyId/access-report.csv', async (request, reply) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const scope = await access.forCompany(request.operator, companyId, 'administrator')
    const report = await accessReport.report(scope, parse(accessReportQuerySchema, request.query), 'csv')
    const stamp = new Date().toISOString().slice(0, 10)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="access-report-${stamp}.csv"`)
      .send(Readable.from(accessReportCsv(report)))
  })
}
