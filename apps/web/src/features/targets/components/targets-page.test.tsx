import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { applyLanguage } from '../../../lib/i18n.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { buildMe, buildPerson, buildPersons } from '../../../test/factories.ts'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { TargetsPage } from './targets-page.tsx'

const employee = buildPerson({ name: '総合 太郎', status: 'registered' })
const spouse = buildPerson({ kind: 'dependent', name: '総合 花子', relationship: '配偶者', status: 'pending' })
const father = buildPerson({ kind: 'dependent', name: '総合 一郎', relationship: '父', status: 'not_applicable' })

function renderTargets() {
  const router = createMemoryRouter(
    [
      { path: routePatterns.targets, element: <TargetsPage /> },
      { path: routePatterns.person, element: <p>書類登録</p> },
      { path: routePatterns.done, element: <p>完了画面</p> },
    ],
    { initialEntries: [paths.targets()] },
  )
  render(<RouterProvider router={router} />)
  return router
}

/** 「完了」, then 「提出する」 in the last confirmation. */
async function pressDone() {
  await userEvent.click(await screen.findByRole('button', { name: '完了' }))
  await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '提出する' }))
}

beforeEach(() => {
  useMeStore.setState({ me: buildMe({ campaign: { ...buildMe().campaign, draftLifetimeHours: 48 } }) })
})
afterEach(async () => {
  await applyLanguage('ja')
})

