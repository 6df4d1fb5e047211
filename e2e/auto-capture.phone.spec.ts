/**
 * The camera takes a card by itself only once it has settled (ADR 044): a fake-camera video of a
 * card sliding into the frame and then held still is taken after it stops, straightened to its
 * corners; videos of a flat grey frame, an empty desk, a blurred card and a card with a lamp
 * reflected on it are not taken within twice that time, the last with the advice to avoid it. Each video is an MJPEG made here with sharp and played by a Chromium of its own.
 */
import { type Browser, devices } from '@playwright/test'
import path from 'node:path'
import { jpegFrame, watchOutline, withFakeCamera, writeMjpeg } from './fake-camera.ts'
import { expect, test } from './fixtures.ts'
import type { ProductServer } from './server.ts'
import * as wizard from './wizard.ts'

const WIDTH = 640
const HEIGHT = 480
/** Chromium plays an MJPEG file at 30 frames a second, from the start again at its end. */
const FPS = 30
/** Where the card comes to rest (a 400 × 252 card: 85.6 : 54), and a red mark on it to find again after straightening. */
const REST = { x: 120, y: 114, width: 400, height: 252 }
const MARK = { x: 24, y: 24, size: 28 }

/**
 * A desk with print on it (clutter), and the card at `x` (its top-left corner), or none; optionally
 * a lamp reflected on it, over the number. The card's paper is a little grey: Chromium's fake camera
 * stretches the levels (as from video range), and a lighter card would play back clipped as a whole.
 */
function frameSvg(cardX: number | null, { desk = '#3a4a3a', glare = false } = {}) {
  const card =
    cardX === null
      ? ''
      : `<g transform="translate(${cardX} ${REST.y})">
          <rect width="${REST.width}" height="${REST.height}" rx="18" fill="#dcd8c6"/>
          <rect x="${MARK.x}" y="${MARK.y}" width="${MARK.size}" height="${MARK.size}" fill="#d62828"/>
          <rect x="80" y="30" width="280" height="14" fill="#333"/>
          <rect x="80" y="60" width="220" height="14" fill="#333"/>
          <text x="30" y="150" font-family="DejaVu Sans Mono" font-size="30" fill="#111">1234 5678 9018</text>
          <rect x="30" y="200" width="330" height="20" fill="#e07a5f"/>
          ${glare ? '<radialGradient id="glare"><stop offset="0.5" stop-color="#fff"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient><circle cx="130" cy="140" r="55" fill="url(#glare)"/>' : ''}
        </g>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="${WIDTH}" height="${HEIGHT}" fill="${desk}"/>
    <rect x="20" y="400" width="140" height="50" fill="#55624f"/><rect x="500" y="30" width="110" height="40" fill="#4a5a44"/>
    ${card}
  </svg>`
}

/** Signs in on a phone and opens the camera for the マイナンバーカード's front; answers when the video plays. */
async function openCamera(server: ProductServer, browser: Browser) {
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 320, height: 568 }, locale: 'ja-JP', permissions: ['camera'] })
  const page = await context.newPage()
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  const outlined = await watchOutline(page)
  await page.getByRole('button', { name: 'おもて面を撮影する' }).click()
  const camera = page.getByRole('dialog', { name: 'おもて面を撮影' })
  await expect
    .poll(() => camera.locator('video').evaluate((element: HTMLVideoElement) => element.readyState >= 2 && element.videoWidth > 0), { timeout: 10_000 })
    .toBe(true)
  return { page, camera, outlined }
}

test('a card sliding in is taken once it has settled, straightened to its corners; flat, empty, blurred and glaring videos are not taken', async ({
  server: first,
  startServer,
  tempDir,
}) => {
  let server = first
  // Five videos, each on a server of its own: about 100 s on a quiet two-core machine, and a loaded one takes a third longer.
  test.setTimeout(240_000)
  // 1.5 s of the card sliding in from the right, then 8 s held still.
  const moving = Array.from({ length: Math.round(1.5 * FPS) }, (_, i) => REST.x + Math.round((WIDTH - REST.x) * (1 - i / (1.5 * FPS))))
  const slide = path.join(tempDir, 'slide.mjpeg')
  const still = await jpegFrame(frameSvg(REST.x))
  await writeMjpeg(slide, [...(await Promise.all(moving.map((x) => jpegFrame(frameSvg(x))))), ...Array.from({ length: 8 * FPS }, () => still)])

  const taken = await withFakeCamera(slide, async (browser) => {
    const { page, outlined } = await openCamera(server, browser)
    const started = Date.now()
    const preview = page.getByRole('img', { name: 'おもて面の画像' })
    await expect(preview).toBeVisible({ timeout: 20_000 })
    expect(await outlined()).toBe(true)
    const seconds = (Date.now() - started) / 1000
    // Straightened: the card alone, at 85.6 : 54, its red mark where it is printed (within a few pixels).
    const found = await preview.evaluate((image: HTMLImageElement) => {
      const canvas = document.createElement('canvas')
      canvas.width = image.naturalWidth
      canvas.height = image.naturalHeight
      const context = canvas.getContext('2d')!
      context.drawImage(image, 0, 0)
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      let sumX = 0
      let sumY = 0
      let count = 0
      for (let y = 0; y < canvas.height; y++) {
        for (let x = 0; x < canvas.width; x++) {
          const i = (y * canvas.width + x) * 4
          if (data[i]! > 170 && data[i + 1]! < 90 && data[i + 2]! < 90) {
            sumX += x
            sumY += y
            count++
          }
        }
      }
      return { width: canvas.width, height: canvas.height, x: sumX / count, y: sumY / count, count }
    })
    const scale = found.width / REST.width
    expect(found.width / found.height).toBeCloseTo(85.6 / 54, 1)
    expect(Math.abs(found.x / scale - (MARK.x + MARK.size / 2))).toBeLessThan(4)
    expect(Math.abs(found.y / scale - (MARK.y + MARK.size / 2))).toBeLessThan(4)
    console.info(
      `auto-capture: taken ${seconds.toFixed(1)} s after the video showed (the card slid for 1.5 s); mark off by ${(found.x / scale - MARK.x - MARK.size / 2).toFixed(1)}, ${(found.y / scale - MARK.y - MARK.size / 2).toFixed(1)} px`,
    )
    return seconds
  })
  // Not before the card stopped: it slid for 1.5 s, then must be still for a moment.
  expect(taken).toBeGreaterThan(1.5)

  // Nothing to take: a flat grey frame, an empty desk, a card out of focus, a card with a reflection over its number.
  // Twice the time, and the camera is still open.
  for (const [name, frame] of [
    [
      'flat',
      await jpegFrame(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#808080"/></svg>`),
    ],
    ['empty', await jpegFrame(frameSvg(null))],
    ['blurred', await jpegFrame(frameSvg(REST.x), 6)],
    ['glare', await jpegFrame(frameSvg(REST.x, { glare: true }))],
  ] as const) {
    const file = path.join(tempDir, `${name}.mjpeg`)
    await writeMjpeg(
      file,
      Array.from({ length: 30 }, () => frame),
    )
    // A fresh installation each time: the demo employee starts before consent again.
    await server.stop()
    server = await startServer()
    await withFakeCamera(file, async (browser) => {
      const { page, camera } = await openCamera(server, browser)
      await page.waitForTimeout(Math.max(2 * taken, 3) * 1000)
      await expect(camera, name).toBeVisible()
      await expect(page.getByRole('img', { name: 'おもて面の画像' }), name).toHaveCount(0)
      if (name === 'glare') await expect(camera.getByText('光の反射を避けてください', { exact: false })).toBeVisible()
    })
  }
})
