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
import type { FastifyInstance, FastifyReply } from 'fastify'
import { attachment, safeFileName } from '../../lib/content-disposition.ts'
import { logSensitiveRead } from '../../lib/security-events.ts'
import { route } from '../route.ts'

const compactJapanDate = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(at).replaceAll('-', '')

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * An export as a download, kept by no cache, named `<file>-<day>[-<suffix>].<extension>` for old
 * clients and `<title>_<campaign>_<day>[_<suffix>].<extension>` in Japanese (lib/content-disposition.ts).
 */
function download(
  reply: FastifyReply,
  name: { file: string; title: string; campaign: string; suffix?: string; extension: string },
  type: string,
  body: unknown,
) {
  const day = compactJapanDate(new Date())
  const [ascii, japanese] = name.suffix === undefined ? ['', ''] : [`-${name.suffix}`, `_${name.suffix}`]
  return reply
    .header('cache-control', 'no-store, private')
    .header(
      'content-disposition',
      attachment(`${name.file}-${day}${ascii}.${name.extension}`, `${name.title}_${safeFileName(name.campaign)}_${day}${japanese}.${name.extension}`),
    )
    .type(type)
    .send(body)
}

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
      const sjis = encoding === 'shift_jis'
      if (sjis) reply.header(LOSSY_CHARACTERS_HEADER, String(lossyCharacters))
      return download(
        reply,
        { file: 'payroll', title: '給与システム用', campaign: scope.campaign.name, suffix: sjis ? 'sjis' : 'utf8', extension: 'csv' },
        `text/csv; charset=${sjis ? 'shift_jis' : 'utf-8'}`,
        bytes,
      )
    },
  )

  route(
    app,
    { method: 'GET', url: `${base}/payroll.xlsx`, summary: 'Payroll workbook, .xlsx (numbers included, audited)' },
    async ({ params: { campaignId } }, request, reply) => {
      const scope = await access.forCampaign(request.operator, campaignId)
      const workbook = await payrollExport.xlsx(scope)
      logSensitiveRead(request, { resource: 'payroll_xlsx', campaignId })
      return download(reply, { file: 'payroll', title: '給与システム用', campaign: scope.campaign.name, extension: 'xlsx' }, XLSX_TYPE, workbook)
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
      // Past the status line a failure can only cut the download: the log says why.
      archive.once('error', (error) => request.log.error({ err: error }, 'documents ZIP broken off'))
      logSensitiveRead(request, { resource: 'documents_zip', campaignId })
      return download(reply, { file: 'documents', title: '書類画像', campaign: scope.campaign.name, extension: 'zip' }, 'application/zip', archive)
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
