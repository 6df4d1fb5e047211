import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { applyLanguage } from '../../../lib/i18n.ts'
import { buildPerson } from '../../../test/factories.ts'
import { calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { AddDependentPage } from './add-dependent-page.tsx'

afterEach(async () => {
  await applyLanguage('ja')
})

const renderPage = () => {
  const router = createMemoryRouter(
    [
      { path: routePatterns.addDependent, element: <AddDependentPage /> },
      { path: routePatterns.person, element: <p>書類登録</p> },
    ],
    { initialEntries: [paths.addDependent()] },
  )
  render(<RouterProvider router={router} />)
  return router
}

describe('AddDependentPage', () => {
  it('adds a dependent (ひらがな turned into カタカナ, 続柄 chosen and sent as its code) and continues into their documents', async () => {
    const added = buildPerson({ kind: 'dependent', name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '子', addedByEmployee: true })
    const fetchMock = mockFetch({ 'POST /api/employee/persons': () => json(201, added) })
    const router = renderPage()

    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    expect(screen.getAllByText('入力してください')).toHaveLength(3)
    expect(screen.getByRole('combobox', { name: '続柄' })).toHaveAccessibleDescription('続柄を一覧から選択してください')
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
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      '選択してください',
      '配偶者',
      '子',
      '父',
      '母',
      '配偶者の父',
      '配偶者の母',
      '祖父',
      '祖母',
      '兄弟姉妹',
      '孫',
      'その他',
    ])
    await userEvent.selectOptions(screen.getByLabelText('続柄'), '子')
    // Chosen: the refusal goes with the change.
    expect(screen.queryByText('続柄を一覧から選択してください')).not.toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('生年月日'), '2015-05-05')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))

    expect(await screen.findByText('書類登録')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(paths.person(added.id))
    const [, init] = calls(fetchMock, 'POST /api/employee/persons')[0]!
    expect(JSON.parse(String(init?.body))).toEqual({ name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2015-05-05' })
  })

  it('tells an English employee in English that the フリガナ must be katakana', async () => {
    await applyLanguage('en')
    const fetchMock = mockFetch({})
    renderPage()
    await userEvent.type(screen.getByLabelText('Name (氏名)'), '総合 次郎')
    await userEvent.type(screen.getByLabelText('Name in katakana (フリガナ)'), 'Jiro')
    await userEvent.click(screen.getByRole('button', { name: 'Next' }))
    const kana = screen.getByLabelText('Name in katakana (フリガナ)')
    expect(kana).toHaveFocus()
    expect(kana).not.toHaveAccessibleDescription(/カタカナで入力/)
    expect(kana).toHaveAccessibleDescription('Please write the name in katakana (カタカナ).')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('offers 続柄 in the employee’s language with the Japanese term beside it', async () => {
    await applyLanguage('vi')
    renderPage()
    const relationship = screen.getByRole('combobox', { name: 'Quan hệ (続柄)' })
    expect(within(relationship).getByRole('option', { name: 'Vợ/chồng (配偶者)' })).toHaveValue('01')
    expect(within(relationship).getByRole('option', { name: 'Khác (その他)' })).toHaveValue('99')
  })

  it('words a refusal of the API by its code, on the field it names', async () => {
    await applyLanguage('pt')
    mockFetch({
      'POST /api/employee/persons': () =>
        json(400, {
          error: { code: 'VALIDATION', message: 'Invalid request.', details: [{ path: 'name', code: 'control_character', message: 'control_character' }] },
        }),
    })
    renderPage()
    await userEvent.type(screen.getByLabelText('Nome (氏名)'), '総合 次郎')
    await userEvent.type(screen.getByLabelText('Nome em katakana (フリガナ)'), 'ソウゴウ ジロウ')
    await userEvent.selectOptions(screen.getByLabelText('Parentesco (続柄)'), '02')
    await userEvent.type(screen.getByLabelText('Data de nascimento'), '2015-05-05')
    await userEvent.click(screen.getByRole('button', { name: 'Próximo' }))
    expect(await screen.findByText('Há caracteres que não podem ser usados, como quebras de linha ou tabulações.')).toBeInTheDocument()
    expect(screen.getByLabelText('Nome (氏名)')).toHaveFocus()
  })
})
