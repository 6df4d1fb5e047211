/**
 * On a PC without a camera: the file input is the path, the camera's absence is explained,
 * and a session that stops before 「完了」 leaves no submission.
 */
import { devices } from '@playwright/test'
import fs from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from './fixtures.ts'
import { recordSecret } from './server-logs.ts'
import * as wizard from './wizard.ts'

test('a PC user registers with files only and completes', async ({ page, server }) => {
  await wizard.logIn(page, server)
  await wizard.consent(page)

  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  // No camera on this machine: 「写真を選ぶ」 is the main action, no camera button, and the
  // 「スマートフォンで続ける」 QR code is offered right on the capture screen.
  const actions = page.locator('.capture-actions').locator('button, label')
  await expect(actions).toHaveText(['写真を選ぶ'])
  await expect(actions.first()).not.toHaveClass(/button--secondary/)
  await expect(page.getByRole('button', { name: 'おもて面を撮影する' })).toHaveCount(0)
  const handoff = page.getByRole('region', { name: 'スマートフォンで続ける' })
  await expect(handoff).toBeVisible()
  await handoff.getByRole('button', { name: 'QR コードを表示する' }).click()
  await expect(handoff.getByRole('img', { name: 'スマートフォンで読み取る QR コード' })).toBeVisible()
  const phoneUrl = await handoff.locator('.handoff__url').textContent()
  if (process.env.E2E_SCREENSHOTS) {
    await page.setViewportSize({ width: 320, height: 568 })
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/capture-pc-file-first-320.png`, fullPage: true })
    await page.setViewportSize(devices['Desktop Chrome'].viewport)
  }
  // A phone scans it: the PC's panel says the phone has taken over (it polls while the code is shown).
  const phone = await page.context().browser()!.newContext()
  const phonePage = await phone.newPage()
  await phonePage.goto(phoneUrl!)
  // 「この画面の続きから」: the same person and step as the PC (マイナンバーカード chosen, its おもて面), no password.
  await expect(phonePage.getByRole('heading', { name: '総合 太郎 さんの書類登録' })).toBeVisible()
  await expect(phonePage.getByRole('heading', { name: 'おもて面' })).toBeVisible()
  expect(new URL(phonePage.url()).hash).toBe('')
  await phone.close()
  await expect(handoff.getByText('スマートフォンで続きを開きました', { exact: false })).toBeVisible()
  await expect(handoff.getByRole('img', { name: 'スマートフォンで読み取る QR コード' })).toHaveCount(0)
  await wizard.captureDocument(page, wizard.chooseFile, { back: true })
  await wizard.confirmAndRegister(page, 2)

  await wizard.markNotApplicable(page, '総合 花子')
  await wizard.markNotApplicable(page, '総合 一郎')
  await wizard.submitAll(page)

  const database = await server.stopAndOpenDatabase()
  try {
    // Nothing in the data folder is open to other users: the folder and the database's own folder
    // are 0700 (PGlite sets its files' modes itself), blobs and keys are private (umask 077).
    const ours = (await fs.readdir(server.dataDir, { recursive: true, withFileTypes: true }))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !file.startsWith(path.join(server.dataDir, 'pglite', path.sep)))
    const loose = []
    for (const file of [server.dataDir, ...ours]) if (((await fs.stat(file)).mode & 0o077) !== 0) loose.push(file)
    expect(loose).toEqual([])
    const submission = await database.prisma.submission.findFirstOrThrow({ include: { documents: true } })
    expect(submission.documents.map((d) => d.side).sort()).toEqual(['BACK', 'FRONT'])
  } finally {
    await database.close()
  }
})

test('stopping before 「完了」 leaves no submission', async ({ page, server }) => {
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  await wizard.captureDocument(page, wizard.chooseFile, { back: true })
  await wizard.confirmAndRegister(page, 2)
  await page.close()

  const database = await server.stopAndOpenDatabase()
  try {
    expect(await database.prisma.submission.count()).toBe(0)
    expect(await database.prisma.document.count({ where: { state: 'SUBMITTED' } })).toBe(0)
    expect(await database.prisma.document.count({ where: { state: 'DRAFT' } })).toBe(2)
  } finally {
    await database.close()
  }
})

test('a PC user continues on a phone by scanning the QR code, once', async ({ page, browser, server }) => {
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await page.getByRole('button', { name: 'QR コードを表示する' }).click()
  await expect(page.getByRole('img', { name: 'スマートフォンで読み取る QR コード' })).toBeVisible()
  const url = (await page.locator('.handoff__url').textContent())!.trim()
  expect(url).toMatch(new RegExp(`^${server.baseUrl}/h/[A-Za-z0-9_-]{43}$`))
  recordSecret('handoff code', url.split('/h/')[1])

  const phone = await browser.newContext({ ...devices['Pixel 7'] })
  try {
    const phonePage = await phone.newPage()
    await phonePage.goto(url)
    await expect(phonePage.getByRole('heading', { name: '収集対象者一覧' })).toBeVisible()
    expect(phonePage.url()).toBe(`${server.baseUrl}/targets`)
    // The phone has no QR panel of its own, and the code is spent.
    await expect(phonePage.getByRole('heading', { name: 'スマートフォンで続ける' })).toHaveCount(0)
    const again = await phone.newPage()
    await again.goto(url)
    await expect(again.getByRole('heading', { name: 'この QR コードは使えません' })).toBeVisible()
  } finally {
    await phone.close()
  }
})
