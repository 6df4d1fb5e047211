import type { EmployeeDetailResponse } from '@bango/shared/admin-dashboard'
import type { NumberStateResponse } from '@bango/shared/admin-number'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { setCsrfToken } from '../../../lib/api-client.ts'
import { buildEmployeeRow, CAMPAIGN_ID, uuid } from '../../../test/factories.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { NumberPage } from './number-page.tsx'

const NUMBER = '123456789018'
const row = buildEmployeeRow({ name: '番号 太郎', progress: 'submitted' })
const personId = uuid()
const base = `/api/admin/campaigns/${CAMPAIGN_ID}/employees/${row.id}`
const numberBase = `${base}/persons/${personId}/number`

const detail: EmployeeDetailResponse = {
  employee: {
    ...row,
    birthDate: '1980-04-01',
    failedAttempts: 0,
    credentialIssuedAt: null,
    consentedAt: null,
    consentLanguage: null,
    language: null,
    submittedAt: '2026-11-26T00:00:00.000Z',
    retentionEndsAt: null,
  },
  persons: [
    {
      id: personId,
      kind: 'dependent',
      name: '番号 花子',
      kana: 'バンゴウ ハナコ',
      relationship: '子',
      birthDate: '2015-06-01',
      addedByEmployee: false,
      status: 'submitted',
      draftImages: 0,
      disposedAt: null,
    },
  ],
}

const BACK_ID = uuid()
const none: NumberStateResponse = {
  state: 'none',
  masked: null,
  pendingByMe: false,
  duplicateOf: [],
  employeeEntry: 'none',
  recordedAt: null,
  method: null,
  agreement: null,
  acceptsAgreement: false,
  images: [{ documentId: BACK_ID, type: 'my_number_card', side: 'back', carriesNumber: true }],
}

/** A server that holds the first entry and records on a matching `confirm` (as the API does). */
function server(
  initial: NumberStateResponse = none,
  reading: { suggestion: string | null; employeeEntry: string | null } = { suggestion: NUMBER, employeeEntry: null },
) {
  let state = initial
  let held: string | null = null
  const fetchMock = mockFetch({
    [`GET ${base}`]: () => json(200, detail),
    [`GET ${numberBase}`]: () => json(200, state),
    [`POST ${numberBase}/ocr`]: () => json(200, reading),
    [`POST ${numberBase}/reveal`]: () => json(200, { number: NUMBER }),
    [`GET /api/admin/campaigns/${CAMPAIGN_ID}/documents/${BACK_ID}/image`]: () => new Response(new Blob(['jpeg'], { type: 'image/jpeg' }), { status: 200 }),
    [`POST ${numberBase}/agreement`]: (request) => {
      const { number } = request.json() as { number: string }
      if (number !== NUMBER || !state.acceptsAgreement) return apiError(409, 'CONFLICT')
      state = { ...state, state: 'recorded', masked: `**** **** ${number.slice(8)}`, recordedAt: '2026-11-26T01:00:00.000Z', method: 'agreement' }
      return json(200, state)
    },
    [`PUT ${numberBase}/entries`]: (request) => {
      const { number, confirm } = request.json() as { number: string; confirm: boolean }
      if (!confirm) {
        held = number
        state = { ...state, state: 'pending_confirmation', pendingByMe: true }
      } else if (held !== number) {
        held = null
        state = { ...none }
        return apiError(422, 'NUMBER_MISMATCH')
      } else {
        state = { ...state, state: 'recorded', pendingByMe: false, masked: `**** **** ${number.slice(8)}`, recordedAt: '2026-11-26T01:00:00.000Z' }
      }
      return json(200, state)
    },
  })
  return fetchMock
}

const open = () => renderRoute([{ path: routePatterns.personNumber, element: <NumberPage /> }], paths.personNumber(CAMPAIGN_ID, row.id, personId))

beforeEach(() => {
  setCsrfToken('csrf-token-1')
  URL.createObjectURL = vi.fn(() => 'blob:number-image')
  URL.revokeObjectURL = vi.fn()
})

