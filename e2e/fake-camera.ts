/**
 * Videos for Chromium's fake camera, made in the test with sharp: an MJPEG file is JPEG frames one
 * after another, played at 30 frames a second and from the start again at its end. A spec with a
 * video of its own launches a Chromium of its own to play it.
 */
import { type Browser, type Page, chromium } from '@playwright/test'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from './chromium.ts'

// sharp is the API's dependency, not the workspace root's.
type Image = { blur(sigma: number): Image; jpeg(options?: { quality: number }): { toBuffer(): Promise<Buffer> } }
const sharp = createRequire(path.resolve('apps/api/package.json'))('sharp') as (input: Buffer) => Image

/** One frame drawn as SVG, optionally out of focus. */
export function jpegFrame(svg: string, blur = 0): Promise<Buffer> {
  const image = sharp(Buffer.from(svg))
  return (blur > 0 ? image.blur(blur) : image).jpeg({ quality: 90 }).toBuffer()
}

export const writeMjpeg = (file: string, frames: readonly Buffer[]) => fs.writeFile(file, Buffer.concat(frames))

/** Runs `use` with a Chromium whose fake camera plays `video`, closed afterwards. */
export async function withFakeCamera<T>(video: string, use: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...QUIET_CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  })
  try {
    return await use(browser)
  } finally {
    await browser.close()
  }
}

/**
 * Whether the live picture's card outline has been drawn since this was called. The outline lasts
 * only until the card is taken, which on a busy machine can come before an assertion's next look:
 * the page itself notes it (a MutationObserver), and the test asks afterwards.
 */
export async function watchOutline(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const seen = () => document.querySelector('[data-testid="card-outline"]') !== null
    const marker = document.documentElement
    if (seen()) marker.dataset.outlineSeen = 'true'
    new MutationObserver((_records, observer) => {
      if (!seen()) return
      marker.dataset.outlineSeen = 'true'
      observer.disconnect()
    }).observe(document.body, { subtree: true, childList: true })
  })
  return () => page.evaluate(() => document.documentElement.dataset.outlineSeen === 'true')
}
