/**
 * The HR console end to end: the demo administrator signs in, changes the printed one-time
 * password and enrols TOTP (required on a new installation), creates a
 * company and a campaign, imports a Shift_JIS CSV (one bad row first), issues credentials
 * (mail-merge CSV, postal kit) and e-mails them to a real SMTP server; an employee on a
 * phone uses the URL and password read from that e-mail and reaches 完了; the dashboard
 * then shows them as 完了. axe-core checks every console screen on the way.
 */
import { devices, type Page } from '@playwright/test'
import { encodeShiftJis } from '../apps/api/test/shift-jis.ts'
import { ADMIN_PASSWORD, changeOneTimePassword, enrol, firstAdminSignIn, signInWithCode } from './admin-sign-in.ts'
import { expectAccessible } from './axe.ts'
import { expect, testWithMail as test } from './fixtures.ts'
import { recordCookies, recordSecret } from './server-logs.ts'
import * as wizard from './wizard.ts'

const csv = (rows: string[][]) => encodeShiftJis(`${rows.map((row) => row.join(',')).join('\r\n')}\r\n`)
const HEADER = ['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', 'メールアドレス', '扶養者の社員番号', '郵便番号', '住所']
const EMPLOYEES = [
  ['E001', '髙橋 一郎', 'タカハシ イチロウ', '1985/04/01', '本人', 'ichiro@example.test', '', '', ''],
  ['', '髙橋 二葉', 'タカハシ フタバ', '2015/06/30', '子', '', 'E001', '', ''],
  ['E002', '渡邊 花子', 'ワタナベ ハナコ', '1990-12-24', '本人', 'hanako@example.test', '', '〒150-0001', '東京都渋谷区神宮前 1-2-3 コーポ髙島 101'],
]

/** A link or a button of that name (the console uses links for navigation, buttons for actions). */
const action = (page: Page, name: string | RegExp) =>
  page.getByRole('link', { name, exact: typeof name === 'string' }).or(page.getByRole('button', { name, exact: typeof name === 'string' }))

