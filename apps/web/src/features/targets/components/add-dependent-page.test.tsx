import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { buildPerson } from '../../../test/factories.ts'
import { calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { AddDependentPage } from './add-dependent-page.tsx'

describe('AddDependentPage', () => {
  it('adds a dependent (ひらがな turned into カタカナ) and continues into their documents', async () => {
    const added = buildPerson({ kind: 'dependent', name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '子', addedByEmployee: true })
    const fetchMock = mockFetch({ 'POST /api/employee/persons': () => json(201, added) })
    const router = createMemoryRouter(
      [
        { path: routePatterns.addDependent, element: <AddDependentPage /> },
        { path: routePatterns.person, element: <p>書類登録</p> },
      ],
      { initialEntries: [paths.addDependent()] },
    )
    render(<RouterProvider router={router} />)

    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    expect(screen.getAllByText('入力してください')).toHaveLength(4)
    expect(fetchMock).not.toHaveBeenCalled()
    // Focus goes to the first field in error, which announces its message.
    expect(screen.getByLabelText('氏名')).toHaveFocus()
    expect(screen.getByLabelText('氏名')).toHaveAccessibleDescription('入力してください')
    await userEvent.type(screen.getByLabelText('氏名'), '総合 次郎')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    expect(screen.getByLabelText('フリガナ（カタカナ）')).toHaveFocus()
    await userEvent.clear(screen.getByLabelText('氏名'))

    await userEvent.type(screen.getByLabelText('氏名'), '総合 次郎')
    await userEvent.type(screen.getByLabelText('フリガナ（カタカナ）'), 'そうごう じろう')
    await userEvent.type(screen.getByLabelText('続柄'), '子')
    await userEvent.type(screen.getByLabelText('生年月日'), '2015-05-05')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))

    expect(await screen.findByText('書類登録')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(paths.person(added.id))
    const [, init] = calls(fetchMock, 'POST /api/employee/persons')[0]!
    expect(JSON.parse(String(init?.body))).toEqual({ name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '子', birthDate: '2015-05-05' })
  })
})
