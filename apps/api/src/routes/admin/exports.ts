/**
 * Export for payroll: the approved, not disposed persons of a campaign as CSV or as an Excel
 * workbook (with HR's recorded numbers), in the company's saved column layout, and their images
 * as a ZIP; the summary of who is in the file and why the others are not; the layout itself.
 * Administrators, or operators an administrator allowed to export (the services ask for 'export':
 * FORBIDDEN otherwise; another company's campaign NOT_FOUND). The files are GETs (plain download
 * links, cookie session): reading changes nothing but the audit log, and `no-store` keeps the
 * files out of every cache.
 */
import {
  LOSSY_CHARACTERS_HEADER,
  exportSummarySchema,
  payrollCsvQuerySchema,
  payrollLayoutResponseSchema,
  payrollLayoutSchema,
} from '@bango/shared/admin-export'
import type { FastifyInstance } from 'fastify'
import { attachment, safeFileName } from '../../lib/content-disposition.ts'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { route } from '../route.ts'

const compactJapanDate = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(at).replaceAll('-', '')

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export default async function exportRoutes(app: FastifyInstance) {
  const { access, payrollExport, payrollLayouts, documentsArchive } = app.services
  const base = '/campaigns/:campaignId/exports'

  route(
    app,
    { method: 'GET', url: `${base}/payroll.csv`, summary: 'Payroll CSV (numbers included, audited)', query: payrollCsvQuerySchema },
    async ({ params: { campaignId }, query }, request, reply) => {
      const { encoding } = query()
      const scope = await access.forCampaign(request.operator, campaignId)
      const { bytes, lossyCharacters } = await payrollExport.csv(scope, encoding)
      logSensitiveRead(request, { resource: 'payroll_csv', campaignId })
      const day = compactJapanDate(new Date())
      const suffix = encoding === 'shift_jis' ? 'sjis' : 'utf8'
      if (encoding === 'shift_jis') reply.header(LOSSY_CHARACTERS_HEADER, String(lossyCharacters))
      return reply
        .header('cache-control', 'no-store, private')
        .header('content-disposition', attachment(`payroll-${day}-${suffix}.csv`, `給与システム用_${safeFileName(scope.campaign.name)}_${day}_${suffix}.csv`))
        .type(`text/csv; charset=${encoding === 'shift_jis' ? 'shift_jis' : 'utf-8'}`)
        .send(bytes)
    },
  )

  route(
    app,
    { method: 'GET', url: `${base}/payroll.xlsx`, summary: 'Payroll workbook, .xlsx (numbers included, audited)' },
    async ({ params: { campaignId } }, request, reply) => {
      const scope = await access.forCampaign(request.operator, campaignId)
      const workbook = await payrollExport.xlsx(scope)
      logSensitiveRead(request, { resource: 'payroll_xlsx', campaignId })
      const day = compactJapanDate(new Date())
      return reply
        .header('cache-control', 'no-store, private')
        .header('content-disposition', attachment(`payroll-${day}.xlsx`, `給与システム用_${safeFileName(scope.campaign.name)}_${day}.xlsx`))
        .type(XLSX_TYPE)
        .send(workbook)
    },
  )

  route(
    app,
    {
      method: 'GET',
      url: `${base}/summary`,
      summary: 'How many persons the payroll file holds, and why the others are not in it',
      response: exportSummarySchema,
    },
    async ({ params }, request) => payrollExport.summary(await access.forCampaign(request.operator, params.campaignId)),
  )

  route(
    app,
    { method: 'GET', url: `${base}/documents.zip`, summary: "The approved persons' document images as a ZIP (audited)" },
    async ({ params: { campaignId } }, request, reply) => {
      const scope = await access.forCampaign(request.operator, campaignId)
      const archive = await documentsArchive.export(scope)
      logSensitiveRead(request, { resource: 'documents_zip', campaignId })
      const day = compactJapanDate(new Date())
      return reply
        .header('cache-control', 'no-store, private')
        .header('content-disposition', attachment(`documents-${day}.zip`, `書類画像_${safeFileName(scope.campaign.name)}_${day}.zip`))
        .type('application/zip')
        .send(archive)
    },
  )

  route(
    app,
    {
      method: 'GET',
      url: '/companies/:companyId/exports/layout',
      summary: "The company's payroll file layout (columns, headers, dates)",
      response: payrollLayoutResponseSchema,
    },
    async ({ params }, request) => payrollLayouts.get(await access.forCompany(request.operator, params.companyId)),
  )

  route(
    app,
    {
      method: 'PUT',
      url: '/companies/:companyId/exports/layout',
      summary: "Change the company's payroll file layout (audited)",
      body: payrollLayoutSchema,
      response: payrollLayoutResponseSchema,
    },
    async ({ params, body }, request) => {
      const layout = body()
      return payrollLayouts.put(await access.forCompany(request.operator, params.companyId), layout)
    },
  )
}
