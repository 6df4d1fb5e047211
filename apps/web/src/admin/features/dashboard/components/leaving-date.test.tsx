import type { EmployeeDetailResponse } from '@bango/shared/admin-dashboard'
import { latestLeftOn } from '@bango/shared/admin-leaving-date'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { setCsrfToken } from '../../../lib/api-client.ts'
import { COMPANY_ID, buildCampaign, buildSession } from '../../../test/console.tsx'
import { buildEmployeeRow, CAMPAIGN_ID } from '../../../test/factories.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { EmployeePage } from './employee-page.tsx'

const row = buildEmployeeRow({ name: '総合 太郎', progress: 'submitted' })
const base = `/api/admin/campaigns/${CAMPAIGN_ID}/employees/${row.id}`
/** A day `days` from today in Japan, and as the page writes it. */
const inDays = (days: number) => new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
const inWords = (iso: string) => iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')

function detail(leftOn: string | null, retentionEndsAt: string | null): EmployeeDetailResponse {
  const employee = {
    ...row,
    leftOn,
    birthDate: '1980-04-01',
    failedAttempts: 0,
    credentialIssuedAt: '2026-11-20T00:00:00.000Z',
    consentedAt: '2026-11-26T03:05:00.000Z',
    submittedAt: '2026-11-26T04:00:00.000Z',
    retentionEndsAt,
  }
  return {
    // The fields other work adds to the detail travel with it (the schema has them or strips them).
    employee: { consentLanguage: null, language: null, ...employee } as EmployeeDetailResponse['employee'],
    persons: [
      {
        id: row.id,
        kind: 'employee',
        name: '総合 太郎',
        kana: 'ソウゴウ タロウ',
        relationship: '本人',
        birthDate: '1980-04-01',
        addedByEmployee: false,
        status: 'submitted',
        draftImages: 0,
        disposedAt: null,
      },
    ],
  }
}

/** The console as `role` of the campaign's company, with the employee's 退職日 held by the fake server. */
function open(role: 'administrator' | 'operator', initial: string | null) {
  let leftOn = initial
  // The server counts the end; this fake only tells a recorded date from none.
  const ends = () => (leftOn ? '2035-01-10T15:00:00.000Z' : '2034-01-10T15:00:00.000Z')
  const fetchMock = mockFetch({
    'GET /api/admin/session': () =>
      json(200, buildSession('active', { companies: [{ id: COMPANY_ID, name: '株式会社総合', role, canExport: role === 'administrator' }] })),
    [`GET /api/admin/campaigns/${CAMPAIGN_ID}`]: () =>
      json(200, { ...buildCampaign({ id: CAMPAIGN_ID }), purposeTranslations: {}, identityByEmployment: false }),
    [`GET ${base}`]: () => json(200, detail(leftOn, ends())),
    [`PUT ${base}/left-on`]: (request) => {
      const body = request.json() as { leftOn: string | null }
      if (body.leftOn === '2026-01-15') return apiError(422, 'RETENTION_WITHIN_GRACE')
      leftOn = body.leftOn
      return json(200, { leftOn, retentionEndsAt: ends() })
    },
  })
  renderRoute([{ path: routePatterns.employee, element: <EmployeePage /> }], paths.employee(CAMPAIGN_ID, row.id))
  return fetchMock
}

const section = async () => within((await screen.findByRole('heading', { name: '退職日' })).closest('section')!)
const sentBodies = (fetchMock: ReturnType<typeof mockFetch>) => calls(fetchMock, `PUT ${base}/left-on`).map(([, init]) => JSON.parse(String(init?.body)))

beforeEach(() => setCsrfToken('csrf-token-1'))

describe('the leaving date on the employee page', () => {
  it('records a leaving date, shows when the retention now ends, and says a date ahead is a planned one', async () => {
    const fetchMock = open('operator', null)
    const leaving = await section()
    expect(leaving.getByText('記録なし（在職中）')).toBeInTheDocument()
    expect(leaving.getByText('2034年1月11日')).toBeInTheDocument()

    const field = leaving.getByLabelText('新しい退職日')
    // Up to a year ahead.
    expect(field).toHaveAttribute('max', latestLeftOn(inDays(0)))
    const planned = inDays(30)
    await userEvent.type(field, planned)
    expect(leaving.getByText(/未来の日付です/)).toBeInTheDocument()
    await userEvent.click(leaving.getByRole('button', { name: '退職日を記録する' }))

    expect(await leaving.findByText('退職日を記録しました。')).toBeInTheDocument()
    expect(sentBodies(fetchMock)).toEqual([{ leftOn: planned }])
    expect(calls(fetchMock, `PUT ${base}/left-on`)[0]?.[1]?.headers).toMatchObject({ 'x-csrf-token': 'csrf-active' })
    expect(await leaving.findByText(`${inWords(planned)}（退職予定）`)).toBeInTheDocument()
    expect(leaving.queryByText(/未来の日付です/)).not.toBeInTheDocument()
    expect(leaving.getByText('2035年1月11日')).toBeInTheDocument()
    // An operator may only move it later: earlier dates are not offered, and there is nothing to clear.
    expect(leaving.getByLabelText('新しい退職日')).toHaveAttribute('min', planned)
    expect(leaving.queryByRole('button', { name: '退職日を取り消す' })).not.toBeInTheDocument()
    expect(leaving.getByText(/早める・取り消すのは取扱責任者だけ/)).toBeInTheDocument()
  })

  it('lets an administrator clear it, and words the refusal of a date that would end the retention within the grace period', async () => {
    const fetchMock = open('administrator', '2026-03-31')
    const leaving = await section()
    expect(await leaving.findByText('2026年3月31日')).toBeInTheDocument()
    expect(leaving.getByLabelText('新しい退職日')).not.toHaveAttribute('min')

    await userEvent.clear(leaving.getByLabelText('新しい退職日'))
    await userEvent.type(leaving.getByLabelText('新しい退職日'), '2026-01-15')
    await userEvent.click(leaving.getByRole('button', { name: '退職日を記録する' }))
    expect(await leaving.findByRole('alert')).toHaveTextContent('保存期間が 7 日以内に終わり')

    await userEvent.click(leaving.getByRole('button', { name: '退職日を取り消す' }))
    expect(await leaving.findByText('退職日を取り消しました。')).toBeInTheDocument()
    expect(await leaving.findByText('記録なし（在職中）')).toBeInTheDocument()
    expect(sentBodies(fetchMock)).toEqual([{ leftOn: '2026-01-15' }, { leftOn: null }])
  })
})
