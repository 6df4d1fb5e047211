/**
 * Every href of the HR console (`/admin`), and the route patterns of the same shapes. The
 * console is its own route tree (app/admin-app.tsx), so the patterns are absolute. In config/,
 * not app/: features build hrefs, and never import app/.
 */
const id = encodeURIComponent
const campaign = (campaignId: string) => `/admin/campaigns/${id(campaignId)}`

export const paths = {
  home: () => '/admin',
  account: () => '/admin/account',
  accountEnrolment: () => '/admin/account/totp',
  accountPassword: () => '/admin/account/password',
  companies: () => '/admin/companies',
  campaigns: (companyId: string) => `/admin/companies/${id(companyId)}/campaigns`,
  newCampaign: (companyId: string) => `/admin/companies/${id(companyId)}/campaigns/new`,
  operators: (companyId: string) => `/admin/companies/${id(companyId)}/operators`,
  disposals: (companyId: string) => `/admin/companies/${id(companyId)}/disposals`,
  /** 会社の設定: the company's network allow-list. */
  companySettings: (companyId: string) => `/admin/companies/${id(companyId)}/settings`,
  settings: () => '/admin/settings',
  /** ヘルプ：安全管理措置 — docs/compliance.md, as this build shipped it. */
  compliance: () => '/admin/help/compliance',
  /** アクセスの報告: who viewed or exported whom in a time window (for a 漏えい等 report). */
  accessReport: (companyId: string) => `/admin/companies/${id(companyId)}/access-report`,
  /** 監査ログ, optionally filtered to the events of one person (target or actor). */
  audit: (filter: { personId?: string } = {}) => `/admin/audit${filter.personId ? `?personId=${id(filter.personId)}` : ''}`,
  /** A campaign's dashboard (its import, credentials, review, export and disposal screens live under it). */
  campaign: (campaignId: string, search = '') => `${campaign(campaignId)}${search}`,
  campaignSettings: (campaignId: string) => `${campaign(campaignId)}/settings`,
  campaignImport: (campaignId: string) => `${campaign(campaignId)}/import`,
  /** `employeeIds`: (re-)issue for these employees instead of everyone without a credential. */
  campaignCredentials: (campaignId: string, employeeIds: readonly string[] = []) =>
    // eslint-disable-next-line no-restricted-syntax -- a query parameter's list of ids, not a CSV
    `${campaign(campaignId)}/credentials${employeeIds.length ? `?employees=${employeeIds.map(id).join(',')}` : ''}`,
  campaignKit: (campaignId: string) => `${campaign(campaignId)}/kit`,
  employee: (campaignId: string, employeeId: string) => `${campaign(campaignId)}/employees/${id(employeeId)}`,
  /** 「個人番号の記録」 of the employee or one of their dependents. */
  personNumber: (campaignId: string, employeeId: string, personId: string) =>
    `${campaign(campaignId)}/employees/${id(employeeId)}/persons/${id(personId)}/number`,
  campaignDisposal: (campaignId: string) => `${campaign(campaignId)}/disposal`,
  /** The campaign's printable 取扱記録 and 廃棄証明. */
  handlingRecord: (campaignId: string) => `${campaign(campaignId)}/handling-record`,
  disposalCertificate: (campaignId: string) => `${campaign(campaignId)}/disposal-certificate`,
  /** 出力: payroll CSV and documents ZIP. */
  campaignExport: (campaignId: string) => `${campaign(campaignId)}/export`,
  /** The review queue: opens the first household with persons to approve or numbers to record. */
  reviewQueue: (campaignId: string) => `${campaign(campaignId)}/review`,
  /** Review of the employee's 完了 submission (承認 / 差し戻し). */
  submission: (campaignId: string, employeeId: string) => `${campaign(campaignId)}/employees/${id(employeeId)}/submission`,
} as const

export const routePatterns = {
  home: '/admin',
  account: '/admin/account',
  accountEnrolment: '/admin/account/totp',
  accountPassword: '/admin/account/password',
  companies: '/admin/companies',
  campaigns: '/admin/companies/:companyId/campaigns',
  newCampaign: '/admin/companies/:companyId/campaigns/new',
  operators: '/admin/companies/:companyId/operators',
  disposals: '/admin/companies/:companyId/disposals',
  companySettings: '/admin/companies/:companyId/settings',
  accessReport: '/admin/companies/:companyId/access-report',
  settings: '/admin/settings',
  compliance: '/admin/help/compliance',
  audit: '/admin/audit',
  campaign: '/admin/campaigns/:campaignId',
  campaignSettings: '/admin/campaigns/:campaignId/settings',
  campaignImport: '/admin/campaigns/:campaignId/import',
  campaignCredentials: '/admin/campaigns/:campaignId/credentials',
  campaignKit: '/admin/campaigns/:campaignId/kit',
  employee: '/admin/campaigns/:campaignId/employees/:employeeId',
  personNumber: '/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number',
  campaignDisposal: '/admin/campaigns/:campaignId/disposal',
  handlingRecord: '/admin/campaigns/:campaignId/handling-record',
  disposalCertificate: '/admin/campaigns/:campaignId/disposal-certificate',
  campaignExport: '/admin/campaigns/:campaignId/export',
  reviewQueue: '/admin/campaigns/:campaignId/review',
  submission: '/admin/campaigns/:campaignId/employees/:employeeId/submission',
  /** Everything else under /admin. */
  notFound: '/admin/*',
} as const
