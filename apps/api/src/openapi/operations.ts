/**
 * What the OpenAPI document says about each route beyond its method and path: the zod schemas
 * the handler validates with (`parse(schema, …)`, the same objects), and the answer where the
 * shared package defines it. Documentation only: Fastify never sees these (openapi/plugin.ts
 * attaches them in @fastify/swagger's transform). openapi.test.ts fails on an entry whose route
 * no longer exists; routes without an entry still appear (method, path, path parameters).
 */
import * as account from '@bango/shared/admin-account'
import * as admin from '@bango/shared/admin-api'
import { auditEventListResponseSchema, auditEventQuerySchema, auditSubjectQuerySchema, auditSubjectsResponseSchema } from '@bango/shared/admin-audit'
import {
  credentialBatchesResponseSchema,
  credentialExportRequestSchema,
  distributeCredentialsResponseSchema,
  emailBatchPreviewSchema,
  emailBatchRequestSchema,
  emailBatchSchema,
  emailBatchesResponseSchema,
  issueCredentialsRequestSchema,
  issueCredentialsResponseSchema,
} from '@bango/shared/admin-credentials'
import { dashboardResponseSchema, employeeDetailResponseSchema, employeeListQuerySchema, employeeListResponseSchema } from '@bango/shared/admin-dashboard'
import {
  disposalPreviewResponseSchema,
  disposalsCsvQuerySchema,
  disposalsQuerySchema,
  disposalsResponseSchema,
  disposeRequestSchema,
  disposeResponseSchema,
} from '@bango/shared/admin-disposal'
import {
  accessReportQuerySchema,
  accessReportResponseSchema,
  disposalCertificateResponseSchema,
  handlingRecordResponseSchema,
} from '@bango/shared/admin-records'
import { exportSummarySchema, payrollCsvQuerySchema, payrollLayoutResponseSchema, payrollLayoutSchema } from '@bango/shared/admin-export'
import * as networks from '@bango/shared/admin-networks'
import { importResponseSchema } from '@bango/shared/admin-import'
import { leftOnRequestSchema, leftOnResponseSchema } from '@bango/shared/admin-leaving-date'
import {
  numberAgreementRequestSchema,
  numberEntryRequestSchema,
  numberOcrResponseSchema,
  numberRevealResponseSchema,
  numberStateSchema,
} from '@bango/shared/admin-number'
import {
  householdApprovalSchema,
  returnPersonRequestSchema,
  returnPersonResponseSchema,
  reviewQueueSchema,
  submissionReviewResponseSchema,
} from '@bango/shared/admin-review'
import type { z } from 'zod'

export interface Operation {
  summary?: string
  /** JSON body (or, for the image upload, the multipart fields). */
  body?: z.ZodType
  multipart?: true
  query?: z.ZodType
  /** The success answer; `status` 200 unless given. */
  response?: z.ZodType
  status?: number
}