test('HR sets up a campaign, sends credentials by e-mail, and sees the employee finish', async ({ page, browser, server, mailbox }) => {
  // Sign in with the printed demo administrator: a wrong password first, then the printed
  // one-time password, changed at once, and TOTP set up (a new installation requires it).
  await page.goto(server.admin.url)
  await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible()
  await expectAccessible(page, 'ログイン')
  await page.getByLabel('メールアドレス').fill(server.admin.email)
  recordSecret('typed password', 'wrong-password')
  await page.getByLabel('パスワード').fill('wrong-password')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page.getByRole('alert')).toContainText('メールアドレスまたはパスワードが正しくありません')
  await page.getByLabel('パスワード').fill(server.admin.password)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await changeOneTimePassword(page, server.admin.password, ADMIN_PASSWORD, 'admin')
  await expect(page.getByRole('heading', { name: '2 段階認証の設定' })).toBeVisible()
  await recordCookies(page.context())
  const { totp, codes } = await enrol(page, ADMIN_PASSWORD, 'admin')
  await expect(page.getByRole('link', { name: 'アカウント', exact: true })).toBeVisible()
  // One recovery code instead of the code (the authenticator "lost" once); the code works after it.
  await page.getByRole('button', { name: 'ログアウト' }).click()
  await page.goto(server.admin.url)
  await page.getByLabel('メールアドレス').fill(server.admin.email)
  await page.getByLabel('パスワード').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await page.getByRole('button', { name: '認証アプリを使えない場合（回復コードでログイン）' }).click()
  await expectAccessible(page, '回復コードでログイン')
  await page.getByLabel('回復コード', { exact: true }).fill(codes[0]!)
  await page.getByRole('button', { name: '確認する' }).click()
  await expect(page.getByRole('link', { name: 'アカウント', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'ログアウト' }).click()
  await signInWithCode(page, server, totp, 1)
  await recordCookies(page.context())

  // A company and a campaign.
  await page.getByRole('link', { name: '会社一覧', exact: true }).click()
  await expectAccessible(page, '会社一覧')
  await page.getByLabel('会社名').fill('株式会社 髙島屋商事')
  await page.getByRole('button', { name: '登録する' }).click()
  await page.getByRole('link', { name: '株式会社 髙島屋商事 の収集依頼' }).click()
  await expectAccessible(page, '収集依頼')
  await page.getByRole('link', { name: '新しい収集依頼' }).click()
  await expect(page.getByLabel('利用目的 1')).toHaveValue('源泉徴収票作成事務')
  await expectAccessible(page, '収集依頼の作成')
  await page.getByLabel('名称').fill('2027年 年末調整')
  await page.getByLabel('従業員にも 12 桁の個人番号を入力してもらう').check()
  await page.getByRole('button', { name: '作成する' }).click()
  await expect(page.getByRole('heading', { name: /2027年 年末調整/ })).toBeVisible()
  await expectAccessible(page, '進捗ダッシュボード（空）')

  // Import: a Shift_JIS file with one bad birth date imports nothing; fixed, it imports.
  await page.getByRole('link', { name: /取り込み/ }).click()
  await expectAccessible(page, '従業員の取り込み')
  const bad = EMPLOYEES.map((row) => (row[0] === 'E002' ? row.with(3, '1990-13-45') : row))
  await page.getByLabel('CSV ファイル').setInputFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: csv([HEADER, ...bad]) })
  await page.getByRole('button', { name: '内容を確認する' }).click()
  const errors = page.getByRole('table').filter({ hasText: '内容' })
  await expect(errors).toContainText('生年月日')
  await expect(errors.getByRole('row').nth(1)).toContainText('4')
  await expect(page.getByRole('button', { name: '取り込む' })).toBeDisabled()
  await expectAccessible(page, '取り込み（誤りあり）')
  await page.getByLabel('CSV ファイル').setInputFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: csv([HEADER, ...EMPLOYEES]) })
  await page.getByRole('button', { name: '内容を確認する' }).click()
  await expect(page.getByText('Shift_JIS', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: '取り込む' }).click()
  await expect(page.getByText('取り込みました。従業員 2 人、扶養家族 1 人を登録・更新しました。')).toBeVisible()

  // Credentials for 渡邊 by paper: issue from the dashboard selection, mail-merge CSV, kit.
  await page.getByRole('link', { name: '進捗ダッシュボードへ戻る' }).click()
  await expect(page.getByRole('row').filter({ hasText: '渡邊 花子' })).toContainText('未発行')
  await page.getByRole('row').filter({ hasText: '渡邊 花子' }).getByRole('checkbox').check()
  await action(page, '選択した従業員の認証情報を再発行').click()
  await page.getByRole('button', { name: '選択した従業員に発行する' }).click()
  await page.getByRole('button', { name: '発行する', exact: true }).click()
  await expect(page.getByRole('table').filter({ hasText: 'パスワード' })).toContainText('渡邊 花子')
  await expectAccessible(page, '認証情報（発行直後）')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '差し込み用 CSV (UTF-8, BOM)' }).click()
  const mailMerge = await (await download).createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of mailMerge) chunks.push(chunk as Buffer)
  const mailMergeText = Buffer.concat(chunks)
  expect([...mailMergeText.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(mailMergeText.toString('utf8')).toContain('渡邊 花子')
  await action(page, '郵送キットを印刷').click()
  await expect(page.getByText('マイナンバー（個人番号）登録のお願い', { exact: true })).toHaveCount(1)
  await expect(page.getByRole('img', { name: '渡邊 花子 様の登録用 URL の QR コード' })).toBeVisible()
  // 渡邊 has a postal address: the sheet is laid out for a window envelope, the address in the window.
  await expect(page.getByRole('group', { name: '宛先（窓付き封筒の窓に出る位置）' })).toHaveText(
    /〒150-0001東京都渋谷区神宮前 1-2-3 コーポ髙島 101渡邊 花子 様/,
  )
  await expectAccessible(page, '郵送キット')
  // On paper: one A4 page per employee, and no blank page after the last.
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true })
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1)
  await page.emulateMedia({ media: 'screen' })
  await page.getByRole('link', { name: '認証情報の画面へ戻る' }).click()
  // Handed out on paper: 渡邊's login goes live only now (ADR 039).
  const waiting = page.getByRole('region', { name: '配布待ちの認証情報' })
  await expect(waiting).toContainText('1 人分（未配布）')
  await expectAccessible(page, '認証情報（配布待ち）')
  // Until then, her link says it is not live yet, rather than taking her password for a wrong one.
  const watanabeUrl = /https?:\/\/[^,\s]+\/t\/[A-Za-z0-9_-]{43}/.exec(mailMergeText.toString('utf8'))![0]
  const early = await browser.newContext({ ...devices['Pixel 7'], locale: 'ja-JP' })
  const earlyPage = await early.newPage()
  await earlyPage.goto(watanabeUrl)
  await expect(earlyPage.getByText(/このログイン情報は、まだ使えません。/)).toBeVisible()
  await expectAccessible(earlyPage, 'ログイン（配布前）')
  await early.close()
  await waiting.getByRole('button', { name: '配布しました' }).click()
  await waiting.getByRole('group', { name: '配布しました' }).getByRole('button', { name: '配布しました' }).click()
  await expect(waiting.getByRole('status')).toHaveText('1 人分のログインを有効にしました。')

  // E-mail to everyone still without credentials: 髙橋 (and only him).
  // Before anything is sent, who gets what: 渡邊 has hers on paper, so only 髙橋.
  await page.getByRole('button', { name: '認証情報をメールで送る' }).click()
  const confirm = page.getByRole('group', { name: '認証情報をメールで送る' })
  await expect(confirm).toContainText('新しい認証情報を送る: 1 人')
  await expectAccessible(page, '認証情報（メール送信の確認）')
  await confirm.getByRole('button', { name: '1 人に送信する' }).click()
  const [mail] = await mailbox.waitFor(1)
  await expectAccessible(page, '認証情報（メール送信）')
  expect(mail!.to && JSON.stringify(mail!.to)).toContain('ichiro@example.test')
  const body = mail!.text ?? ''
  const url = /https?:\/\/\S+\/t\/[\w-]+/.exec(body)?.[0]
  const password = /■ パスワード\s+(\S+)/.exec(body)?.[1]
  expect(url, body).toBeTruthy()
  expect(password, body).toBeTruthy()
  recordSecret('e-mailed URL token', url!.split('/t/')[1])
  recordSecret('e-mailed password', password)

  // The employee, on a phone, with what the e-mail said.
  const phone = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 320, height: 640 }, locale: 'ja-JP' })
  const employee = await phone.newPage()
  await employee.goto(url!)
  await employee.getByLabel('パスワード', { exact: true }).fill(password!)
  await employee.getByRole('button', { name: '次へ' }).click()
  await wizard.consent(employee)
  await wizard.openPerson(employee, '髙橋 一郎')
  await wizard.chooseNumberDocument(employee, /マイナンバーカード/)
  await wizard.captureDocument(employee, wizard.chooseFile, { back: true })
  // The campaign asks for the number: a wrong check digit is refused before anything is sent.
  await employee.getByLabel('個人番号（12 桁）').fill('1234 5678 9012')
  await employee.getByRole('button', { name: '登録する' }).click()
  await expect(employee.getByText('個人番号が正しくありません。12 桁の数字をご確認ください。')).toBeVisible()
  await wizard.confirmAndRegister(employee, 2, '1234 5678 9018')
  await recordCookies(phone)
  await wizard.markNotApplicable(employee, '髙橋 二葉')
  await wizard.submitAll(employee)
  await phone.close()

  // Back in the console: 髙橋 is 完了.
  await page.getByRole('link', { name: '進捗ダッシュボードへ戻る' }).click()
  await page.reload()
  await expect(page.getByRole('row').filter({ hasText: '髙橋 一郎' })).toContainText('完了')
  await expectAccessible(page, '進捗ダッシュボード')
  await page.getByRole('link', { name: '髙橋 一郎' }).click()
  await expect(page.getByRole('rowheader', { name: '髙橋 二葉' })).toBeVisible()
  await expectAccessible(page, '従業員の詳細')
})

