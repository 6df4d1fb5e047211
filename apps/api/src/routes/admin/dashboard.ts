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
import { parse } from '../../lib/parse.ts'
import { pathIds } from './path-params.ts'

export default async function dashboardRoutes(app: FastifyInstance) {
  const { access, dashboard, leavingDates } = app.services

  app.get('/campaigns/:campaignId/dashboard', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    return dashboard.counts(await access.forCampaign(request.operator, campaignId))
  })

  app.get('/campaigns/:campaignId/employees', async (request) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const query = parse(employeeListQuerySchema, request.query)
    return dashboard.list(await access.forCampaign(request.operator, campaignId), query)
  })

  // The list's filters, every page, as a CSV (UTF-8 with a BOM, for Excel).
  app.get('/campaigns/:campaignId/employees.csv', async (request, reply) => {
    const { campaignId } = pathIds(request.params, 'campaignId')
    const query = parse(employeeListQuerySchema, request.query)
    const scope = await access.forCampaign(request.operator, campaignId)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="employee-statuses.csv"')
      .send(Readable.from(dashboard.statusesCsv(scope, query)))
  })

  app.get('/campaigns/:campaignId/employees/:employeeId', async (request) => {
    const { campaignId, employeeId } = pathIds(request.params, 'campaignId', 'employeeId')
    return dashboard.detail(await access.forEmployee(request.operator, campaignId, employeeId))
  })

  app.post('/campaigns/:campaignId/employees/:employeeId/unlock', async (request, reply) => {
    const { campaignId, employeeId } = pathIds(request.params, 'campaignId', 'employeeId')
    await dashboard.unlock(await access.forEmployee(request.operator, campaignId, employeeId))
    return reply.status(204).send()
  })

  app.put('/campaigns/:campaignId/employees/:employeeId/left-on', async (request) => {
    const { campaignId, employeeId } = pathIds(request.params, 'campaignId', 'employeeId')
    const { leftOn } = parse(leftOnRequestSchema, request.body)
    return leavingDates.record(await access.forEmployee(request.operator, campaignId, employeeId), leftOn)
  })
}
