/**
 * The phone flow in English (ADR 024): the browser says en-US, so every employee screen
 * speaks English — document names keep their Japanese official term — and axe finds no WCAG A/AA
 * violation. The switcher then brings the receipt back to Japanese and remembers the choice.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { checkScreen, expectFitsScreen } from './wizard.ts'

test.use({ locale: 'en-US' })

type Side = 'front' | 'back'

/** The fake camera holds a card still: the camera takes the picture by itself. */
async function photograph(page: Page, side: Side) {
  await page.getByRole('button', { name: `Photograph the ${side}` }).click()
  await expect(page.getByRole('img', { name: `Photo of the ${side}` })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'The image was saved' })).toBeVisible()
}

async function markNotApplicable(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await expect(page.getByRole('heading', { name: `Documents of ${name}` })).toBeVisible()
  await page.getByRole('radio', { name: /No longer a dependent \(扶養\)/ }).check()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('heading', { name: 'Marked as not applicable' })).toBeVisible()
  await page.getByRole('button', { name: 'Back to the list' }).click()
}

test('en-US: login → consent → 2 not applicable → My Number Card (マイナンバーカード) → Done → receipt, in English', async ({ page, server }) => {
  await page.goto(server.loginUrl)
  await expect(page.getByText('The HR staff of デモ株式会社 ask you', { exact: false })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('combobox', { name: 'Language / 言語' })).toHaveValue('en')
  await checkScreen(page, 'en-login')
  await page.getByLabel('Password', { exact: true }).fill(`${server.password}x`)
  await page.getByRole('button', { name: 'Next' }).click()
  // An API error code becomes the employee's text in the language shown.
  await expect(page.getByText('The URL or password is not correct', { exact: false })).toBeVisible()
  await page.getByLabel('Password', { exact: true }).fill(server.password)
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByRole('heading', { name: 'Purposes of use of the My Number (個人番号)' })).toBeVisible()
  await page.getByRole('button', { name: 'I agree' }).click()
  await expect(page.getByRole('heading', { name: 'People to register' })).toBeVisible()
  await checkScreen(page, 'en-targets')

  await markNotApplicable(page, '総合 花子')
  await markNotApplicable(page, '総合 一郎')
  await expect(page.getByText('0/1 registered (2 not applicable)')).toBeVisible()

  await page.getByRole('button', { name: /総合 太郎/ }).click()
  await page.getByRole('radio', { name: /My Number Card with photo \(マイナンバーカード\)/ }).check()
  await page.getByRole('button', { name: 'Next' }).click()
  await photograph(page, 'front')
  await photograph(page, 'back')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('heading', { name: 'Check' })).toBeVisible()
  await page.getByRole('button', { name: 'Register' }).click()
  await expect(page.getByRole('heading', { name: 'Registration done' })).toBeVisible()
  await page.getByRole('button', { name: 'Back to the list' }).click()

  await page.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('alertdialog', { name: 'Submit with these contents?' }).getByRole('button', { name: 'Submit' }).click()
  await expect(page.getByRole('heading', { name: 'Registration is complete' })).toBeVisible()
  const receipt = page.getByRole('region', { name: 'Receipt of your submission' })
  await expect(receipt.getByRole('row')).toHaveText([
    /Name/,
    /総合 太郎.*My Number Card \(マイナンバーカード\)/,
    /総合 花子.*Not applicable/,
    /総合 一郎.*Not applicable/,
  ])
  await checkScreen(page, 'en-receipt')
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/employee-receipt-en-320.png`, fullPage: true })
  // Detected, not chosen: nothing was stored.
  expect(await page.evaluate(() => localStorage.getItem('bango-language'))).toBeNull()

  // The switcher: back to Japanese on the spot, remembered for the next visit.
  await page.getByRole('combobox', { name: 'Language / 言語' }).selectOption('日本語')
  await expect(page.getByRole('heading', { name: '登録処理は完了です' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  expect(await page.evaluate(() => localStorage.getItem('bango-language'))).toBe('ja')
})

test('the switcher on the login screen: Vietnamese, Chinese and Portuguese fit a 320 px phone and pass axe', async ({ page, server }) => {
  await page.goto(server.loginUrl)
  const switcher = page.getByRole('combobox', { name: 'Language / 言語' })
  for (const [name, lang, title] of [
    ['Tiếng Việt', 'vi', 'Đăng ký giấy tờ My Number'],
    ['简体中文', 'zh-Hans', '个人编号（My Number）材料登记'],
    ['Português', 'pt-BR', 'Registro de documentos do My Number'],
  ] as const) {
    await switcher.selectOption(name)
    await expect(page.getByRole('heading', { name: title })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    await expectFitsScreen(page)
    await checkScreen(page, `login-${lang}`)
  }
  // Remembered: a reload opens in the last language chosen.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Registro de documentos do My Number' })).toBeVisible()
})