export const OPERATIONS: Record<string, Operation> = {
  'GET /api/health': { summary: 'The process and its database answer' },
  'GET /api/health/live': { summary: 'The process answers (liveness)' },
  'GET /api/health/ready': { summary: 'Database, blob store and configured dependencies answer (readiness); 503 otherwise' },
  'GET /api/docs': { summary: 'This document (administrators)' },

  'POST /api/admin/session': {
    summary: 'Password step of the console sign-in',
    body: admin.adminLoginRequestSchema,
    response: admin.adminSessionResponseSchema,
  },
  'GET /api/admin/session': { summary: 'The current console session', response: admin.adminSessionResponseSchema },
  'POST /api/admin/session/totp': { summary: 'Second factor', body: admin.totpVerifyRequestSchema, response: admin.adminSessionResponseSchema },
  'POST /api/admin/session/recovery-code': {
    summary: 'Second factor by a recovery code (each works once)',
    body: account.recoveryCodeRequestSchema,
    response: admin.adminSessionResponseSchema,
  },
  'POST /api/admin/account/totp': {
    summary: 'Start TOTP enrolment (after the current password)',
    body: account.totpEnrolmentRequestSchema,
    response: admin.totpEnrolmentResponseSchema,
    status: 201,
  },
  'POST /api/admin/account/totp/confirm': {
    summary: 'Confirm TOTP enrolment; answers the recovery codes once',
    body: admin.totpVerifyRequestSchema,
    response: account.totpConfirmedResponseSchema,
  },
  'DELETE /api/admin/account/totp': { summary: 'Turn TOTP off', body: admin.totpDisableRequestSchema },
  'PUT /api/admin/account/password': { summary: 'Change the password', body: admin.passwordChangeRequestSchema },
  'GET /api/admin/settings': { summary: 'System settings', response: admin.settingsSchema },
  'PUT /api/admin/settings': { summary: 'Change system settings', body: admin.settingsSchema, response: admin.settingsSchema },
  'GET /api/admin/settings/networks': { summary: "The installation's network allow-list", response: networks.networkSettingsSchema },
  'PUT /api/admin/settings/networks': {
    summary: "Change the installation's network allow-list (never to exclude the caller)",
    body: networks.networkSettingsRequestSchema,
    response: networks.networkSettingsSchema,
  },
  'GET /api/admin/companies/:companyId/settings': { summary: "A company's settings (network allow-list)", response: networks.companySettingsSchema },
  'PUT /api/admin/companies/:companyId/settings': {
    summary: "Change a company's settings (never to exclude the caller)",
    body: networks.companySettingsRequestSchema,
    response: networks.companySettingsSchema,
  },
  'GET /api/admin/companies': { summary: 'Companies the operator sees', response: admin.companiesResponseSchema },
  'POST /api/admin/companies': { summary: 'Create a company', body: admin.companyRequestSchema, status: 201 },
  'PATCH /api/admin/companies/:companyId': { summary: 'Rename a company', body: admin.companyRequestSchema },
  'GET /api/admin/companies/:companyId/operators': { summary: 'Operators of a company', response: admin.operatorsResponseSchema },
  'POST /api/admin/companies/:companyId/operators': {
    summary: 'Add an operator',
    body: admin.operatorCreateRequestSchema,
    response: admin.operatorCreatedResponseSchema,
    status: 201,
  },
  'PATCH /api/admin/companies/:companyId/operators/:operatorId': { summary: 'Change or disable an operator', body: admin.operatorUpdateRequestSchema },
  'POST /api/admin/companies/:companyId/operators/:operatorId/reset': {
    summary: 'Reset an operator: new one-time password, TOTP off, sessions ended',
    body: account.operatorResetRequestSchema,
    response: account.operatorResetResponseSchema,
  },
  'GET /api/admin/companies/:companyId/campaigns': { summary: 'Campaigns of a company', response: admin.campaignsResponseSchema },
  'POST /api/admin/companies/:companyId/campaigns': {
    summary: 'Create a campaign',
    body: admin.campaignRequestSchema,
    response: admin.campaignSchema,
    status: 201,
  },
  'GET /api/admin/campaigns/:campaignId': { summary: 'A campaign', response: admin.campaignSchema },
  'PATCH /api/admin/campaigns/:campaignId': { summary: 'Edit a campaign', body: admin.campaignRequestSchema, response: admin.campaignSchema },
  'POST /api/admin/campaigns/:campaignId/close': { summary: 'Close a campaign (purges unfinished drafts; administrators)' },
  'POST /api/admin/campaigns/:campaignId/reopen': {
    summary: 'Reopen a closed campaign with a new deadline, until it is disposed of (administrators)',
    body: admin.reopenCampaignRequestSchema,
    response: admin.campaignSchema,
  },
  'POST /api/admin/campaigns/:campaignId/retention-shortenings/:shorteningId/undo': {
    summary: 'Undo a shortened retention period within its grace period (administrators)',
    response: admin.campaignSchema,
  },
  'GET /api/admin/campaigns/:campaignId/dashboard': { summary: 'Progress counts', response: dashboardResponseSchema },
  'GET /api/admin/campaigns/:campaignId/employees': {
    summary: 'Employees of a campaign, searched and paged',
    query: employeeListQuerySchema,
    response: employeeListResponseSchema,
  },
  'GET /api/admin/campaigns/:campaignId/employees.csv': {
    summary: 'The employee list as a CSV of statuses: the same filters, every page (audited)',
    query: employeeListQuerySchema,
  },
  'GET /api/admin/campaigns/:campaignId/employees/:employeeId': { summary: 'One employee and dependents', response: employeeDetailResponseSchema },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/unlock': { summary: 'Unlock a locked credential' },
  'PUT /api/admin/campaigns/:campaignId/employees/:employeeId/left-on': {
    summary: 'Record, move or clear the employee’s 退職日: retention counts from the year after it (earlier or cleared: administrators; audited)',
    body: leftOnRequestSchema,
    response: leftOnResponseSchema,
  },
  'POST /api/admin/campaigns/:campaignId/import': { summary: 'Import employees (CSV body)', response: importResponseSchema },
  'POST /api/admin/campaigns/:campaignId/credentials': {
    summary: 'Issue credentials',
    body: issueCredentialsRequestSchema,
    response: issueCredentialsResponseSchema,
  },
  'GET /api/admin/campaigns/:campaignId/credential-batches': {
    summary: 'Issued credential batches not yet handed out, and how many employees have no login',
    response: credentialBatchesResponseSchema,
  },
  'POST /api/admin/campaigns/:campaignId/credential-batches/:credentialBatchId/distributed': {
    summary: 'A batch was handed out: its logins go live',
    response: distributeCredentialsResponseSchema,
  },
  'POST /api/admin/campaigns/:campaignId/credential-batches/:credentialBatchId/cancel': { summary: 'Cancel a batch: its logins never go live' },
  'POST /api/admin/campaigns/:campaignId/credentials/exports': { summary: 'Credentials as a printable or CSV export', body: credentialExportRequestSchema },
  'GET /api/admin/campaigns/:campaignId/email-batches': { summary: 'E-mail batches', response: emailBatchesResponseSchema },
  'GET /api/admin/campaigns/:campaignId/email-batches/:batchId': { summary: 'One e-mail batch', response: emailBatchSchema },
  'POST /api/admin/campaigns/:campaignId/email-batches/preview': {
    summary: 'Who a send would reach and whom it leaves out, before sending',
    body: emailBatchRequestSchema,
    response: emailBatchPreviewSchema,
  },
  'POST /api/admin/campaigns/:campaignId/email-batches': { summary: 'Send credentials or reminders by e-mail', body: emailBatchRequestSchema, status: 201 },
  'GET /api/admin/audit-events': { summary: 'Audit log', query: auditEventQuerySchema, response: auditEventListResponseSchema },
  'GET /api/admin/companies/:companyId/access-report': {
    summary: 'Who viewed or exported which persons in a time window, for a 漏えい等 report (administrators, audited)',
    query: accessReportQuerySchema,
    response: accessReportResponseSchema,
  },
  'GET /api/admin/companies/:companyId/access-report.csv': { summary: 'The access report as CSV (administrators, audited)', query: accessReportQuerySchema },
  'GET /api/admin/audit-subjects': {
    summary: 'Persons and operators an audit filter may name, by name or 社員番号 (administrators)',
    query: auditSubjectQuerySchema,
    response: auditSubjectsResponseSchema,
  },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/dispose': {
    summary: "Dispose of a person's documents",
    body: disposeRequestSchema,
    response: disposeResponseSchema,
  },
  'POST /api/admin/campaigns/:campaignId/dispose': {
    summary: "Dispose of a campaign's documents",
    body: disposeRequestSchema,
    response: disposeResponseSchema,
  },
  'GET /api/admin/campaigns/:campaignId/disposal/preview': { summary: 'What a disposal would remove', response: disposalPreviewResponseSchema },
  'GET /api/admin/companies/:companyId/disposals': {
    summary: 'Disposal records, searchable by name or 社員番号',
    query: disposalsQuerySchema,
    response: disposalsResponseSchema,
  },
  'GET /api/admin/companies/:companyId/disposals.csv': { summary: 'Disposal records as CSV (audited)', query: disposalsCsvQuerySchema },
  'GET /api/admin/campaigns/:campaignId/handling-record': {
    summary: "A campaign's 取扱記録: who handled which persons' documents and numbers (administrators)",
    response: handlingRecordResponseSchema,
  },
  'GET /api/admin/campaigns/:campaignId/disposal-certificate': {
    summary: "A campaign's 廃棄証明: what was disposed of, by whom, when, why (administrators)",
    response: disposalCertificateResponseSchema,
  },
  'PUT /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/entries': {
    summary: 'Enter the My Number (twice, by two entries)',
    body: numberEntryRequestSchema,
  },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/agreement': {
    summary: 'Record a number two independent sources agree on, on one confirmation (where the company accepts it)',
    body: numberAgreementRequestSchema,
    response: numberStateSchema,
  },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/reveal': {
    summary: 'Reveal a recorded My Number (audited)',
    response: numberRevealResponseSchema,
  },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/ocr': {
    summary: 'Read the number from the document image',
    response: numberOcrResponseSchema,
  },
  'GET /api/admin/campaigns/:campaignId/employees/:employeeId/submission': { summary: 'A submission for review', response: submissionReviewResponseSchema },
  'GET /api/admin/campaigns/:campaignId/review-queue': {
    summary: 'Households with persons to approve or numbers to record, oldest first',
    response: reviewQueueSchema,
  },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/approve': {
    summary: 'Approve every person of the household still to review',
    response: householdApprovalSchema,
  },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/return': {
    summary: 'Return a person to the employee (and tell them by e-mail where there is an address)',
    body: returnPersonRequestSchema,
    response: returnPersonResponseSchema,
  },
  'GET /api/admin/campaigns/:campaignId/exports/payroll.csv': { summary: 'Payroll CSV (numbers included, audited)', query: payrollCsvQuerySchema },
  'GET /api/admin/campaigns/:campaignId/exports/payroll.xlsx': { summary: 'Payroll workbook, .xlsx (numbers included, audited)' },
  'GET /api/admin/campaigns/:campaignId/exports/summary': {
    summary: 'How many persons the payroll file holds, and why the others are not in it',
    response: exportSummarySchema,
  },
  'GET /api/admin/companies/:companyId/exports/layout': {
    summary: "The company's payroll file layout (columns, headers, dates)",
    response: payrollLayoutResponseSchema,
  },
  'PUT /api/admin/companies/:companyId/exports/layout': {
    summary: "Change the company's payroll file layout (audited)",
    body: payrollLayoutSchema,
    response: payrollLayoutResponseSchema,
  },
}