test('an administrator adds an operator, who must set up 2FA as the new installation requires, and closes a campaign', async ({ page, browser, server }) => {
  await firstAdminSignIn(page, server)

  // A new operator of the demo company gets a one-time password, shown once.
  await page.getByRole('link', { name: '担当者アカウント', exact: true }).click()
  await page.getByLabel('氏名').fill('事務 花子')
  await page.getByLabel('メールアドレス').fill('hanako.jimu@example.test')
  await page.getByRole('button', { name: '追加する' }).click()
  const oneTime = (await page.locator('.admin-secret').first().textContent())!.trim()
  recordSecret('one-time password', oneTime)
  await recordCookies(page.context())
  expect(oneTime.length).toBeGreaterThanOrEqual(12)
  await expectAccessible(page, '担当者アカウント')
  await page.getByRole('button', { name: '伝えたので閉じる' }).click()

  // On from the start on a new installation.
  await page.getByRole('link', { name: 'システム設定', exact: true }).click()
  await expect(page.getByLabel('すべての担当者に 2 段階認証を必須にする')).toBeChecked()
  await expectAccessible(page, 'システム設定')

  // Closing the demo campaign: asked first, then final.
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page
    .getByRole('link', { name: /：設定$/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { name: /収集依頼の設定/ })).toBeVisible()
  await expectAccessible(page, '収集依頼の設定')
  await page.getByRole('button', { name: '受付を終了する' }).click()
  await page.getByRole('button', { name: '終了して下書きを削除する' }).click()
  await expect(page.getByText('終了した収集依頼の設定は変更できません。')).toBeVisible()

  // The new operator: the one-time password must be changed, then 2FA set up, before anything else.
  const second = await browser.newContext({ locale: 'ja-JP' })
  const operator = await second.newPage()
  await operator.goto(server.admin.url)
  await operator.getByLabel('メールアドレス').fill('hanako.jimu@example.test')
  await operator.getByLabel('パスワード').fill(oneTime)
  await operator.getByRole('button', { name: 'ログイン' }).click()
  await changeOneTimePassword(operator, oneTime, 'a-long-new-password-2026', 'operator')
  await expect(operator.getByRole('heading', { name: '2 段階認証の設定' })).toBeVisible()
  await recordCookies(second)
  await enrol(operator, 'a-long-new-password-2026', 'operator, required')
  await expect(operator.getByRole('heading', { name: /収集依頼/ }).first()).toBeVisible()
  await expectAccessible(operator, '収集依頼（事務取扱担当者）')
  // An operator sees no operator accounts or system settings.
  await expect(operator.getByRole('link', { name: 'システム設定' })).toHaveCount(0)

  // She loses her phone and her recovery codes: the administrator resets the account, which
  // ends her session and gives her a new one-time password.
  await page.getByRole('link', { name: '担当者アカウント', exact: true }).click()
  await page.getByRole('button', { name: '事務 花子 をリセット' }).click()
  await page.getByLabel('あなたのパスワード（確認のため）').fill(ADMIN_PASSWORD)
  await expectAccessible(page, '担当者のリセット')
  await page.getByRole('button', { name: 'リセットする' }).click()
  await expect(page.getByRole('heading', { name: '仮パスワード（リセット）' })).toBeVisible()
  const reissued = (await page.locator('.admin-secret').first().textContent())!.trim()
  recordSecret('reset one-time password', reissued)
  await expectAccessible(page, '仮パスワード（リセット）')
  await operator.reload()
  await expect(operator.getByRole('heading', { name: 'ログイン' })).toBeVisible()
  await operator.getByLabel('メールアドレス').fill('hanako.jimu@example.test')
  await operator.getByLabel('パスワード').fill(reissued)
  await operator.getByRole('button', { name: 'ログイン' }).click()
  await expect(operator.getByRole('heading', { name: 'パスワード変更' })).toBeVisible()
  await second.close()
})
