/** Steps of the employee wizard, driven by the labels of the employee manual. */
import { type Page, expect } from '@playwright/test'
import path from 'node:path'
import { expectAccessible } from './axe.ts'
import type { ProductServer } from './server.ts'

/** axe on an employee screen: no WCAG A/AA violation of any impact. */
export const checkScreen = (page: Page, screen: string) => expectAccessible(page, `employee-${screen}`, { allImpacts: true })

export const CARD_JPEG = path.resolve('e2e/fixtures/card.jpg')

export async function logIn(page: Page, server: ProductServer) {
  await page.goto(server.loginUrl)
  // Who is asking, before the password (the demo company).
  await expect(page.getByText('デモ株式会社 の人事担当者から', { exact: false })).toBeVisible()
  await checkScreen(page, 'login')
  // A wrong password first: a clear message, and the user can try again.
  await page.getByLabel('パスワード', { exact: true }).fill(`${server.password}x`)
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByText('URL またはパスワードが正しくありません', { exact: false })).toBeVisible()
  await expect(page.getByText('問い合わせ先：', { exact: false })).toBeVisible()
  await checkScreen(page, 'login-error')
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/employee-login-error.png`, fullPage: true })
  await page.getByLabel('パスワード', { exact: true }).fill(server.password)
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('heading', { name: '個人番号の利用目的' })).toBeVisible()
  // The login token is gone from the address bar.
  const token = new URL(server.loginUrl).pathname.split('/').pop()!
  expect(page.url()).not.toContain(token)
  // The session lives in this tab only: sessionStorage, never localStorage.
  const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: JSON.stringify({ ...sessionStorage }) }))
  expect(storage.local).toEqual({})
  expect(storage.session).toContain('accessToken')
  expect(storage.session).not.toContain(token)
}

/** Nothing wider than the screen: no sideways scrolling on a small phone. */
export async function expectFitsScreen(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

export async function consent(page: Page) {
  await checkScreen(page, 'consent')
  await page.getByRole('button', { name: '同意します' }).click()
  await expect(page.getByRole('heading', { name: '収集対象者一覧' })).toBeVisible()
  await expect(page.getByRole('button', { name: '完了' })).toBeVisible()
  await checkScreen(page, 'targets')
}

export async function openPerson(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await expect(page.getByRole('heading', { name: `${name} さんの書類登録` })).toBeVisible()
}

export async function chooseNumberDocument(page: Page, label: RegExp) {
  await expect(page.getByRole('radio', { name: label })).toBeVisible()
  await checkScreen(page, 'number-document-menu')
  await page.getByRole('radio', { name: label }).check()
  await page.getByRole('button', { name: '次へ' }).click()
}

type Side = 'おもて面' | 'うら面'

/**
 * Photographs one side of a card with the (fake) camera and waits until the upload is done. The
 * fake camera holds a card still: the camera takes the picture by itself, 「撮影」 untouched.
 */
export async function photograph(page: Page, side: Side) {
  const shutter = page.getByRole('button', { name: '撮影', exact: true })
  if (!(await shutter.isVisible())) await page.getByRole('button', { name: `${side}を撮影する` }).click()
  await expect(page.getByRole('img', { name: `${side}の画像` })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible()
}

/** 健康保険証: one box dragged with a finger (real touch events), then 「隠して送信する」. */
export async function maskByTouch(page: Page, side: Side) {
  const canvas = page.getByRole('application', { name: `${side}の画像（なぞって隠す部分を指定します）` })
  await expect(canvas).toBeVisible()
  await expect(page.getByRole('button', { name: '隠して送信する' })).toBeDisabled()
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  const area = (await canvas.boundingBox())!
  const at = (fx: number, fy: number) => [{ x: area.x + area.width * fx, y: area.y + area.height * fy }]
  const scrolled = await page.evaluate(() => window.scrollY)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.5, 0.52) })
  for (const f of [0.25, 0.5, 0.75, 1]) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.5 + 0.2 * f, 0.52 + 0.12 * f) })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
  await expect(page.getByText('隠した部分：1 か所')).toBeVisible()
  // touch-action: none — the drag drew a box instead of scrolling the page.
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
  await page.getByRole('button', { name: '隠して送信する' }).click()
  await expect(page.getByRole('img', { name: `${side}の画像` })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible()
}

/** Photographs one side with the (fake) camera — taken by itself, as photograph() — then masks it (健康保険証). */
export async function photographAndMask(page: Page, side: Side) {
  const shutter = page.getByRole('button', { name: '撮影', exact: true })
  if (!(await shutter.isVisible())) await page.getByRole('button', { name: `${side}を撮影する` }).click()
  await maskByTouch(page, side)
}

/** Chooses a file for one side (the PC path, and the fallback without a camera). */
export async function chooseFile(page: Page, side: Side) {
  await page.getByLabel('写真を選ぶ').setInputFiles(CARD_JPEG)
  await expect(page.getByRole('img', { name: `${side}の画像` })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible()
}

export type Capture = (page: Page, side: Side) => Promise<void>

/** Front, then back (or 「うら面はありません」), then 「次へ」 to the next step. */
export async function captureDocument(page: Page, capture: Capture, options: { back: boolean }) {
  await capture(page, 'おもて面')
  if (options.back) {
    // 「うら面を撮影する」 where the camera is the way, 「うら面へ進む」 where a file is (a PC).
    await page.getByRole('button', { name: /^うら面(を撮影する|へ進む)$/ }).click()
    await capture(page, 'うら面')
    await page.getByRole('button', { name: '次へ' }).click()
  } else {
    await page.getByRole('button', { name: 'うら面はありません' }).click()
  }
}

/** `myNumber`: typed on the confirm step when the campaign asks the employee for it. */
export async function confirmAndRegister(page: Page, images: number, myNumber?: string) {
  await expect(page.getByRole('heading', { name: '確認' })).toBeVisible()
  // Each thumbnail is a button that opens the zoomable view (its picture has no alt of its own).
  await expect(page.getByRole('button', { name: /を拡大して確認$/ })).toHaveCount(images)
  if (myNumber) await page.getByLabel('個人番号（12 桁）').fill(myNumber)
  await checkScreen(page, 'confirm')
  await page.getByRole('button', { name: '登録する' }).click()
  await expect(page.getByRole('heading', { name: '登録が完了しました' })).toBeVisible()
  await checkScreen(page, 'registered')
  await page.getByRole('button', { name: 'TOP に戻る' }).click()
  await expect(page.getByRole('heading', { name: '収集対象者一覧' })).toBeVisible()
}

export async function markNotApplicable(page: Page, name: string) {
  await openPerson(page, name)
  await page.getByRole('radio', { name: '現在は扶養していない、または住民票がない' }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('heading', { name: '対象外に設定しました' })).toBeVisible()
  await checkScreen(page, 'not-applicable')
  await page.getByRole('button', { name: 'TOP に戻る' }).click()
}

/** 「完了」, then 「提出する」 in the last confirmation. */
export async function submitAll(page: Page) {
  const done = page.getByRole('button', { name: '完了' })
  await expect(done).toBeEnabled()
  await done.click()
  const confirm = page.getByRole('alertdialog', { name: 'この内容で提出します。よろしいですか？' })
  await expect(confirm).toBeVisible()
  await checkScreen(page, 'submit-confirm')
  await confirm.getByRole('button', { name: '提出する' }).click()
  await expect(page.getByRole('heading', { name: '登録処理は完了です' })).toBeVisible()
}

/** The row of a person in the list, with its status mark. */
export const personRow = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name })
