/**
 * A camera that sends only black frames (a covered lens, or a stream that has not warmed up):
 * 「撮影」 stays disabled, so no black picture is ever sent. This spec launches its own Chromium,
 * whose fake camera plays a black MJPEG made here with sharp.
 */
import { chromium, devices, expect, test } from '@playwright/test'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from './chromium.ts'
import { type ProductServer, startProduct } from './server.ts'
import * as wizard from './wizard.ts'

// sharp is the API's dependency, not the workspace root's.
type Sharp = (options: { create: { width: number; height: number; channels: 3; background: string } }) => { jpeg(): { toBuffer(): Promise<Buffer> } }
const sharp = createRequire(path.resolve('apps/api/package.json'))('sharp') as Sharp

let server: ProductServer
let dir: string
test.beforeEach(async () => {
  server = await startProduct()
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-black-camera-'))
})
test.afterEach(async () => {
  await server?.stop()
  await fs.rm(dir, { recursive: true, force: true })
})

/** An MJPEG file is JPEG frames one after another. */
async function blackMjpeg(file: string) {
  const frame = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#000' } })
    .jpeg()
    .toBuffer()
  await fs.writeFile(file, Buffer.concat(Array.from({ length: 10 }, () => frame)))
}

test('a black fake-camera frame keeps 「撮影」 disabled', async () => {
  const video = path.join(dir, 'black.mjpeg')
  await blackMjpeg(video)
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...QUIET_CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  })
  try {
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
  } finally {
    await browser.close()
  }
})
