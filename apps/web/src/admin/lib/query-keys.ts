/**
 * Every query key of the console, made here and nowhere else (ADR 052). The keys are a tree and an
 * invalidation names one of its branches:
 * - everything a campaign's screens show sits under `campaign.all(id)`, so an import, an issue, a
 *   review decision, a close or a disposal refreshes every screen of the campaign at once;
 * - a company's lists sit under `company.all(id)`, and every company's under `companies`;
 * - the session, the installation's settings and the audit log stand apart.
 * The number reading is outside the campaign on purpose: each reading is an audited access that a
 * campaign-wide refresh must not repeat (features/numbers/api/read-number-ocr.ts).
 */
import type { AuditEventFilter } from '@bango/shared/admin-audit'
import type { EmployeeListQuery } from '@bango/shared/admin-dashboard'
import type { AccessReportQuery } from '@bango/shared/admin-records'

const ROOT = 'admin'

const campaign = (campaignId: string) => [ROOT, 'campaign', campaignId] as const
const company = (companyId: string) => [ROOT, 'companies', companyId] as const

export const queryKeys = {
  session: [ROOT, 'session'] as const,
  settings: [ROOT, 'settings'] as const,
  networks: [ROOT, 'settings', 'networks'] as const,
  /** The company list, and the branch every company's keys sit under (a new or renamed company refreshes them). */
  companies: [ROOT, 'companies'] as const,

  company: {
    settings: (companyId: string) => [...company(companyId), 'settings'] as const,
    campaigns: (companyId: string) => [...company(companyId), 'campaigns'] as const,
    operators: (companyId: string) => [...company(companyId), 'operators'] as const,
    payrollLayout: (companyId: string) => [...company(companyId), 'payroll-layout'] as const,
    /** Every search of the company's disposal records (what a disposal makes stale). */
    disposals: (companyId: string) => [...company(companyId), 'disposals'] as const,
    disposalSearch: (companyId: string, q: string) => [...company(companyId), 'disposals', q] as const,
  },

  campaign: {
    all: campaign,
    /** The campaign's own record (name, status, company, settings), one entry for every screen. */
    detail: (campaignId: string) => [...campaign(campaignId), 'detail'] as const,
    /** The employees counted by status (the dashboard's summary bar, the close and dispose confirmations). */
    counts: (campaignId: string) => [...campaign(campaignId), 'dashboard'] as const,
    employees: (campaignId: string, query: EmployeeListQuery) => [...campaign(campaignId), 'employees', query] as const,
    employee: (campaignId: string, employeeId: string) => [...campaign(campaignId), 'employee', employeeId] as const,
    personNumber: (campaignId: string, employeeId: string, personId: string) => [...campaign(campaignId), 'person-number', employeeId, personId] as const,
    submission: (campaignId: string, employeeId: string) => [...campaign(campaignId), 'submission', employeeId] as const,
    reviewQueue: (campaignId: string) => [...campaign(campaignId), 'review-queue'] as const,
    emailBatches: (campaignId: string) => [...campaign(campaignId), 'email-batches'] as const,
    credentialBatches: (campaignId: string) => [...campaign(campaignId), 'credential-batches'] as const,
    disposalPreview: (campaignId: string) => [...campaign(campaignId), 'disposal-preview'] as const,
    exportSummary: (campaignId: string) => [...campaign(campaignId), 'export-summary'] as const,
    handlingRecord: (campaignId: string) => [...campaign(campaignId), 'handling-record'] as const,
    disposalCertificate: (campaignId: string) => [...campaign(campaignId), 'disposal-certificate'] as const,
  },

  numberReading: (campaignId: string, employeeId: string, personId: string) => [ROOT, 'number-reading', campaignId, employeeId, personId] as const,
  accessReport: (companyId: string, query: AccessReportQuery | null) => [ROOT, 'access-report', companyId, query] as const,
  auditEvents: (filter: AuditEventFilter, cursor: string | null) => [ROOT, 'audit-events', filter, cursor] as const,
  auditSubjects: (q: string) => [ROOT, 'audit-subjects', q] as const,
  auditSubject: (id: string | undefined) => [ROOT, 'audit-subjects', 'id', id] as const,
}
