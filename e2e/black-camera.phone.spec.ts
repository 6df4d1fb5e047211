/**
 * A camera that sends only black frames (a covered lens, or a stream that has not warmed up):
 * 「撮影」 stays disabled, so no black picture is ever sent. This spec launches its own Chromium,
 * whose fake camera plays a black MJPEG made here (fake-camera.ts).
 */
import { devices } from '@playwright/test'
import path from 'node:path'
import { jpegFrame, withFakeCamera, writeMjpeg } from './fake-camera.ts'
import { expect, test } from './fixtures.ts'
import * as wizard from './wizard.ts'

async function blackMjpeg(file: string) {
  const frame = await jpegFrame('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="100%" height="100%" fill="#000"/></svg>')
  await writeMjpeg(
    file,
    Array.from({ length: 10 }, () => frame),
  )
}

test('a black fake-camera frame keeps 「撮影」 disabled', async ({ server, tempDir }) => {
  const video = path.join(tempDir, 'black.mjpeg')
  await blackMjpeg(video)
  await withFakeCamera(video, async (browser) => {
    const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 320, height: 568 }, locale: 'ja-JP', permissions: ['camera'] })
    const page = await context.newPage()
    await wizard.logIn(page, server)
    await wizard.consent(page)
    await wizard.openPerson(page, '総合 太郎')
    await wizard.chooseNumberDocument(page, /マイナンバーカード/)
    await page.getByRole('button', { name: 'おもて面を撮影する' }).click()

    const camera = page.getByRole('dialog', { name: 'おもて面を撮影' })
    // The stream is live (no longer 「起動しています」) but shows nothing: the employee is told to check the lens.
    await expect(camera.getByRole('status')).toHaveText(/カメラの映像を待っています/)
    // The fake device delivers frames (black ones): the refusal is about content, not a missing stream.
    await expect
      .poll(() => camera.locator('video').evaluate((element: HTMLVideoElement) => element.readyState >= 2 && element.videoWidth > 0), { timeout: 10_000 })
      .toBe(true)
    // Several sampling rounds later, still disabled.
    await page.waitForTimeout(1500)
    await expect(camera.getByRole('button', { name: '撮影', exact: true })).toBeDisabled()
    await context.close()
  })
})
