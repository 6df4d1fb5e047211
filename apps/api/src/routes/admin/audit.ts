/**
 * The audit-log viewer: a keyset page of events, and the same filtered view as a CSV stream.
 * Administrators only (domain/admin/audit-viewer.ts says who sees which events).
 */
import { Readable } from 'node:stream'
import { auditEventListResponseSchema, auditEventQuerySchema, auditSubjectQuerySchema, auditSubjectsResponseSchema } from '@bango/shared/admin-audit'
import type { FastifyInstance } from 'fastify'
import { accessReportQuerySchema, accessReportResponseSchema } from '@bango/shared/admin-records'
import { accessReportCsv } from '../../domain/admin/access-report.ts'
import { AUDIT_CSV_HEAD, auditCsvLine } from '../../domain/admin/audit-csv.ts'
import { route } from '../route.ts'

const exportQuerySchema = auditEventQuerySchema.omit({ cursor: true, limit: true })

export default async function auditRoutes(app: FastifyInstance) {
  const { auditViewer, accessReport, access } = app.services

  route(
    app,
    { method: 'GET', url: '/audit-events', summary: 'Audit log', query: auditEventQuerySchema, response: auditEventListResponseSchema },
    async ({ query }, request) => auditViewer.page(request.operator, query()),
  )

  route(
    app,
    {
      method: 'GET',
      url: '/audit-subjects',
      summary: 'Persons and operators an audit filter may name, by name or 社員番号 (administrators)',
      query: auditSubjectQuerySchema,
      response: auditSubjectsResponseSchema,
    },
    async ({ query }, request) => auditViewer.subjects(request.operator, query()),
  )

  route(
    app,
    { method: 'GET', url: '/audit-events.csv', summary: 'The audit log as CSV: the same filters, every page', query: exportQuerySchema },
    async ({ query }, request, reply) => {
      const filter = query()
      const pages = await auditViewer.export(request.operator, filter)
      async function* csv() {
        yield AUDIT_CSV_HEAD
        for await (const page of pages()) yield page.map(auditCsvLine).join('')
      }
      const stamp = new Date().toISOString().slice(0, 10)
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`).send(Readable.from(csv()))
    },
  )

  // The access report for a 漏えい等 report (administrators of the company; audited).
  route(
    app,
    {
      method: 'GET',
      url: '/companies/:companyId/access-report',
      summary: 'Who viewed or exported which persons in a time window, for a 漏えい等 report (administrators, audited)',
      query: accessReportQuerySchema,
      response: accessReportResponseSchema,
    },
    async ({ params, query }, request) => {
      // The right before the query: a caller without it learns nothing from a validation answer.
      const scope = await access.forCompany(request.operator, params.companyId, 'administrator')
      return accessReport.report(scope, query(), 'page')
    },
  )

  route(
    app,
    {
      method: 'GET',
      url: '/companies/:companyId/access-report.csv',
      summary: 'The access report as CSV (administrators, audited)',
      query: accessReportQuerySchema,
    },
    async ({ params, query }, request, reply) => {
      const scope = await access.forCompany(request.operator, params.companyId, 'administrator')
      const report = await accessReport.report(scope, query(), 'csv')
      const stamp = new Date().toISOString().slice(0, 10)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="access-report-${stamp}.csv"`)
        .send(Readable.from(accessReportCsv(report)))
    },
  )
}
