/**
 * 廃棄 (administrators only): one person, a closed campaign, the retention dry run, the records
 * (searchable, and as CSV); a campaign's printable 取扱記録 and 廃棄証明.
 */
import { Readable } from 'node:stream'
import {
  disposalPreviewResponseSchema,
  disposalsCsvQuerySchema,
  disposalsQuerySchema,
  disposalsResponseSchema,
  disposeRequestSchema,
  disposeResponseSchema,
} from '@bango/shared/admin-disposal'
import { disposalCertificateResponseSchema, handlingRecordResponseSchema } from '@bango/shared/admin-records'
import { DISPOSAL_RECORDS_CSV } from '@bango/shared/csv-formats'
import type { FastifyInstance } from 'fastify'
import { disposalCsvLine } from '../../domain/admin/disposal-records.ts'
import { route } from '../route.ts'

export default async function disposalRoutes(app: FastifyInstance) {
  const { access, disposalActions, disposalRecords, campaignRecords } = app.services

  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/employees/:employeeId/persons/:personId/dispose',
      summary: "Dispose of a person's documents",
      body: disposeRequestSchema,
      response: disposeResponseSchema,
    },
    async ({ params, body }, request) => {
      const { reason } = body()
      return disposalActions.disposePerson(await access.forCampaign(request.operator, params.campaignId), params.employeeId, params.personId, reason)
    },
  )

  route(
    app,
    {
      method: 'POST',
      url: '/campaigns/:campaignId/dispose',
      summary: "Dispose of a campaign's documents",
      body: disposeRequestSchema,
      response: disposeResponseSchema,
    },
    async ({ params, body }, request) => {
      const { reason } = body()
      return disposalActions.disposeCampaign(await access.forCampaign(request.operator, params.campaignId), reason)
    },
  )

  route(
    app,
    { method: 'GET', url: '/campaigns/:campaignId/disposal/preview', summary: 'What a disposal would remove', response: disposalPreviewResponseSchema },
    async ({ params }, request) => disposalActions.preview(await access.forCampaign(request.operator, params.campaignId)),
  )

  route(
    app,
    {
      method: 'GET',
      url: '/companies/:companyId/disposals',
      summary: 'Disposal records, searchable by name or 社員番号',
      query: disposalsQuerySchema,
      response: disposalsResponseSchema,
    },
    async ({ params, query }, request) => {
      const filter = query()
      return disposalRecords.list(await access.forCompany(request.operator, params.companyId), filter)
    },
  )

  route(
    app,
    { method: 'GET', url: '/companies/:companyId/disposals.csv', summary: 'Disposal records as CSV (audited)', query: disposalsCsvQuerySchema },
    async ({ params, query }, request, reply) => {
      const filter = query()
      const pages = await disposalRecords.export(await access.forCompany(request.operator, params.companyId), filter)
      async function* csv() {
        yield DISPOSAL_RECORDS_CSV.head()
        for await (const page of pages()) yield page.map(disposalCsvLine).join('')
      }
      const stamp = new Date().toISOString().slice(0, 10)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="disposal-records-${stamp}.csv"`)
        .send(Readable.from(csv()))
    },
  )

  route(
    app,
    {
      method: 'GET',
      url: '/campaigns/:campaignId/handling-record',
      summary: "A campaign's 取扱記録: who handled which persons' documents and numbers (administrators)",
      response: handlingRecordResponseSchema,
    },
    async ({ params }, request) => campaignRecords.handlingRecord(await access.forCampaign(request.operator, params.campaignId)),
  )

  route(
    app,
    {
      method: 'GET',
      url: '/campaigns/:campaignId/disposal-certificate',
      summary: "A campaign's 廃棄証明: what was disposed of, by whom, when, why (administrators)",
      response: disposalCertificateResponseSchema,
    },
    async ({ params }, request) => campaignRecords.disposalCertificate(await access.forCampaign(request.operator, params.campaignId)),
  )
}
