/**
 * The console's sign-ins as the e2e tests drive them. A new installation requires two-step
 * sign-in, and the demo administrator's printed password is a one-time password: the first
 * sign-in changes it, then sets up TOTP, before anything else opens.
 */
import { type Page, expect } from '@playwright/test'
import { TOTP } from 'otpauth'
import { expectAccessible } from './axe.ts'
import type { ProductServer } from './server.ts'
import { recordSecret } from './server-logs.ts'

/** The demo administrator's own password, chosen at the first sign-in. */
export const ADMIN_PASSWORD = 'demo-admin-password-2026'

/**
 * 2 段階認証の設定 on the screen it is open on: the password again, the QR code's secret and a
 * code, then the recovery codes, shown once (recorded: no log may hold them).
 */
export async function enrol(page: Page, password: string, what: string) {
  await page.getByLabel('現在のパスワード').fill(password)
  await page.getByRole('button', { name: '次へ' }).click()
  const secret = (await page.locator('code.admin-secret').textContent())!.trim()
  recordSecret(`${what} TOTP secret`, secret)
  await expectAccessible(page, `2 段階認証の設定（${what}）`)
  const totp = new TOTP({ secret })
  await page.getByLabel('確認コード（6 桁）').fill(totp.generate())
  await page.getByRole('button', { name: '設定する' }).click()
  const shown = page.getByRole('list', { name: '回復コードの一覧' }).locator('code')
  await expect(shown).toHaveCount(10)
  const codes = await shown.allTextContents()
  for (const code of codes) recordSecret(`${what} recovery code`, code.replaceAll('-', ''))
  await expectAccessible(page, `回復コード（${what}）`)
  await page.getByLabel('回復コードを保管しました').check()
  await page.getByRole('button', { name: '続ける' }).click()
  return { totp, codes }
}

/** A one-time password changed on the screen the sign-in leads to. */
export async function changeOneTimePassword(page: Page, oneTime: string, password: string, what: string) {
  recordSecret('typed password', password)
  await expect(page.getByRole('heading', { name: 'パスワード変更' })).toBeVisible()
  await expectAccessible(page, `パスワード変更（${what}）`)
  await page.getByLabel('現在のパスワード').fill(oneTime)
  await page.getByLabel('新しいパスワード', { exact: true }).fill(password)
  await page.getByLabel('新しいパスワード（確認）').fill(password)
  await page.getByRole('button', { name: 'パスワードを変更する' }).click()
}

/** The demo administrator's first sign-in: the printed one-time password, a new one, then TOTP. */
export async function firstAdminSignIn(page: Page, server: ProductServer) {
  await page.goto(server.admin.url)
  await page.getByLabel('メールアドレス').fill(server.admin.email)
  await page.getByLabel('パスワード').fill(server.admin.password)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await changeOneTimePassword(page, server.admin.password, ADMIN_PASSWORD, 'admin')
  await expect(page.getByRole('heading', { name: '2 段階認証の設定' })).toBeVisible()
  const enrolled = await enrol(page, ADMIN_PASSWORD, 'admin')
  await expect(page.getByRole('link', { name: 'アカウント', exact: true })).toBeVisible()
  return enrolled
}

/** A later sign-in: password, then the authenticator's code (`offsetSteps` periods on, so that no code is used twice). */
export async function signInWithCode(page: Page, server: ProductServer, totp: TOTP, offsetSteps: number) {
  await page.goto(server.admin.url)
  await page.getByLabel('メールアドレス').fill(server.admin.email)
  await page.getByLabel('パスワード').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page.getByRole('heading', { name: '確認コード' })).toBeVisible()
  await expectAccessible(page, '確認コード')
  await page.getByLabel('確認コード（6 桁）').fill(totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 }))
  await page.getByRole('button', { name: '確認する' }).click()
}
