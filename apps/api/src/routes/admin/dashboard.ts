/**
 * A campaign's progress dashboard: counts, the employee list, one employee's detail, unlocking a
 * credential and the 退職日. Operators and administrators alike (an earlier or cleared 退職日 is
 * the administrator's, domain/admin/leaving-dates.ts); another company's campaign or employee is
 * NOT_FOUND (domain/admin/access.ts).
 */
import { employeeListQuerySchema } from '@bango/shared/admin-dashboard'
import { leftOnRequestSchema } from '@bango/shared/admin-leaving-date'
import type { FastifyInstance } from 'fastify'
import { Readable } from 'node:stream'
import { z } from 'zod'
import { parse } from '../../lib/parse.ts'

const campaignParams = z.object({ campaignId: z.uuid() })
const employeeParams = campaignParams.extend({ employeeId: z.uuid() })

export default async function dashboardRoutes(app: FastifyInstance) {
  const { access, dashboard, leavingDates } = app.services

  app.get('/campaigns/:campaignId/dashboard', async (request) => {
    const { campaignId } = parse(campaignParams, request.params)
    await access.campaign(request.operator, campaignId)
    return dashboard.counts(campaignId)
  })

  app.get('/campaigns/:campaignId/employees', async (request) => {
    const { campaignId } = parse(campaignParams, request.params)
    const query = parse(employeeListQuerySchema, request.query)
    await access.campaign(request.operator, campaignId)
    return dashboard.list(campaignId, query)
  })

  // The list's filters, every page, as a CSV (UTF-8 with a BOM, for Excel).
  app.get('/campaigns/:campaignId/employees.csv', async (request, reply) => {
    const { campaignId } = parse(campaignParams, request.params)
    const query = parse(employeeListQuerySchema, request.query)
    const { companyId } = await access.campaign(request.operator, campaignId)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="employee-statuses.csv"')
      .send(Readable.from(dashboard.statusesCsv(request.operator, companyId, campaignId, query)))
  })

  app.get('/campaigns/:campaignId/employees/:employeeId', async (request) => {
    const { campaignId, employeeId } = parse(employeeParams, request.params)
    const { employee } = await access.employee(request.operator, campaignId, employeeId)
    return dashboard.detail(employee)
  })

  app.post('/campaigns/:campaignId/employees/:employeeId/unlock', async (request, reply) => {
    const { campaignId, employeeId } = parse(employeeParams, request.params)
    const { companyId } = await access.employee(request.operator, campaignId, employeeId)
    await dashboard.unlock(request.operator, companyId, employeeId)
    return reply.status(204).send()
  })

  app.put('/campaigns/:campaignId/employees/:employeeId/left-on', async (request) => {
    const { campaignId, employeeId } = parse(employeeParams, request.params)
    const { leftOn } = parse(leftOnRequestSchema, request.body)
    return leavingDates.record(request.operator, campaignId, employeeId, leftOn)
  })
}
