/** Answers of the campaign API (import, credentials, dashboard) with overrides. */
import type { IssueCredentialsResponse, IssuedCredential } from '@bango/shared/admin-credentials'
import type { EmployeeRow } from '@bango/shared/admin-dashboard'
import type { ImportResponse } from '@bango/shared/admin-import'

let sequence = 0
export const uuid = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`
export const CAMPAIGN_ID = '11111111-1111-4111-8111-111111111111'

export function buildImportResponse(overrides: Partial<ImportResponse> = {}): ImportResponse {
  return {
    applied: false,
    summary: {
      encoding: 'shift_jis',
      rows: 5,
      employees: { new: 2, changed: 1, unchanged: 0 },
      dependents: { new: 1, changed: 0, unchanged: 1 },
    },
    errors: [],
    errorCount: 0,
    ...overrides,
  }
}

export function buildIssuedCredential(overrides: Partial<IssuedCredential> = {}): IssuedCredential {
  const id = uuid()
  return {
    employeeId: id,
    employeeNumber: `E${sequence}`,
    name: '総合 太郎',
    kana: 'ソウゴウ タロウ',
    email: 'taro@example.jp',
    postal: null,
    reissue: false,
    url: `https://bango.example/t/token-${sequence}`,
    password: `Pw${sequence}abcdEFGH`,
    ...overrides,
  }
}

export function buildIssue(credentials: IssuedCredential[]): IssueCredentialsResponse {
  return {
    batchId: credentials.length ? uuid() : null,
    expiresAt: credentials.length ? '2026-12-04T01:02:03.000Z' : null,
    companyName: '株式会社総合',
    campaignName: '2026年 年末調整',
    deadline: '2026-12-25T14:59:00.000Z',
    contact: '人事部 山田（内線 1234）',
    issuedAt: '2026-11-27T01:02:03.000Z',
    credentials,
  }
}

export function buildEmployeeRow(overrides: Partial<EmployeeRow> = {}): EmployeeRow {
  return {
    id: uuid(),
    employeeNumber: `E${sequence}`,
    name: '総合 太郎',
    kana: 'ソウゴウ タロウ',
    email: null,
    progress: 'issued',
    lastLoginAt: null,
    lockedUntil: null,
    dependentCount: 0,
    leftOn: null,
    ...overrides,
  }
}
