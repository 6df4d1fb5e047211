/**
 * HR at the size of a real company, end to end (ADR 039): 300 employees and 220 dependents
 * imported from a CP932 (Shift_JIS) CSV; an issue for everyone whose tab is closed while the
 * server works — the batch waits unconfirmed, HR cancels it, and none of its logins ever worked;
 * credentials e-mailed to the 248 with an address through a real SMTP server; a batch for the 52
 * without one, printed as kits (52 A4 pages) and marked 配布しました; every one of the 300
 * passwords signs in; 10 employees complete; one of them is sent back and told so by e-mail. At
 * the end the database holds exactly the 300 logins signed into: every credential issued is
 * usable, or was never live.
 */
import type { Browser, Page } from '@playwright/test'
import fs from 'node:fs/promises'
import { hashUrlToken } from '../apps/api/src/lib/secrets.ts'
import { mapConcurrent } from '../apps/api/src/lib/concurrency.ts'
import { encodeShiftJis } from '../apps/api/test/shift-jis.ts'
import { firstAdminSignIn } from './admin-sign-in.ts'
import { expectAccessible } from './axe.ts'
import { expect, testWithMail as test } from './fixtures.ts'
import type { ProductServer } from './server.ts'
import { recordSecret } from './server-logs.ts'
import * as wizard from './wizard.ts'

const CAMPAIGN = '2027年 年末調整（全社）'
// As long as real ones get: each kit must still be one A4 page.
const CONTACT =
  '人事部 マイナンバー係　電話 03-1234-5678（内線 1234）　メール mynumber@example.co.jp　受付時間 平日 9:00〜17:00（12:00〜13:00 を除く）。書類の撮り方が分からないときも、お気軽にお問い合わせください。'

/** 'kanji:kana kanji:kana …' as [kanji, kana] pairs. */
const pairs = (text: string) => text.split(' ').map((pair) => pair.split(':') as [string, string])
// 17 × 18 = 306 distinct names, CP932's own characters among them (髙, 﨑 are IBM extensions).
const SURNAMES = pairs(
  '髙橋:タカハシ 山﨑:ヤマザキ 渡邊:ワタナベ 齋藤:サイトウ 佐藤:サトウ 鈴木:スズキ 田中:タナカ 伊藤:イトウ 中村:ナカムラ 小林:コバヤシ 加藤:カトウ 吉田:ヨシダ 山田:ヤマダ 佐々木:ササキ 松本:マツモト 井上:イノウエ 木村:キムラ',
)
const GIVEN = pairs(
  '一郎:イチロウ 花子:ハナコ 健太:ケンタ 美咲:ミサキ 翔:ショウ 陽菜:ヒナ 大輔:ダイスケ 結衣:ユイ 蓮:レン 葵:アオイ 拓也:タクヤ さくら:サクラ 悠人:ユウト 真央:マオ 直樹:ナオキ 愛:アイ 和也:カズヤ 七海:ナナミ',
)

/** One foreign employee's name as the residence card writes it, in katakana: the longest on the kits. */
const LONG_NAME = ['ファン・デル・ベルク アレクサンダー・ジョナサン・クリストファー', 'ファンデルベルク アレクサンダージョナサンクリストファー'] as const

interface Employee {
  number: string
  name: string
  kana: string
  email: string | null
  dependents: { name: string; kana: string; relationship: '配偶者' | '子' }[]
}

/** Every sixth employee and two of the newest hires have no e-mail address (52); 150 have a spouse, 70 a child too. */
function company(): Employee[] {
  return Array.from({ length: 300 }, (_, i) => {
    const [surname, surnameKana] = SURNAMES[i % SURNAMES.length]!
    const [given, givenKana] = GIVEN[Math.floor(i / SURNAMES.length)]!
    const [name, kana] = i === 11 ? LONG_NAME : [`${surname} ${given}`, `${surnameKana} ${givenKana}`]
    return {
      number: `E${String(i + 1).padStart(4, '0')}`,
      name,
      kana,
      email: i % 6 === 5 || i === 296 || i === 298 ? null : `e${i + 1}@example.test`,
      dependents: [
        ...(i % 2 === 0 ? [{ name: `${surname} 配偶`, kana: `${surnameKana} ハイグウ`, relationship: '配偶者' as const }] : []),
        ...(i % 4 === 0 && i < 280 ? [{ name: `${surname} 子`, kana: `${surnameKana} コ`, relationship: '子' as const }] : []),
      ],
    }
  })
}

