/**
 * The capture screen on the narrowest phone (320 × 568, iPhone SE 1st gen): the camera covers the
 * screen with its controls inside it, the preview, its warning and the next step fit one screen,
 * and after 撮り直す the camera is in view again (it used to open above the viewport). A card is
 * outlined in the live picture, taken by itself once held still and sharp, and sent straightened.
 */
import type { Locator, Page } from '@playwright/test'
import { watchOutline } from './fake-camera.ts'
import { expect, test } from './fixtures.ts'
import * as wizard from './wizard.ts'

const VIEWPORT = { width: 320, height: 568 }

async function expectInViewport(page: Page, ...locators: Locator[]) {
  for (const locator of locators) {
    await expect(locator).toBeVisible()
    const box = (await locator.boundingBox())!
    const label = (await locator.textContent()) ?? ''
    // Within a pixel: layout rounds to fractions of one.
    expect(box.x, label).toBeGreaterThanOrEqual(-1)
    expect(box.y, label).toBeGreaterThanOrEqual(-1)
    expect(box.x + box.width, label).toBeLessThanOrEqual(VIEWPORT.width + 1)
    expect(box.y + box.height, label).toBeLessThanOrEqual(VIEWPORT.height + 1)
  }
}

const shot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png` })
}

test('at 320 × 568 the camera, the preview with its warning and the next step, and 撮り直す stay in view', async ({ page, server }) => {
  await page.setViewportSize(VIEWPORT)
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  // A 住民票: an A4 page, framed as one and taken with 「撮影」 (only cards are found and taken automatically).
  await wizard.chooseNumberDocument(page, /住民票/)

  // Before a picture: ONE main action and one second one.
  await expect(page.locator('.capture-actions').locator('button, label')).toHaveText(['おもて面を撮影する', '写真を選ぶ'])
  await shot(page, 'capture-phone-before-320')
  await wizard.checkScreen(page, 'capture-before')

  await page.getByRole('button', { name: 'おもて面を撮影する' }).click()
  const camera = page.getByRole('dialog', { name: 'おもて面を撮影' })
  const shutter = camera.getByRole('button', { name: '撮影', exact: true })
  await expect(shutter).toBeEnabled()
  await expect(camera).toBeFocused()
  await expectInViewport(page, shutter, camera.getByRole('button', { name: 'カメラを閉じる' }))
  await expect(camera.getByRole('status')).toHaveText('書類を白い枠に合わせ、文字がはっきり見えたら「撮影」をタップします。')
  await expect(camera.getByTestId('card-outline')).toHaveCount(0)
  await shot(page, 'capture-phone-camera-320')
  await wizard.checkScreen(page, 'capture-camera')
  await shutter.click()

  // card.mjpeg is 640 × 480: the (advisory) small-picture warning shows under the preview.
  const preview = page.getByRole('img', { name: 'おもて面の画像' })
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible()
  const warning = page.getByText('画像を確認してください')
  const retake = page.getByRole('button', { name: 'おもて面を撮り直す' })
  const next = page.getByRole('button', { name: 'うら面を撮影する' })
  await expect(warning).toBeVisible()
  await expectInViewport(page, preview, warning, retake, next)
  await shot(page, 'capture-phone-preview-warning-320')
  await wizard.checkScreen(page, 'capture-preview-warning')

  // 撮り直す: the camera is in view and focused again, nothing stale behind it.
  await retake.click()
  await expect(camera).toBeFocused()
  await expectInViewport(page, shutter, camera.getByRole('button', { name: 'カメラを閉じる' }))
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toHaveCount(0)
  await expect(next).toHaveCount(0)
  await expect(shutter).toBeEnabled()
  await shutter.click()
  await expectInViewport(page, preview, retake, next)
})

test('a card is outlined in the live picture, taken by itself once held still and sharp, and sent straightened', async ({ page, server }) => {
  await page.setViewportSize(VIEWPORT)
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  await expect(page.getByRole('img', { name: /マイナンバーカードのおもて面の見本/ })).toBeVisible()
  const outlined = await watchOutline(page)
  await page.getByRole('button', { name: 'おもて面を撮影する' }).click()
  // The fake camera holds a card still: outlined, then taken without 「撮影」 being pressed.
  const preview = page.getByRole('img', { name: 'おもて面の画像' })
  await expect(preview).toBeVisible()
  expect(await outlined()).toBe(true)
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible()
  // Only the card was kept, straightened: the card's 85.6 : 54, not the camera's 4 : 3.
  const ratio = await preview.evaluate((image: HTMLImageElement) => image.naturalWidth / image.naturalHeight)
  expect(ratio).toBeCloseTo(85.6 / 54, 1)
  await wizard.checkScreen(page, 'capture-auto-taken')
})

test('a back whose number cannot be read: the preview advises a retake, and the employee can still go on (ADR 042)', async ({ page, server }) => {
  await page.setViewportSize(VIEWPORT)
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  await wizard.photograph(page, 'おもて面')
  // The front carries no number: nothing is said about reading it.
  await page.getByRole('button', { name: 'うら面を撮影する' }).click()
  await wizard.photograph(page, 'うら面')
  // card.mjpeg shows a card without digits: the server reads the back after answering, and says it could not.
  const advice = page.getByText('番号が読み取れませんでした。影や反射がないか確認して、撮り直してください。', { exact: false })
  await expect(advice).toBeVisible({ timeout: 30_000 })
  await wizard.checkScreen(page, 'capture-number-unreadable')
  await shot(page, 'capture-phone-number-unreadable-320')
  await expect(page.getByRole('button', { name: '次へ' })).toBeEnabled()
})