describe('TargetsPage', () => {
  it('lists each person with their status mark and keeps 「完了」 disabled until canSubmit', async () => {
    mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee, spouse, father], { canSubmit: false })) })
    const router = renderTargets()

    const row = (name: string) => screen.getByRole('button', { name: new RegExp(name) })
    expect(await screen.findByRole('heading', { name: '収集対象者一覧' })).toBeInTheDocument()
    expect(within(row('総合 太郎')).getByText('☑ 登録済')).toBeInTheDocument()
    expect(within(row('総合 花子')).getByText('未登録')).toBeInTheDocument()
    expect(within(row('総合 一郎')).getByText('対象外')).toBeInTheDocument()
    expect(screen.getByText('1/2 登録済（対象外 1 人）')).toBeInTheDocument()
    expect(screen.getByText(/48 時間が過ぎると/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '完了' })).toBeDisabled()
    expect(screen.getByRole('button', { name: '扶養追加' })).toBeEnabled()

    await userEvent.click(row('総合 花子'))
    expect(router.state.location.pathname).toBe(paths.person(spouse.id))
  })

  it('names each 続柄 of the shared list in the employee’s language, and keeps other text as HR wrote it', async () => {
    await applyLanguage('en')
    const son = buildPerson({ kind: 'dependent', name: '総合 次郎', relationship: '長男', status: 'pending' })
    mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee, spouse, son], { canSubmit: false })) })
    renderTargets()
    expect(await screen.findByRole('heading', { name: 'People to register' })).toBeInTheDocument()
    const row = (name: string) => screen.getByRole('button', { name: new RegExp(name) })
    expect(within(row('総合 太郎')).getByText('You')).toBeInTheDocument()
    expect(within(row('総合 花子')).getByText('Spouse (配偶者)')).toBeInTheDocument()
    expect(within(row('総合 次郎')).getByText('長男')).toBeInTheDocument()
  })

  it('submits with 「完了」 once everyone is done and shows the completion screen', async () => {
    const fetchMock = mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([employee, { ...spouse, status: 'registered' }, father], { canSubmit: true })),
      'POST /api/employee/submission': () =>
        json(200, { submittedAt: '2026-11-25T10:00:00.000Z', lastSubmittedAt: '2026-11-25T10:00:00.000Z', reference: '3F2A-91BC' }),
    })
    const router = renderTargets()
    expect(await screen.findByRole('button', { name: '完了' })).toBeEnabled()
    await pressDone()

    expect(await screen.findByText('完了画面')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/done')
    expect(calls(fetchMock, 'POST /api/employee/submission')).toHaveLength(1)
    expect(useMeStore.getState().me).toMatchObject({
      submittedAt: '2026-11-25T10:00:00.000Z',
      lastSubmittedAt: '2026-11-25T10:00:00.000Z',
      submissionReference: '3F2A-91BC',
    })
  })

  it('shows 「入力途中」 for a person whose draft has images but who is not registered yet', async () => {
    mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee, spouse, father], { inProgress: [spouse.id] })) })
    renderTargets()
    const row = await screen.findByRole('button', { name: /総合 花子/ })
    expect(within(row).getByText('入力途中')).toBeInTheDocument()
    expect(within(row).queryByText('未登録')).not.toBeInTheDocument()
    expect(within(screen.getByRole('button', { name: /総合 太郎/ })).getByText('☑ 登録済')).toBeInTheDocument()
  })

  it('asks once more before 「完了」 submits: 「提出する」 or 「戻る」, by keyboard too', async () => {
    const fetchMock = mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([employee, { ...spouse, status: 'registered' }, father], { canSubmit: true })),
      'POST /api/employee/submission': () =>
        json(200, { submittedAt: '2026-11-25T10:00:00.000Z', lastSubmittedAt: '2026-11-25T10:00:00.000Z', reference: '3F2A-91BC' }),
    })
    const router = renderTargets()
    const done = await screen.findByRole('button', { name: '完了' })
    await userEvent.click(done)

    const dialog = screen.getByRole('alertdialog', { name: 'この内容で提出します。よろしいですか？' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleDescription(/差し戻さない限り、変更できません/)
    // The safe choice first: a second Enter does not submit.
    const back = within(dialog).getByRole('button', { name: '戻る' })
    expect(back).toHaveFocus()
    // Tab stays inside the dialog.
    await userEvent.tab()
    expect(within(dialog).getByRole('button', { name: '提出する' })).toHaveFocus()
    await userEvent.tab()
    expect(back).toHaveFocus()
    // Escape is 「戻る」: nothing sent, focus back on 「完了」.
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(done).toHaveFocus()
    await userEvent.click(done)
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '戻る' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(calls(fetchMock, 'POST /api/employee/submission')).toHaveLength(0)

    // Enter on 「提出する」 submits.
    await userEvent.click(done)
    await userEvent.tab()
    await userEvent.keyboard('{Enter}')
    expect(await screen.findByText('完了画面')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/done')
    expect(calls(fetchMock, 'POST /api/employee/submission')).toHaveLength(1)
  })

  it('shows the API message when the submission is refused', async () => {
    mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([employee], { canSubmit: true })),
      'POST /api/employee/submission': () => apiError(409, 'NOT_READY_TO_SUBMIT'),
    })
    renderTargets()
    await pressDone()
    expect(await screen.findByRole('alert')).toHaveTextContent('全員分の書類を登録するか、対象外に設定してから「完了」をクリックしてください。')
  })

  it('shows the receipt when a retried 「完了」 finds its session already receipt-only (the first one committed)', async () => {
    mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([employee], { canSubmit: true })),
      'POST /api/employee/submission': () => apiError(403, 'SESSION_RECEIPT_ONLY'),
      'GET /api/employee/me': () => json(200, buildMe({ submittedAt: '2026-11-25T10:00:00.000Z' })),
    })
    const router = renderTargets()
    await pressDone()
    expect(await screen.findByText('完了画面')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/done')
    expect(useMeStore.getState().me?.submittedAt).toBe('2026-11-25T10:00:00.000Z')
  })

  it('after 差し戻し shows the reason and reopens only the returned person', async () => {
    const approved = { ...employee, review: { status: 'approved' as const, reason: null, note: null, reviewedAt: '2026-11-26T01:00:00.000Z' } }
    const returned = {
      ...spouse,
      review: { status: 'returned' as const, reason: 'other' as const, note: '裏面も撮影してください', reviewedAt: '2026-11-26T01:00:00.000Z' },
    }
    mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([approved, returned, father], { submittedAt: '2026-11-25T10:00:00.000Z', reopened: true })),
    })
    const router = renderTargets()
    const row = (name: string) => screen.getByRole('button', { name: new RegExp(name) })
    expect(await screen.findByText(/差し戻された方がいます/)).toBeInTheDocument()
    expect(within(row('総合 花子')).getByText('差し戻し')).toBeInTheDocument()
    expect(screen.getByText(/差し戻しの理由：その他/)).toHaveTextContent('裏面も撮影してください')
    expect(row('総合 太郎')).toBeDisabled()
    expect(screen.queryByRole('button', { name: '扶養追加' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: '完了' })).toBeDisabled()
    await userEvent.click(row('総合 花子'))
    expect(router.state.location.pathname).toBe(paths.person(spouse.id))
  })
})
