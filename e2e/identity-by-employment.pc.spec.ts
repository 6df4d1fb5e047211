/**
 * 身元確認 by the employment relationship (ADR 048): an administrator turns it on for the
 * campaign, and the employee then shows only a number document — a 通知カード, no identity step.
 */
import { expectAccessible } from './axe.ts'
import { firstAdminSignIn } from './admin-sign-in.ts'
import { expect, test } from './fixtures.ts'
import * as wizard from './wizard.ts'

const CAMPAIGN = '2026年 マイナンバー収集'

test('an employee of a campaign relying on the employment relationship registers a 通知カード alone', async ({ page, browser, server }) => {
  await firstAdminSignIn(page, server)
  await page.getByRole('link', { name: '収集依頼', exact: true }).click()
  await page.getByRole('link', { name: `${CAMPAIGN}：設定` }).click()
  const setting = page.getByRole('checkbox', { name: /従業員本人の身元確認を省略する/ })
  await expect(setting).not.toBeChecked()
  await setting.check()
  await expectAccessible(page, '収集依頼の設定（身元確認の省略）')
  await page.getByRole('button', { name: '保存する' }).click()
  await expect(page.getByText('設定を保存しました。')).toBeVisible()

  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  const employee = await context.newPage()
  await wizard.logIn(employee, server)
  await wizard.consent(employee)
  await wizard.openPerson(employee, '総合 太郎')
  // A 通知カード proves the number only while it matches the 住民票: the menu says so.
  await expect(employee.getByText(/氏名・住所などの記載が住民票と同じ場合に限り使えます/)).toBeVisible()
  await wizard.chooseNumberDocument(employee, /通知カード/)
  await wizard.captureDocument(employee, wizard.chooseFile, { back: false })
  // Straight to 確認: no 身元確認書類 step.
  await wizard.confirmAndRegister(employee, 1)
  await expect(wizard.personRow(employee, '総合 太郎')).toContainText('☑')
  await context.close()
})
