/**
 * Nothing lost (ADR 022): on a 320×568 phone with the fake camera, a reload in the middle of a
 * step, the phone's back button and a session expiry followed by a new login all return the
 * employee to the same person and step (a new tab: to the step the server's draft shows), with the images already sent shown as sent — and the
 * flow still reaches 完了.
 */
import { expect, test } from './fixtures.ts'
import * as wizard from './wizard.ts'

test.use({ viewport: { width: 320, height: 568 } })

const sent = (page: import('@playwright/test').Page, side: 'おもて面' | 'うら面') => [
  expect(page.getByRole('img', { name: `${side}の画像` })).toBeVisible(),
  expect(page.getByRole('status').filter({ hasText: '画像を保存しました' })).toBeVisible(),
]

test('reload, back button and a new login after the session expired resume the same person and step, then 完了', async ({ page, server }) => {
  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)
  await wizard.photograph(page, 'おもて面')

  // Reload in the middle of the step: still 太郎's front, the picture shown as sent (fetched back from the draft).
  await page.reload()
  await expect(page.getByRole('heading', { name: '総合 太郎 さんの書類登録' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'おもて面' })).toBeVisible()
  await Promise.all(sent(page, 'おもて面'))
  expect(new URL(page.url()).searchParams.get('step')).toBe('capture:number-0-front')

  // The phone's back button is 「戻る」: back to the front from the back step, forward again.
  await page.getByRole('button', { name: 'うら面を撮影する' }).click()
  await expect(page.getByRole('heading', { name: 'うら面' })).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'おもて面' })).toBeVisible()
  await Promise.all(sent(page, 'おもて面'))
  await page.goForward()
  await expect(page.getByRole('heading', { name: 'うら面' })).toBeVisible()
  await wizard.photograph(page, 'うら面')

  // Another tab (a closed and reopened one keeps nothing): the server's draft alone brings 太郎 back, at 確認.
  const tab = await page.context().newPage()
  await tab.goto(server.loginUrl)
  await tab.getByLabel('パスワード', { exact: true }).fill(server.password)
  await tab.getByRole('button', { name: '次へ' }).click()
  // Half done, not 未登録: his draft has both images.
  await expect(wizard.personRow(tab, '総合 太郎')).toContainText('入力途中')
  await expect(wizard.personRow(tab, '総合 花子')).toContainText('未登録')
  await wizard.openPerson(tab, '総合 太郎')
  await expect(tab.getByRole('heading', { name: '確認' })).toBeVisible()
  await expect(tab.getByRole('button', { name: /を拡大して確認$/ })).toHaveCount(2)
  await tab.close()

  // The session ends (its token no longer accepted): the next load says so, and what is kept.
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('bango-session')!)
    sessionStorage.setItem('bango-session', JSON.stringify({ ...session, state: { ...session.state, accessToken: 'expired.session.token' } }))
  })
  await page.reload()
  await expect(page.getByRole('heading', { name: '一定時間操作がなかったため、ログアウトしました' })).toBeVisible()
  await expect(page.getByText('登録中の方の送信済みの画像も保存されています', { exact: false })).toBeVisible()

  // A new login in the same tab lands on the same person and step, both images as sent.
  await page.goto(server.loginUrl)
  await page.getByLabel('パスワード', { exact: true }).fill(server.password)
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('heading', { name: '総合 太郎 さんの書類登録' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'うら面' })).toBeVisible()
  await Promise.all(sent(page, 'うら面'))
  await page.getByRole('button', { name: '次へ' }).click()
  // And a reload on 確認 keeps 確認, both thumbnails there.
  await expect(page.getByRole('heading', { name: '確認' })).toBeVisible()
  await page.reload()
  await wizard.confirmAndRegister(page, 2)

  // The others are not dependents any more; then 完了.
  await wizard.markNotApplicable(page, '総合 花子')
  await wizard.markNotApplicable(page, '総合 一郎')
  await wizard.submitAll(page)
})