/** The employees as HR's spreadsheet saves them: CP932, CRLF, both date styles. */
function importFile(employees: Employee[]): Buffer {
  const rows = [['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', 'メールアドレス', '扶養者の社員番号']]
  employees.forEach((employee, i) => {
    const born = `${1960 + (i % 40)}${i % 2 ? '/' : '-'}0${1 + (i % 9)}${i % 2 ? '/' : '-'}1${i % 10}`
    rows.push([employee.number, employee.name, employee.kana, born, '本人', employee.email ?? '', ''])
    for (const { name, kana, relationship } of employee.dependents) {
      rows.push(['', name, kana, relationship === '配偶者' ? '1970-05-05' : '2015/07/07', relationship, '', employee.number])
    }
  })
  return encodeShiftJis(`${rows.map((row) => row.join(',')).join('\r\n')}\r\n`)
}

interface Login {
  token: string
  password: string
}

// This test signs in with all 300 passwords from one address.
test.use({ serverEnv: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } })

const employees = company()
const withoutEmail = employees.filter((employee) => !employee.email)

async function openCredentials(page: Page) {
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page.getByRole('link', { name: CAMPAIGN, exact: true }).click()
  await page.getByRole('link', { name: '認証情報の発行・メール' }).click()
  await expect(page.getByRole('heading', { name: '認証情報の発行' })).toBeVisible()
}

/** The employee signs in with what they received, registers themself, 対象外 for the others, 完了 — in the browser. */
async function completeInBrowser(server: ProductServer, browser: Browser, employee: Employee, login: Login, options: { registerSpouse?: boolean } = {}) {
  const context = await browser.newContext({ locale: 'ja-JP' })
  const page = await context.newPage()
  await page.goto(`${server.baseUrl}/t/${login.token}`)
  await page.getByLabel('パスワード', { exact: true }).fill(login.password)
  await page.getByRole('button', { name: '次へ' }).click()
  await page.getByRole('button', { name: '同意します' }).click()
  for (const { name, relationship } of [{ name: employee.name, relationship: '本人' }, ...employee.dependents]) {
    if (relationship === '本人' || (options.registerSpouse && relationship === '配偶者')) {
      await wizard.openPerson(page, name)
      await wizard.chooseNumberDocument(page, /マイナンバーカード/)
      await wizard.captureDocument(page, wizard.chooseFile, { back: true })
      await wizard.confirmAndRegister(page, 2)
    } else {
      await wizard.markNotApplicable(page, name)
    }
  }
  await wizard.submitAll(page)
  await context.close()
}

/**
 * The same through the employee API the wizard calls (sign in, consent, two photos, 登録する,
 * 対象外, 完了): the many completions of a busy morning without a browser each.
 */
