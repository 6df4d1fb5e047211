import type { MeResponse, Person, PersonsResponse } from '@bango/shared/employee-api'

let sequence = 0
const uuid = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`

export function buildPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: uuid(),
    kind: 'employee',
    name: '総合 太郎',
    kana: 'ソウゴウ タロウ',
    relationship: '本人',
    birthDate: '1980-04-01',
    status: 'pending',
    addedByEmployee: false,
    documentTypes: [],
    review: { status: 'pending', reason: null, note: null, reviewedAt: null },
    ...overrides,
  }
}

export function buildPersons(persons: Person[], overrides: Partial<PersonsResponse> = {}): PersonsResponse {
  return { persons, canSubmit: false, submittedAt: null, reopened: false, inProgress: [], ...overrides }
}

export function buildMe(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    employeeName: '総合 太郎',
    companyName: '株式会社 見本商事',
    campaign: {
      name: '2026年 年末調整 マイナンバー収集',
      contact: '人事部 マイナンバー係 内線 1234',
      purposes: ['源泉徴収票作成事務', '健康保険・厚生年金保険届出事務'],
      purposeTranslations: {},
      deadline: '2026-12-20T15:00:00.000Z',
      draftLifetimeHours: 24,
      employeeEntersNumber: false,
      identityByEmployment: false,
    },
    consentedAt: '2026-11-25T09:00:00.000Z',
    submittedAt: null,
    lastSubmittedAt: null,
    submissionReference: null,
    disposedPersons: [],
    reopened: false,
    acceptedAt: null,
    ...overrides,
  }
}
