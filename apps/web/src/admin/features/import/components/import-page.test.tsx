import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { json } from '../../../../test/fetch-mock.ts'
import { mockXhr } from '../../../../test/xhr-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { setCsrfToken } from '../../../lib/api-client.ts'
import { buildImportResponse, CAMPAIGN_ID } from '../../../test/factories.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { ImportPage } from './import-page.tsx'

const previewUrl = `POST /api/admin/campaigns/${CAMPAIGN_ID}/import?dryRun=true`
const importUrl = `POST /api/admin/campaigns/${CAMPAIGN_ID}/import?dryRun=false`
const csv = () => new File(['社員番号,氏名\r\nE1,総合 太郎\r\n'], 'employees.csv', { type: 'text/csv' })

function renderImport() {
  renderRoute([{ path: routePatterns.campaignImport, element: <ImportPage /> }], paths.campaignImport(CAMPAIGN_ID))
}

async function chooseAndPreview() {
  await userEvent.upload(screen.getByLabelText('CSV ファイル'), csv())
  await userEvent.click(screen.getByRole('button', { name: '内容を確認する' }))
}

beforeEach(() => setCsrfToken('csrf-token-1'))

describe('ImportPage', () => {
  it('previews a file with errors: counts, every error as 行/列/内容, and 「取り込む」 disabled', async () => {
    const xhr = mockXhr({
      [previewUrl]: (request) => {
        request.progress(512, 1024)
        return json(
          200,
          buildImportResponse({
            errors: [
              { line: 3, column: '生年月日', message: '日付の形式が正しくありません' },
              { line: 7, column: null, message: '列の数が合いません' },
            ],
            errorCount: 2,
          }),
        )
      },
    })
    renderImport()
    expect(screen.getByText(/ファイルに含まれていない人は削除されません/)).toBeInTheDocument()
    await chooseAndPreview()

    const counts = await screen.findByRole('table', { name: '取り込み後の変化' })
    const employees = within(counts).getByRole('row', { name: /従業員/ })
    expect(
      within(employees)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '1', '0'])
    expect(screen.getByText('Shift_JIS')).toBeInTheDocument()

    expect(screen.getByRole('alert')).toHaveTextContent('2 件の誤りがあります')
    const errorTable = screen.getAllByRole('table')[1]!
    expect(
      within(errorTable)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['行', '列', '内容'])
    expect(within(errorTable).getByRole('row', { name: /3 生年月日 日付の形式が正しくありません/ })).toBeInTheDocument()
    expect(within(errorTable).getByRole('row', { name: /7 — 列の数が合いません/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '取り込む' })).toBeDisabled()

    const [sent] = xhr.requests(previewUrl)
    expect(sent?.headers['x-csrf-token']).toBe('csrf-token-1')
    expect(sent?.headers['Content-Type']).toBe('text/csv')
    expect(sent?.body).toBeInstanceOf(File)
  })

  it('shows the upload progress of a large file until the server answers', async () => {
    let answer: (response: Response) => void = () => {}
    mockXhr({
      [previewUrl]: (request) => {
        request.progress(600, 1200)
        return new Promise<Response>((resolve) => (answer = resolve))
      },
    })
    renderImport()
    await chooseAndPreview()
    expect(await screen.findByRole('progressbar')).toHaveAttribute('value', '50')
    expect(screen.getByRole('status')).toHaveTextContent('送信中… 50%')
    answer(json(200, buildImportResponse()))
    expect(await screen.findByRole('table', { name: '取り込み後の変化' })).toBeInTheDocument()
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('imports the previewed file with 「取り込む」 and reports the counts', async () => {
    const xhr = mockXhr({
      [previewUrl]: () => json(200, buildImportResponse()),
      [importUrl]: () => json(200, buildImportResponse({ applied: true })),
    })
    renderImport()
    await chooseAndPreview()
    await userEvent.click(await screen.findByRole('button', { name: '取り込む' }))

    expect(await screen.findByRole('status')).toHaveTextContent('従業員 3 人、扶養家族 1 人を登録・更新しました')
    expect(xhr.requests(importUrl)).toHaveLength(1)
    expect(xhr.requests(importUrl)[0]?.body).toBe(xhr.requests(previewUrl)[0]?.body)
  })

  it('shows the errors of a refused import (422 IMPORT_INVALID) and imports nothing', async () => {
    const refused = buildImportResponse({ errors: [{ line: 2, column: '社員番号', message: '重複しています' }], errorCount: 1 })
    mockXhr({
      [previewUrl]: () => json(200, buildImportResponse()),
      [importUrl]: () => json(422, { error: { code: 'IMPORT_INVALID', message: 'invalid', details: refused } }),
    })
    renderImport()
    await chooseAndPreview()
    await userEvent.click(await screen.findByRole('button', { name: '取り込む' }))

    expect(await screen.findByRole('row', { name: /2 社員番号 重複しています/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '取り込む' })).toBeDisabled()
    expect(screen.queryByText(/を登録・更新しました/)).not.toBeInTheDocument()
  })
})