describe('NumberPage', () => {
  it('puts the number read off the photo into the first entry as the page opens, hides it once registered, records on a matching confirmation and reveals on request', async () => {
    const fetchMock = server()
    open()
    expect(await screen.findByRole('heading', { level: 1, name: '個人番号の記録' })).toBeInTheDocument()
    expect(await screen.findByText('番号 花子（子）')).toBeInTheDocument()
    expect(screen.getByText('未記録')).toBeInTheDocument()

    // Read once as the entry opens, not on a click; nothing saved until HR registers it.
    expect(await screen.findByLabelText('個人番号（12 桁）')).toHaveValue('1234 5678 9018')
    expect(screen.getByText('写真からの読み取り').nextSibling).toHaveTextContent('1234 5678 9018')
    expect(screen.getByText('従業員本人の入力').nextSibling).toHaveTextContent('なし')
    expect(calls(fetchMock, `POST ${numberBase}/ocr`)).toHaveLength(1)
    expect(calls(fetchMock, `PUT ${numberBase}/entries`)).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: '1 回目を登録する' }))

    const confirmation = await screen.findByLabelText('確認のため、もう一度入力してください（12 桁）')
    expect(confirmation).toHaveValue('')
    // Focus goes on into the confirmation: the keyboard alone gets through.
    await waitFor(() => expect(confirmation).toHaveFocus())
    expect(document.body.textContent).not.toContain('5678')
    expect(screen.queryByText('写真からの読み取り')).not.toBeInTheDocument()
    expect(calls(fetchMock, `PUT ${numberBase}/entries`)[0]?.[1]?.body).toBe(JSON.stringify({ number: NUMBER, confirm: false }))

    await userEvent.type(confirmation, '1234-5678-9018')
    await userEvent.click(screen.getByRole('button', { name: '確認して記録する' }))
    expect(await screen.findByText('2 回の入力が一致し、個人番号を記録しました。')).toBeInTheDocument()
    expect(screen.getByText('**** **** 9018')).toBeInTheDocument()
    expect(calls(fetchMock, `PUT ${numberBase}/entries`)[1]?.[1]?.body).toBe(JSON.stringify({ number: NUMBER, confirm: true }))

    expect(calls(fetchMock, `POST ${numberBase}/reveal`)).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: '表示する' }))
    expect(await screen.findByText('1234 5678 9018')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '隠す' }))
    expect(screen.queryByText('1234 5678 9018')).not.toBeInTheDocument()
    expect(calls(fetchMock, `POST ${numberBase}/reveal`)).toHaveLength(1)
  })

  it('refuses a wrong check digit in the browser, and says so when the two entries differ', async () => {
    const fetchMock = server()
    open()
    const first = await screen.findByLabelText('個人番号（12 桁）')
    await waitFor(() => expect(first).toHaveValue('1234 5678 9018'))
    await userEvent.clear(first)
    await userEvent.type(first, '123456789019')
    await userEvent.click(screen.getByRole('button', { name: '1 回目を登録する' }))
    expect(await screen.findByText(/チェックデジット/)).toBeInTheDocument()
    expect(calls(fetchMock, `PUT ${numberBase}/entries`)).toHaveLength(0)

    await userEvent.clear(first)
    await userEvent.type(first, NUMBER)
    await userEvent.click(screen.getByRole('button', { name: '1 回目を登録する' }))
    const confirmation = await screen.findByLabelText('確認のため、もう一度入力してください（12 桁）')
    await userEvent.type(confirmation, '000000000000')
    await userEvent.click(screen.getByRole('button', { name: '確認して記録する' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('1 回目と 2 回目の入力が一致しません')
    // Both entries discarded: a new first entry opens, with the reading again (never a typed value).
    await waitFor(async () => expect(await screen.findByLabelText('個人番号（12 桁）')).toHaveValue('1234 5678 9018'))
    expect(calls(fetchMock, `POST ${numberBase}/ocr`)).toHaveLength(2)
  })

  it('shows the employee’s own entry beside the reading, and warns when they differ', async () => {
    server(none, { suggestion: NUMBER, employeeEntry: '123456789110' })
    open()
    expect(await screen.findByText('読み取った番号と、従業員本人の入力が違います。画像をよく見て入力してください。')).toBeInTheDocument()
    expect(screen.getByText('写真からの読み取り').nextSibling).toHaveTextContent('1234 5678 9018')
    expect(screen.getByText('従業員本人の入力').nextSibling).toHaveTextContent('1234 5678 9110')
  })

  it('warns about a duplicate in the company, naming the other person, and a difference from the employee’s own entry', async () => {
    const other = {
      personId: uuid(),
      campaignId: CAMPAIGN_ID,
      employeeId: uuid(),
      name: '重複 次郎',
      employeeNumber: 'E-0042',
      campaignName: '2026年 年末調整',
    }
    server({ ...none, state: 'recorded', masked: '**** **** 9018', recordedAt: '2026-11-26T01:00:00.000Z', duplicateOf: [other], employeeEntry: 'differs' })
    open()
    expect(await screen.findByText('同じ個人番号が、この会社の別の 1 人に記録されています。')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '重複 次郎（社員番号 E-0042、2026年 年末調整）' })).toHaveAttribute(
      'href',
      paths.employee(CAMPAIGN_ID, other.employeeId),
    )
    expect(screen.getByText(/従業員本人の入力した番号と一致しません/)).toBeInTheDocument()
    expect(screen.getByText('不一致')).toBeInTheDocument()
    expect(screen.getByText('記録済みの番号を訂正する場合も、2 回の入力が必要です。')).toBeInTheDocument()
  })

  it('shows the number document beside the entry, the side with the number first', async () => {
    server()
    open()
    expect(await screen.findByRole('img', { name: 'マイナンバーカード　うら面の画像' })).toHaveAttribute('src', 'blob:number-image')
  })

  it('records a number the read and the employee agree on with one confirmation, where the company accepts it', async () => {
    const fetchMock = server({ ...none, agreement: 'read_and_employee', acceptsAgreement: true })
    open()
    expect(await screen.findByText('写真から読み取った番号と、従業員本人が入力した番号が一致しています。')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '一致した番号を表示する' }))
    const group = await screen.findByRole('group', { name: '番号の一致' })
    expect(group).toHaveTextContent('一致した番号：1234 5678 9018')
    await waitFor(() => expect(screen.getByRole('button', { name: '画像と見比べて一致を確認し、記録する' })).toHaveFocus())
    await userEvent.click(screen.getByRole('button', { name: '画像と見比べて一致を確認し、記録する' }))
    expect(await screen.findByText('一致を確認して、個人番号を記録しました。')).toBeInTheDocument()
    expect(screen.getByText('一致の確認（1 回）')).toBeInTheDocument()
    expect(calls(fetchMock, `POST ${numberBase}/agreement`)[0]?.[1]?.body).toBe(JSON.stringify({ number: NUMBER }))
    expect(calls(fetchMock, `PUT ${numberBase}/entries`)).toHaveLength(0)
  })

  it('says the sources agree but leaves the recording to the double entry where the company does not accept agreements', async () => {
    const fetchMock = server({ ...none, agreement: 'read_and_employee', acceptsAgreement: false })
    open()
    expect(await screen.findByText(/一致していても 2 回の入力で記録します/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '一致した番号を表示する' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: '1 回目を登録する' })).toBeInTheDocument()
    expect(calls(fetchMock, `POST ${numberBase}/agreement`)).toHaveLength(0)
  })
})
