/**
 * 健康保険証 masking on a PC (mouse, then keyboard): the picture is held until a box is drawn,
 * and what the server keeps has the box burnt into its pixels. Other identity documents skip
 * the tool.
 */
import type { Locator, Page } from '@playwright/test'
import { documentAad } from '../apps/api/src/domain/drafts.ts'
import { createFileBlobStore } from '../apps/api/src/lib/blob-store.ts'
import { decryptBlob } from '../apps/api/src/lib/envelope.ts'
import { loadSecrets } from '../apps/api/src/lib/keys.ts'
import { loadConfig } from '../apps/api/src/config.ts'
import { expect, test } from './fixtures.ts'
import * as wizard from './wizard.ts'

/** The masked box, as fractions of the picture: a plain light area of the card's face in card.jpg. */
const BOX = { left: 0.5, top: 0.52, right: 0.7, bottom: 0.64 }
const INSIDE = { x: (BOX.left + BOX.right) / 2, y: (BOX.top + BOX.bottom) / 2 }
/** Same light area, to the right of the box. */
const OUTSIDE = { x: 0.8, y: INSIDE.y }

type Side = 'おもて面' | 'うら面'

/** Chooses card.jpg, checks the picture is held unsent, draws one box (mouse or keyboard) and sends. */
async function chooseAndMask(page: Page, side: Side, by: 'mouse' | 'keyboard') {
  await page.getByLabel('写真を選ぶ').setInputFiles(wizard.CARD_JPEG)
  const canvas = page.getByRole('application', { name: `${side}の画像（なぞって隠す部分を指定します）` })
  await expect(canvas).toBeVisible()
  const send = page.getByRole('button', { name: '隠して送信する' })
  await expect(send).toBeDisabled()
  await expect(page.getByText(/告知要求制限/)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toHaveCount(0)
  // card.jpg is 640 × 480: a (non-blocking) quality hint says so.
  await expect(page.getByText('画像が小さいようです', { exact: false })).toBeVisible()

  if (by === 'mouse') await dragBox(page, canvas)
  else {
    await canvas.focus()
    for (const key of ['ArrowDown', 'Shift+ArrowRight', 'Enter']) await page.keyboard.press(key)
  }
  await expect(page.getByText('隠した部分：1 か所')).toBeVisible()
  await expect(send).toBeEnabled()
  await send.click()

  await expect(page.getByRole('img', { name: `${side}の画像` })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible()
}

/** Drags BOX with the mouse, up and to the left: the box is normalised whichever way it is drawn. */
async function dragBox(page: Page, canvas: Locator) {
  // The mouse only reaches what is on screen.
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  const area = (await canvas.boundingBox())!
  await page.mouse.move(area.x + area.width * BOX.right, area.y + area.height * BOX.bottom)
  await page.mouse.down()
  await page.mouse.move(area.x + area.width * BOX.left, area.y + area.height * BOX.top, { steps: 8 })
  await page.mouse.up()
}

/** Decodes a JPEG in the browser (sharp is not reachable from e2e/) and reads two pixels. */
async function readPixels(page: Page, jpeg: Buffer, points: { x: number; y: number }[]) {
  return page.evaluate(
    async ({ base64, points }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }))
      const canvas = document.createElement('canvas')
      canvas.width = bitmap.width
      canvas.height = bitmap.height
      const context = canvas.getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      return {
        width: bitmap.width,
        height: bitmap.height,
        pixels: points.map(({ x, y }) => [...context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)]),
      }
    },
    { base64: jpeg.toString('base64'), points },
  )
}

test('健康保険証 is masked before upload; 年金手帳 is not', async ({ page, server }) => {
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /通知カード/)
  await wizard.captureDocument(page, wizard.chooseFile, { back: false })

  await page.getByRole('radio', { name: 'いいえ、持っていません（2種類必要です）。' }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  await page.getByRole('radio', { name: '健康保険証／資格確認書' }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  await chooseAndMask(page, 'おもて面', 'mouse')
  await page.getByRole('button', { name: 'うら面へ進む' }).click()
  await chooseAndMask(page, 'うら面', 'keyboard')
  await page.getByRole('button', { name: '次へ' }).click()

  await page.getByRole('radio', { name: '年金手帳' }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  await wizard.captureDocument(page, wizard.chooseFile, { back: false })
  await expect(page.getByRole('button', { name: '隠して送信する' })).toHaveCount(0)
  await wizard.confirmAndRegister(page, 4)

  const database = await server.stopAndOpenDatabase()
  const stored: { width: number; height: number; jpeg: Buffer }[] = []
  try {
    const { secrets } = await loadSecrets(loadConfig({ DATA_DIR: server.dataDir }))
    const blobs = createFileBlobStore(`${server.dataDir}/blobs`)
    for (const side of ['FRONT', 'BACK'] as const) {
      const document = await database.prisma.document.findFirstOrThrow({
        where: { role: 'IDENTITY', slot: 0, side, type: 'health_insurance' },
      })
      stored.push({ ...document, jpeg: decryptBlob(secrets.keyring, await blobs.get(document.blobKey), documentAad(document)) })
    }
  } finally {
    await database.close()
  }

  // おもて面: the dragged box; うら面: the keyboard frame, which starts centred.
  for (const [image, inside] of [
    [stored[0]!, INSIDE],
    [stored[1]!, { x: 0.5, y: 0.5 }],
  ] as const) {
    const at = (point: { x: number; y: number }) => ({ x: point.x * image.width, y: point.y * image.height })
    const decoded = await readPixels(page, image.jpeg, [at(inside), at(OUTSIDE)])
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: image.width, height: image.height })
    const [masked, plain] = decoded.pixels
    for (const channel of masked!) expect(channel).toBeLessThan(24)
    expect(Math.min(...plain!)).toBeGreaterThan(150)
  }
})
