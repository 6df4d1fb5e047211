import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { applyLanguage } from '../../../lib/i18n.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { buildMe, buildPerson, buildPersons } from '../../../test/factories.ts'
import { json, mockFetch } from '../../../test/fetch-mock.ts'
import { CompletionPage } from './completion-page.tsx'

function renderDone() {
  render(<RouterProvider router={createMemoryRouter([{ path: routePatterns.done, element: <CompletionPage /> }], { initialEntries: [paths.done()] })} />)
}

beforeEach(() => {
  mockFetch({
    'GET /api/employee/persons': () =>
      json(
        200,
        buildPersons(
          [
            buildPerson({ name: '総合 太郎', status: 'registered', documentTypes: ['my_number_card'] }),
            buildPerson({
              kind: 'dependent',
              name: '総合 花子',
              relationship: '配偶者',
              status: 'registered',
              documentTypes: ['notification_card', 'passport'],
            }),
            buildPerson({ kind: 'dependent', name: '総合 一郎', relationship: '父', status: 'not_applicable' }),
          ],
          { submittedAt: '2026-11-25T10:00:00.000Z' },
        ),
      ),
  })
})

afterEach(async () => {
  await applyLanguage('ja')
})

describe('CompletionPage', () => {
  it('is a printable receipt: when (Japan time), to whom, who and which documents, and whom to ask', async () => {
    useMeStore.setState({ me: buildMe({ submittedAt: '2026-11-25T15:30:00.000Z' }) })
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    renderDone()
    const receipt = screen.getByRole('region', { name: '提出内容の控え' })
    // 15:30 UTC is 00:30 the next day in Japan, whatever the browser's zone.
    expect(within(receipt).getByText('2026/11/26 00:30（日本時間）')).toBeInTheDocument()
    expect(within(receipt).getByText('株式会社 見本商事')).toBeInTheDocument()
    const table = await within(receipt).findByRole('table', { name: '提出した方' })
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent)
    expect(rows).toEqual(['総合 太郎（本人）マイナンバーカード', '総合 花子（配偶者）通知カード、パスポート', '総合 一郎（父）対象外'])
    expect(screen.getByText('人事部 マイナンバー係 内線 1234')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'この控えを印刷する' }))
    expect(print).toHaveBeenCalledOnce()
  })

  it('says when in the language shown, still in Japan time', async () => {
    await applyLanguage('pt')
    useMeStore.setState({ me: buildMe({ submittedAt: '2026-11-25T15:30:00.000Z' }) })
    renderDone()
    const receipt = screen.getByRole('region', { name: 'Comprovante de envio' })
    expect(within(receipt).getByText('26 de novembro de 2026 às 00:30 (horário do Japão)')).toBeInTheDocument()
  })

  it('names each 続柄 in the language shown (the Japanese term beside it)', async () => {
    await applyLanguage('en')
    useMeStore.setState({ me: buildMe({ submittedAt: '2026-11-25T15:30:00.000Z' }) })
    renderDone()
    const table = await screen.findByRole('table', { name: 'People submitted' })
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent)
    expect(names).toEqual(['総合 太郎（You）', '総合 花子（Spouse (配偶者)）', '総合 一郎（Father (父)）'])
  })

  it('after a re-submission (差し戻し) shows the latest 完了, not the first, and the reference number', () => {
    useMeStore.setState({
      me: buildMe({ submittedAt: '2026-11-25T01:00:00.000Z', lastSubmittedAt: '2026-11-28T02:15:00.000Z', submissionReference: '3F2A-91BC' }),
    })
    renderDone()
    const receipt = screen.getByRole('region', { name: '提出内容の控え' })
    const facts = within(receipt)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent])
    expect(facts).toEqual(
      expect.arrayContaining([
        ['提出日時', '2026/11/28 11:15（日本時間）'],
        ['受付番号', '3F2A-91BC'],
      ]),
    )
    expect(within(receipt).queryByText('2026/11/25 10:00（日本時間）')).not.toBeInTheDocument()
  })

  it('says the submission is complete, and once HR approved everyone, that it was accepted', () => {
    useMeStore.setState({ me: buildMe({ submittedAt: '2026-11-25T10:00:00.000Z' }) })
    renderDone()
    expect(screen.getByRole('heading', { name: '登録処理は完了です' })).toBeInTheDocument()
    expect(screen.queryByText(/受理/)).not.toBeInTheDocument()
  })

  it('says 受理されました after approval, with no images', () => {
    useMeStore.setState({ me: buildMe({ submittedAt: '2026-11-25T10:00:00.000Z', acceptedAt: '2026-11-26T10:00:00.000Z' }) })
    renderDone()
    expect(screen.getByRole('heading', { name: '提出書類は受理されました' })).toBeInTheDocument()
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
  })
})
