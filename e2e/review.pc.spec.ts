/**
 * Review, 差し戻し and the number, end to end: the demo employee completes (a generated card with
 * a readable number for themself); the administrator views the images and sends one dependent
 * back; the employee reads the reason, redoes that person and completes again; HR opens the
 * review queue from the campaign, approves the household at once and records the number on the
 * same screen (the reading in the first entry, typed again for the second), and the employee sees 受理; the campaign
 * is closed and disposed of, the employee's link says so (and nothing else), and the audit viewer shows each step.
 */
import type { Browser, Page } from '@playwright/test'
import { cardVariant, renderCard } from '../apps/api/test/number-cards.ts'
import { firstAdminSignIn } from './admin-sign-in.ts'
import { expectAccessible } from './axe.ts'
import { expect, test } from './fixtures.ts'
import type { ProductServer } from './server.ts'
import { recordCookies } from './server-logs.ts'
import * as wizard from './wizard.ts'

// The fixture card.jpg has no digits on it: OCR needs a card with a real, valid number.
const NUMBER = '123456789018'
const CAMPAIGN = '2026年 マイナンバー収集'

// HR's browsers are in Japan: the console's local times then agree with the JST watermark and audit viewer.
test.use({ timezoneId: 'Asia/Tokyo' })

/** The employee's login with the printed URL and password, in a fresh tab of their own. */
async function employeeSignsIn(server: ProductServer, browser: Browser) {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  const page = await context.newPage()
  await page.goto(server.loginUrl)
  await page.getByLabel('パスワード', { exact: true }).fill(server.password)
  await page.getByRole('button', { name: '次へ' }).click()
  return { page, close: () => context.close() }
}

const personSection = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) })

async function openEmployee(page: Page) {
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page.getByRole('link', { name: CAMPAIGN, exact: true }).click()
  await page.getByRole('link', { name: '総合 太郎' }).click()
  await expect(page.getByRole('heading', { name: '総合 太郎', level: 1 })).toBeVisible()
}

