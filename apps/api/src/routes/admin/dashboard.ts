/**
 * A campaign's progress dashboard: counts, the employee list, one employee's detail, unlocking a
 * credential and the 退職日. Operators and administrators alike (an earlier or cleared 退職日 is
 * the administrator's, domain/admin/leaving-dates.ts); another company's campaign or employee is
 * NOT_FOUND (domain/admin/access.ts).
 */
import { dashboardResponseSchema, employeeDetailResponseSchema, employeeListQuerySchema, employeeListResponseSchema } from '@bango/shared/admin-dashboard'
import { leftOnRequestSchema, leftOnResponseSchema } from '@bango/shared/admin-leaving-date'
import type { FastifyInstance } from 'fastify'
import { Readable } from 'node:stream'
import { route } from '../route.ts'

export default async function dashboardRoutes(app: FastifyInstance) {
  const { access, dashboard, leavingDates } = app.services

  route(
    app,
    { method: 'GET', url: '/campaigns/:campaignId/dashboard', summary: 'Progress counts', response: dashboardResponseSchema },
    async ({ params }, request) => dashboard.counts(await access.forCampaign(request.operator, params.campaignId)),
  )

  route(
    app,
    {
      method: 'GET',
      url: '/campaigns/:campaignId/employees',
      summary: 'Employees of a campaign, searched and paged',
      query: employeeListQuerySchema,
      response: employeeListResponseSchema,
    },
    async ({ params, query }, request) => {
      const filter = query()
      return dashboard.list(await access.forCampaign(request.operator, params.campaignId), filter)
    },
  )

  // The list's filters, every page, as a CSV (UTF-8 with a BOM, for Excel).
  route(
    app,
    {
      method: 'GET',
      url: '/campaigns/:campaignId/employees.csv',
      summary: 'The employee list as a CSV of statuses: the same filters, every page (audited)',
      query: employeeListQuerySchema,
    },
    async ({ params, query }, request, reply) => {
      const filter = query()
      const scope = await access.forCampaign(request.operator, params.campaignId)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="employee-statuses.csv"')
        .send(Readable.from(dashboard.statusesCsv(scope, filter)))
    },
  )

  route(
    app,
    { method: 'GET', url: '/campaigns/:campaignId/employees/:employeeId', summary: 'One employee and dependents', response: employeeDetailResponseSchema },
    async ({ params }, request) => dashboard.detail(await access.forEmployee(request.operator, params.campaignId, params.employeeId)),
  )

  route(
    app,
    { method: 'POST', url: '/campaigns/:campaignId/employees/:employeeId/unlock', summary: 'Unlock a locked credential', status: 204 },
    async ({ params }, request, reply) => {
      await dashboard.unlock(await access.forEmployee(request.operator, params.campaignId, params.employeeId))
      return reply.send()
    },
  )

  route(
    app,
    {
      method: 'PUT',
      url: '/campaigns/:campaignId/employees/:employeeId/left-on',
      summary: 'Record, move or clear the employee’s 退職日: retention counts from the year after it (earlier or cleared: administrators; audited)',
      body: leftOnRequestSchema,
      response: leftOnResponseSchema,
    },
    async ({ params, body }, request) => {
      const { leftOn } = body()
      return leavingDates.record(await access.forEmployee(request.operator, params.campaignId, params.employeeId), leftOn)
    },
  )
}