async function completeOverHttp(server: ProductServer, login: Login) {
  const call = async (method: string, path: string, body?: object | FormData, token?: string) => {
    const response = await fetch(`${server.baseUrl}/api/employee${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    })
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300)
    return response.json() as Promise<Record<string, unknown>>
  }
  const { accessToken } = (await call('POST', '/login', login)) as { accessToken: string }
  const me = (await call('GET', '/me', undefined, accessToken)) as { campaign: { purposes: string[] } }
  await call('POST', '/consent', { purposes: me.campaign.purposes }, accessToken)
  const { persons } = (await call('GET', '/persons', undefined, accessToken)) as { persons: { id: string; kind: string }[] }
  const photo = new Blob([await fs.readFile(wizard.CARD_JPEG)], { type: 'image/jpeg' })
  for (const person of persons) {
    if (person.kind !== 'employee') {
      await call('PUT', `/persons/${person.id}/applicability`, { applicable: false }, accessToken)
      continue
    }
    for (const side of ['front', 'back']) {
      const form = new FormData()
      for (const [name, value] of Object.entries({ role: 'number', slot: '0', side, type: 'my_number_card' })) form.append(name, value)
      form.append('file', photo, `${side}.jpg`)
      await call('POST', `/persons/${person.id}/images`, form, accessToken)
    }
    await call('POST', `/persons/${person.id}/registration`, { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null }, accessToken)
  }
  await call('POST', '/submission', undefined, accessToken)
}

test('300 employees: an issue lost with its tab never goes live, 248 e-mails, 52 kits, every password signs in, 10 complete, a 差し戻し is told', async ({
  page,
  browser,
  server,
  mailbox,
}) => {
  test.setTimeout(300_000)
  await firstAdminSignIn(page, server)

  // A campaign with a deadline and a contact, for the e-mails, the kits and the notice.
  await page.getByRole('link', { name: '会社一覧', exact: true }).click()
  await page.getByRole('link', { name: 'デモ株式会社 の収集依頼' }).click()
  await page.getByRole('link', { name: '新しい収集依頼' }).click()
  await page.getByLabel('名称').fill(CAMPAIGN)
  await page.getByLabel('提出期限').fill('2027-01-31')
  await page.getByLabel('問い合わせ先').fill(CONTACT)
  await page.getByRole('button', { name: '作成する' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(CAMPAIGN) })).toBeVisible()

  // The import: 520 rows of CP932.
  await page.getByRole('link', { name: /取り込み/ }).click()
  await page.getByLabel('CSV ファイル').setInputFiles({ name: '従業員.csv', mimeType: 'text/csv', buffer: importFile(employees) })
  await page.getByRole('button', { name: '内容を確認する' }).click()
  await expect(page.getByText('Shift_JIS', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: '取り込む' }).click()
  await expect(page.getByText('取り込みました。従業員 300 人、扶養家族 220 人を登録・更新しました。')).toBeVisible({ timeout: 30_000 })
  await page.getByRole('link', { name: '進捗ダッシュボードへ戻る' }).click()
  await expect(page.getByText('対象の従業員 300 人')).toBeVisible()

  // 「未発行の全員に発行する」 in a second tab, asked with the count first; the tab is closed while
  // the server is still hashing 300 passwords. The passwords are lost with it.
  const lost = await page.context().newPage()
  await lost.goto(page.url())
  await openCredentials(lost)
  await lost.getByRole('button', { name: '未発行の全員に発行する' }).click()
  await expect(lost.getByText('300 人に認証情報を発行します。', { exact: false })).toBeVisible()
  await lost.getByRole('button', { name: '発行する', exact: true }).click()
  await expect(lost.getByRole('status').filter({ hasText: '発行しています…' })).toBeVisible()
  await lost.close()

  // HR comes back: the batch the server finished waits, not live, and is cancelled.
  await openCredentials(page)
  const waiting = page.getByRole('region', { name: '配布待ちの認証情報' })
  await expect(async () => {
    await page.reload()
    await expect(waiting).toContainText('300 人分（未配布）', { timeout: 1_000 })
  }).toPass({ timeout: 60_000 })
  await expect(page.getByText('発行の対象になる従業員はいません', { exact: false })).toBeVisible()
  await expectAccessible(page, '認証情報（控えをなくした配布待ち）')
  await waiting.getByRole('button', { name: '取り消す' }).click()
  await waiting.getByRole('group', { name: '取り消す' }).getByRole('button', { name: '取り消す' }).click()
  await expect(waiting.getByRole('status')).toHaveText('300 人分を取り消しました。これらの URL とパスワードは一度も使えないまま無効になりました。')
  await expect(page.getByText('対象: 認証情報をまだ発行していない全員（300 人。配布待ちの人を除く）')).toBeVisible()

  // E-mail: who gets what is shown first — 248 new credentials, 52 who cannot be mailed.
  await page.getByRole('button', { name: '認証情報をメールで送る' }).click()
  const confirm = page.getByRole('group', { name: '認証情報をメールで送る' })
  await expect(confirm).toContainText('新しい認証情報を送る: 248 人')
  await expect(confirm).toContainText('メールアドレスがないため送れない: 52 人')
  await expect(confirm).toContainText(`${withoutEmail[0]!.name}`)
  await expectAccessible(page, '認証情報（300 人へのメール送信の確認）')
  await confirm.getByRole('button', { name: '248 人に送信する' }).click()
  const mails = await mailbox.waitFor(248, 120_000)
  const logins = new Map<string, Login>()
  for (const mail of mails) {
    const to = JSON.stringify(mail.to)
    const employee = employees.find((candidate) => candidate.email && to.includes(`"${candidate.email}"`))!
    const body = mail.text ?? ''
    const token = /\/t\/([\w-]{43})/.exec(body)![1]!
    const password = /■ パスワード\s+(\S+)/.exec(body)![1]!
    expect(body).toContain(CONTACT)
    expect(body).toContain('2027年1月31日')
    recordSecret('e-mailed URL token', token)
    recordSecret('e-mailed password', password)
    logins.set(employee.number, { token, password })
  }
  expect(logins.size).toBe(248)

  // The 52 without an address: a batch of their own, its mail-merge CSV, kits, then 配布しました.
  await page.reload()
  await expect(page.getByText('対象: 認証情報をまだ発行していない全員（52 人。配布待ちの人を除く）')).toBeVisible()
  await page.getByRole('button', { name: '未発行の全員に発行する' }).click()
  await page.getByRole('button', { name: '発行する', exact: true }).click()
  const issuedTable = page.getByRole('table').filter({ hasText: 'パスワード' })
  await expect(issuedTable.getByRole('row')).toHaveCount(53)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '差し込み用 CSV (UTF-8, BOM)' }).click()
  const chunks: Buffer[] = []
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer)
  const [header, ...lines] = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
  expect(header).toBe('社員番号,氏名,フリガナ,メールアドレス,ログインURL,パスワード')
  for (const line of lines) {
    const [number, , , , url, password] = line.split(',')
    const token = url!.split('/t/')[1]!
    recordSecret('kit URL token', token)
    recordSecret('kit password', password)
    logins.set(number!, { token, password: password! })
  }
  expect(lines).toHaveLength(52)
  await page
    .getByRole('link', { name: '郵送キットを印刷' })
    .or(page.getByRole('button', { name: '郵送キットを印刷' }))
    .click()
  await expect(page.getByText('52 人分。A4 用紙 1 枚に 1 人分を印刷します。')).toBeVisible()
  await expect(page.getByText('マイナンバー（個人番号）登録のお願い', { exact: true })).toHaveCount(52)
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true })
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(52)
  await page.emulateMedia({ media: 'screen' })
  await page.getByRole('link', { name: '認証情報の画面へ戻る' }).click()
  await expect(waiting).toContainText('52 人分（未配布）')
  await waiting.getByRole('button', { name: '配布しました' }).click()
  await waiting.getByRole('group', { name: '配布しました' }).getByRole('button', { name: '配布しました' }).click()
  await expect(waiting.getByRole('status')).toHaveText('52 人分のログインを有効にしました。')

  // Every one of the 300 logins works: the URL token and password each employee holds open a session.
  expect(logins.size).toBe(300)
  const statuses = await mapConcurrent([...logins.values()], 2, async ({ token, password }) => {
    const response = await fetch(`${server.baseUrl}/api/employee/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password }),
    })
    return response.status
  })
  expect(statuses.filter((status) => status !== 200)).toEqual([])

  // Ten employees complete — eight who were mailed, two with a kit: the first (who registers their
  // spouse too) and one with a kit in the browser, the other eight through the same API at once.
  const completing = [0, 1, 2, 3, 4, 6, 7, 8, 5, 11].map((i) => employees[i]!)
  expect(completing.filter((employee) => !employee.email)).toHaveLength(2)
  await completeInBrowser(server, browser, completing[0]!, logins.get(completing[0]!.number)!, { registerSpouse: true })
  await completeInBrowser(server, browser, completing[9]!, logins.get(completing[9]!.number)!)
  await mapConcurrent(completing.slice(1, 9), 2, (employee) => completeOverHttp(server, logins.get(employee.number)!))
  await page.getByRole('link', { name: '進捗ダッシュボードへ戻る' }).click()
  await expect(page.getByRole('button', { name: /^完了\s*10$/ })).toBeVisible()
  await expectAccessible(page, '進捗ダッシュボード（300 人）')

  // 差し戻し of the first one's spouse: the employee is told by e-mail, with the reason and the deadline.
  const first = completing[0]!
  const spouse = first.dependents[0]!.name
  await page.getByLabel('検索（氏名・フリガナ・社員番号）').fill(first.number)
  await page.getByRole('button', { name: '検索', exact: true }).click()
  // The search is a navigation (?q=): a click on the list before it lands was undone by it.
  await expect(page).toHaveURL(new RegExp(`[?&]q=${first.number}(&|$)`))
  await page.getByRole('link', { name: first.name }).click()
  await page.getByRole('link', { name: '提出書類を確認（承認・差し戻し）' }).click()
  const section = page.getByRole('region', { name: new RegExp(`^${spouse}`) })
  await section.getByRole('button', { name: `${spouse} を差し戻し` }).click()
  await section.getByLabel('理由', { exact: true }).selectOption({ label: 'ぼやけている' })
  await section.getByRole('button', { name: '差し戻す' }).click()
  await expect(section.getByText(/本人には、理由と期限を書いたメールでお知らせします/)).toBeVisible()
  const [notice] = (await mailbox.waitFor(249, 30_000)).slice(248)
  expect(JSON.stringify(notice!.to)).toContain(first.email!)
  expect(notice!.text).toContain(spouse)
  expect(notice!.text).toContain('ぼやけている')
  expect(notice!.text).toContain('2027年1月31日')
  expect(notice!.text).toContain('URL とパスワードからログインし')

  // Every credential issued is usable or was never live: the logins the database holds are exactly
  // the 300 signed into above, and nothing of the cancelled batch is left waiting.
  const database = await server.stopAndOpenDatabase()
  try {
    const live = await database.prisma.credential.findMany({ where: { campaign: { name: CAMPAIGN } }, select: { tokenHash: true, lastLoginAt: true } })
    expect(new Set(live.map((credential) => credential.tokenHash))).toEqual(new Set([...logins.values()].map(({ token }) => hashUrlToken(token))))
    expect(live.filter((credential) => !credential.lastLoginAt)).toEqual([])
    expect(await database.prisma.pendingCredential.count()).toBe(0)
    const batches = await database.prisma.credentialBatch.findMany({ select: { outcome: true } })
    expect(batches.map((batch) => batch.outcome).sort()).toEqual(['CANCELLED', 'DISTRIBUTED'])
  } finally {
    await database.close()
  }
})
