/**
 * 廃棄 (administrators only): one person, a closed campaign, the retention dry run, the records
 * (searchable, and as CSV); a campaign's printable 取扱記録 and 廃棄証明.
 */
import { Readable } from 'node:stream'
import { disposalsCsvQuerySchema, disposalsQuerySchema, disposeRequestSchema } from '@bango/shared/admin-disposal'
import { DISPOSAL_RECORDS_CSV } from '@bango/shared/csv-formats'
import type { FastifyInstance } from 'fastify'
import { disposalCsvLine } from '../../domain/admin/disposal-records.ts'
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

export default async function disposalRoutes(app: FastifyInstance) {
  const { access, disposalActions, disposalRecords, campaignRecords } = app.services

  app.post('/campaigns/:campaignId/employees/:employeeId/persons/:personId/dispose', async (request) => {
    const { campaignId, employeeId, personId } = pathIds(request.params, 'campaignId', 'employeeId', 'personId')
    const { reason } = parse(disposeRequestSchema, request.body)
    return disposalActions.disposePerson(await access.forCampaign(request.operator, campaignId), employeeId, personId, reason)
  })

  app.post('/campaigns/:campaignId/dispose', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const { reason } = parse(disposeRequestSchema, request.body)
    return disposalActions.disposeCampaign(await access.forCampaign(request.operator, campaignId), reason)
  })

  app.get('/campaigns/:campaignId/disposal/preview', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return disposalActions.preview(await access.forCampaign(request.operator, campaignId))
  })

  app.get('/companies/:companyId/disposals', async (request) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const query = parse(disposalsQuerySchema, request.query)
    return disposalRecords.list(await access.forCompany(request.operator, companyId), query)
  })

  app.get('/companies/:companyId/disposals.csv', async (request, reply) => {
    const { companyId } = pathIds(request.params, 'companyId')
    const query = parse(disposalsCsvQuerySchema, request.query)
    const pages = await disposalRecords.export(await access.forCompany(request.operator, companyId), query)
    async function* csv() {
      yield DISPOSAL_RECORDS_CSV.head()
      for await (const page of pages()) yield page.map(disposalCsvLine).join('')
    }
    const stamp = new Date().toISOString().slice(0, 10)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="disposal-records-${stamp}.csv"`)
      .send(Readable.from(csv()))
  })

  app.get('/campaigns/:campaignId/handling-record', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return campaignRecords.handlingRecord(await access.forCampaign(request.operator, campaignId))
  })

  app.get('/campaigns/:campaignId/disposal-certificate', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return campaignRecords.disposalCertificate(await access.forCampaign(request.operator, campaignId))
  })
}