test('review, 差し戻し, redo, the queue: the household approved at once, the number beside its images by reading and double entry, disposal, audit', async ({
  page,
  browser,
  server,
}) => {
  // The whole HR loop in one test: 70–90 s on a quiet two-core machine; a CI machine a third slower ran out of 90.
  test.setTimeout(180_000)
  const card = await renderCard({ ...cardVariant(0), number: NUMBER })
  const chooseCard: wizard.Capture = async (employee, side) => {
    const input = employee.getByLabel('写真を選ぶ')
    await input.setInputFiles(side === 'うら面' ? { name: 'card.jpg', mimeType: 'image/jpeg', buffer: card } : wizard.CARD_JPEG)
    await expect(employee.getByRole('img', { name: `${side}の画像` })).toBeVisible()
    await expect(employee.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible()
  }

  // The employee: themself with the numbered card's back (where a マイナンバーカード has its number), 花子 with the fixture, 一郎 対象外, 完了.
  let employee = await employeeSignsIn(server, browser)
  await wizard.consent(employee.page)
  await wizard.openPerson(employee.page, '総合 太郎')
  await wizard.chooseNumberDocument(employee.page, /マイナンバーカード/)
  await wizard.captureDocument(employee.page, chooseCard, { back: true })
  await wizard.confirmAndRegister(employee.page, 2)
  await wizard.openPerson(employee.page, '総合 花子')
  await wizard.chooseNumberDocument(employee.page, /マイナンバーカード/)
  await wizard.captureDocument(employee.page, wizard.chooseFile, { back: true })
  await wizard.confirmAndRegister(employee.page, 2)
  await wizard.markNotApplicable(employee.page, '総合 一郎')
  await wizard.submitAll(employee.page)
  await employee.close()

  // HR: dashboard → employee → review; every image shown; 花子 sent back as blurry.
  await firstAdminSignIn(page, server)
  await openEmployee(page)
  await recordCookies(page.context())
  await page.getByRole('link', { name: '提出書類を確認（承認・差し戻し）' }).click()
  await expect(page.getByRole('heading', { name: '総合 太郎 さんの提出書類' })).toBeVisible()
  const images = page.locator('.review-image img')
  await expect(images).toHaveCount(4)
  for (const image of await images.all()) await expect(image).toBeVisible()
  expect(await images.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  await expectAccessible(page, '提出書類の確認')
  const hanako = personSection(page, '総合 花子')
  await hanako.getByRole('button', { name: '総合 花子 を差し戻し' }).click()
  await hanako.getByLabel('理由', { exact: true }).selectOption({ label: 'ぼやけている' })
  await expectAccessible(page, '差し戻しの理由')
  await hanako.getByRole('button', { name: '差し戻す' }).click()
  await expect(hanako.getByText('差し戻しました。')).toBeVisible()
  // No e-mail on this server: HR is told to let her know on paper.
  await expect(hanako.getByText(/本人には紙などで、理由と期限を直接お知らせください。/)).toBeVisible()
  await page.getByRole('link', { name: '従業員の詳細へ戻る' }).click()
  await expect(page.getByRole('row').filter({ hasText: '総合 花子' })).toContainText('差し戻し')

  // The employee sees the reason on the list and on 花子's screen, redoes her, 完了 again.
  employee = await employeeSignsIn(server, browser)
  await expect(employee.page.getByRole('heading', { name: '収集対象者一覧' })).toBeVisible()
  await expect(wizard.personRow(employee.page, '総合 花子')).toContainText('ぼやけている')
  await wizard.openPerson(employee.page, '総合 花子')
  await expect(employee.page.getByText('差し戻しの理由：ぼやけている')).toBeVisible()
  await wizard.chooseNumberDocument(employee.page, /マイナンバーカード/)
  await wizard.captureDocument(employee.page, wizard.chooseFile, { back: true })
  await wizard.confirmAndRegister(employee.page, 2)
  await wizard.submitAll(employee.page)
  await employee.close()

  // HR: the review queue from the campaign's page opens this household, the only one with work left.
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page.getByRole('link', { name: CAMPAIGN, exact: true }).click()
  await page.getByRole('link', { name: '審査と個人番号の記録（提出の古い順）' }).click()
  await expect(page.getByRole('heading', { name: '総合 太郎 さんの提出書類' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: '審査の順番' })).toContainText('作業の残る 1 世帯のうち 1 番目')
  await page.getByRole('button', { name: '世帯をまとめて承認（2 人）' }).click()
  await expect(page.getByText('2 人を承認しました。')).toBeVisible()

  // The number beside the images, by keyboard: j to the person's field, the reading already in it, Enter;
  // focus goes on into the confirmation, typed with the first hidden, Enter.
  const taroSection = personSection(page, '総合 太郎')
  const first = taroSection.getByLabel('個人番号（12 桁）')
  await expect(first).toHaveValue('1234 5678 9018', { timeout: 30_000 })
  await expect(taroSection.getByText('写真からの読み取り')).toBeVisible()
  await expectAccessible(page, '審査の順番（番号の読み取り）')
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('j')
  await expect(first).toBeFocused()
  await page.keyboard.press('Enter')
  const second = taroSection.getByLabel('確認のため、もう一度入力してください（12 桁）')
  await expect(second).toBeFocused()
  await expect(second).toHaveValue('')
  await expectAccessible(page, '審査の順番（確認の入力）')
  await page.keyboard.type('123456789018')
  await page.keyboard.press('Enter')
  await expect(taroSection.getByText('2 回の入力が一致し、個人番号を記録しました。')).toBeVisible()
  await expect(taroSection.getByText('**** **** 9018')).toBeVisible()
  await expect(page.getByText(NUMBER)).toHaveCount(0)
  await page.getByRole('link', { name: '従業員の詳細へ戻る' }).click()
  await expect(page.getByRole('row').filter({ hasText: '総合 花子' })).toContainText('承認済')
  await page.getByRole('link', { name: '総合 太郎の個人番号の記録' }).click()
  await expect(page.getByRole('heading', { name: '個人番号の記録' })).toBeVisible()
  await expect(page.getByText('**** **** 9018')).toBeVisible()
  await expectAccessible(page, '個人番号の記録（記録済み）')

  // Payroll export: the CSV holds the recorded number for the approved employee.
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page.getByRole('link', { name: CAMPAIGN, exact: true }).click()
  await page.getByRole('link', { name: /出力/ }).first().click()
  await expect(page.getByRole('heading', { name: `${CAMPAIGN} の出力` })).toBeVisible()
  await expectAccessible(page, '出力')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: '給与システム用 CSV (UTF-8)' }).click()
  const chunks: Buffer[] = []
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer)
  const rows = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))
  expect(rows[0]).toEqual(['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', '個人番号', '番号確認書類', '身元確認書類', '承認日'])
  const taro = rows.find((row) => row[1] === '総合 太郎')
  expect(taro?.[5]).toBe(NUMBER)

  // The employee's link: 受理.
  employee = await employeeSignsIn(server, browser)
  await expect(employee.page.getByRole('heading', { name: '提出書類は受理されました' })).toBeVisible()
  await employee.close()

  // Close the campaign, then dispose of it with its name typed and a reason.
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page.getByRole('link', { name: `${CAMPAIGN}：設定` }).click()
  await page.getByRole('button', { name: '受付を終了する' }).click()
  await expect(page.getByText('従業員 1 人のうち、提出済み 1 人。')).toBeVisible()
  await page.getByRole('button', { name: '終了して下書きを削除する' }).click()
  await expect(page.getByText('終了した収集依頼の設定は変更できません。')).toBeVisible()
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page.getByRole('link', { name: CAMPAIGN, exact: true }).click()
  await page.getByRole('link', { name: '廃棄', exact: true }).click()
  await expect(page.getByRole('heading', { name: `廃棄: ${CAMPAIGN}` })).toBeVisible()
  await page.getByLabel('廃棄の理由').fill('年末調整の事務が終了したため')
  const dispose = page.getByRole('button', { name: '収集依頼の書類をすべて廃棄' })
  await expect(dispose).toBeDisabled()
  await page.getByLabel(`確認のため、収集依頼の名前「${CAMPAIGN}」を入力してください`).fill(CAMPAIGN)
  await expectAccessible(page, '廃棄')
  await dispose.click()
  await expect(page.getByText(/3 名の書類（画像 4 枚）を廃棄しました。/)).toBeVisible()

  // The employee's login ended with the documents: the link says what happened, and asks for no password.
  const disposedContext = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  const disposed = await disposedContext.newPage()
  await disposed.goto(server.loginUrl)
  await expect(disposed.getByRole('heading', { name: 'この依頼は終了しました' })).toBeVisible()
  await expect(disposed.getByText(/^提出された書類は、\d{4}年\d{1,2}月\d{1,2}日に.+が廃棄しました。$/)).toBeVisible()
  await expect(disposed.getByLabel('パスワード', { exact: true })).toHaveCount(0)
  await expectAccessible(disposed, '廃棄のお知らせ')
  await disposedContext.close()

  // The audit viewer lists each step.
  await page.getByRole('link', { name: '監査ログ', exact: true }).click()
  await expect(page.getByRole('heading', { name: '監査ログ', level: 1 })).toBeVisible()
  const steps = [
    ['画像の閲覧', 'document.viewed'],
    ['差し戻し', 'person.returned'],
    ['完了（差し戻し後の再提出）', 'employee.resubmitted'],
    ['承認', 'person.approved'],
    ['個人番号の OCR 読み取り', 'number.ocr_read'],
    ['個人番号の入力（1 回目）', 'number.entry_held'],
    ['個人番号の記録', 'number.recorded'],
    ['給与システム用 CSV の出力', 'export.payroll_csv'],
    ['収集依頼の終了', 'campaign.closed'],
    ['収集依頼の廃棄', 'campaign.disposed'],
  ] as const
  for (const [label, action] of steps) {
    // The cell shows the Japanese label above the action's code.
    await expect(page.getByRole('cell').filter({ hasText: label }).filter({ hasText: action }).first(), label).toBeVisible()
  }
  await expectAccessible(page, '監査ログ')
})
