/**
 * The employee manual's whole flow on a phone, photographing with the (fake) rear camera,
 * then the submission checked in the database the server wrote.
 */
import { documentAad } from '../apps/api/src/domain/drafts.ts'
import { createFileBlobStore } from '../apps/api/src/lib/blob-store.ts'
import { decryptBlob } from '../apps/api/src/lib/envelope.ts'
import { loadSecrets } from '../apps/api/src/lib/keys.ts'
import { loadConfig } from '../apps/api/src/config.ts'
import { expect, test } from './fixtures.ts'
import * as wizard from './wizard.ts'

test('login → consent → 扶養追加 → 対象外 → 通知カード + 2 identity documents → マイナンバーカード → 完了', async ({ page, server }) => {
  await wizard.logIn(page, server)
  await wizard.expectFitsScreen(page)
  await wizard.consent(page)
  await expect(page.getByText(/時間が過ぎると、画像は安全のため削除されます/)).toBeVisible()
  await wizard.expectFitsScreen(page)

  // 扶養追加: the new dependent goes straight into their documents — a マイナンバーカード.
  await page.getByRole('button', { name: '扶養追加' }).click()
  // 「次へ」 with nothing filled in: every field says what is missing.
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByLabel('氏名')).toBeFocused()
  await wizard.checkScreen(page, 'add-dependent-errors')
  await page.getByLabel('氏名').fill('総合 次郎')
  await page.getByLabel('フリガナ（カタカナ）').fill('ソウゴウ ジロウ')
  await page.getByLabel('続柄').selectOption({ label: '子' })
  await page.getByLabel('生年月日').fill('2019-07-07')
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('heading', { name: '総合 次郎 さんの書類登録' })).toBeVisible()
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  await wizard.captureDocument(page, wizard.photograph, { back: true })
  await wizard.confirmAndRegister(page, 2)
  await expect(wizard.personRow(page, '総合 次郎')).toContainText('☑')

  // One pre-registered dependent is no longer a dependent.
  await wizard.markNotApplicable(page, '総合 花子')
  await expect(wizard.personRow(page, '総合 花子')).toContainText('対象外')

  // The employee: 通知カード (no back), then two identity documents without photo.
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /通知カード/)
  await wizard.captureDocument(page, wizard.photograph, { back: false })
  await expect(page.getByRole('heading', { name: '身元確認書類の登録' })).toBeVisible()
  await wizard.expectFitsScreen(page)
  await wizard.checkScreen(page, 'identity-photo')
  await page.getByRole('radio', { name: 'いいえ、持っていません（2種類必要です）。' }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  await wizard.checkScreen(page, 'identity-type')
  await page.getByRole('radio', { name: '健康保険証／資格確認書' }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  // Phones also offer a photo already taken (manual: 「フォトライブラリ」/「ギャラリー」): one second action.
  await expect(page.getByLabel('写真を選ぶ')).toHaveCount(1)
  // 健康保険証: each side waits on the masking screen until a box is dragged over it.
  await wizard.captureDocument(page, wizard.photographAndMask, { back: true })
  await wizard.expectFitsScreen(page)
  await page.getByRole('radio', { name: '年金手帳' }).check()
  await page.getByRole('button', { name: '次へ' }).click()
  await wizard.captureDocument(page, wizard.photograph, { back: false })
  await wizard.confirmAndRegister(page, 4)

  // The remaining pre-registered dependent: マイナンバーカード.
  await expect(page.getByRole('button', { name: '完了' })).toBeDisabled()
  await wizard.openPerson(page, '総合 一郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  await wizard.captureDocument(page, wizard.photograph, { back: true })
  await wizard.confirmAndRegister(page, 2)

  // Registered images can no longer be viewed.
  await wizard.openPerson(page, '総合 一郎')
  await expect(page.getByRole('heading', { name: 'この方の書類は登録済みです' })).toBeVisible()
  await expect(page.getByRole('img')).toHaveCount(0)
  await page.getByRole('button', { name: 'TOP に戻る' }).click()

  await wizard.submitAll(page)
  await wizard.expectFitsScreen(page)
  await wizard.checkScreen(page, 'receipt')
  // The receipt: who and which documents, never an image.
  const receipt = page.getByRole('region', { name: '提出内容の控え' })
  await expect(receipt.getByRole('row')).toHaveText([
    /氏名/,
    /総合 太郎（本人）通知カード、健康保険証／資格確認書、年金手帳/,
    /総合 花子.*対象外/,
    /総合 一郎.*マイナンバーカード/,
    /総合 次郎（子）マイナンバーカード/,
  ])
  // The 受付番号 to quote to HR: the submission's, "3F2A-91BC".
  await expect(receipt.getByRole('definition').filter({ hasText: /^[0-9A-F]{4}-[0-9A-F]{4}$/ })).toBeVisible()
  await expect(page.getByRole('img')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'この控えを印刷する' })).toBeVisible()
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/employee-receipt-320.png`, fullPage: true })

  // What the server kept: one submission with every image, encrypted, each a real JPEG photo of the card.
  const database = await server.stopAndOpenDatabase()
  try {
    const submission = await database.prisma.submission.findFirstOrThrow({ include: { documents: true } })
    const persons = await database.prisma.person.findMany()
    expect(persons.map((p) => [p.name, p.status]).sort()).toEqual([
      ['総合 一郎', 'REGISTERED'],
      ['総合 太郎', 'REGISTERED'],
      ['総合 次郎', 'REGISTERED'],
      ['総合 花子', 'NOT_APPLICABLE'],
    ])
    expect(submission.documents).toHaveLength(8)
    expect(await database.prisma.document.count({ where: { state: 'DRAFT' } })).toBe(0)
    const { secrets } = await loadSecrets(loadConfig({ DATA_DIR: server.dataDir }))
    const blobs = createFileBlobStore(`${server.dataDir}/blobs`)
    for (const document of submission.documents) {
      const ciphertext = await blobs.get(document.blobKey)
      const jpeg = decryptBlob(secrets.keyring, ciphertext, documentAad(document))
      expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
      // Nothing of the image in the clear: its first 64 bytes (the JPEG's header and tables) are
      // nowhere in the blob. Any three given bytes, such as FF D8 FF, turn up by chance about once
      // in 16 MB of ciphertext, so a check on those failed now and then; 64 bytes cannot.
      expect(ciphertext.includes(jpeg.subarray(0, 64))).toBe(false)
      expect(jpeg.includes(Buffer.from('Exif\0\0'))).toBe(false)
      expect(document.width).toBeGreaterThan(300)
    }
  } finally {
    await database.close()
  }
})
