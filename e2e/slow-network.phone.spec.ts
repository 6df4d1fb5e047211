/**
 * The employee SPA on a slow phone network (1.6 Mbps, 150 ms RTT, through the DevTools
 * protocol): the first load fetches only the login screen's scripts, a screen whose chunk is
 * still downloading shows the announced loading status, and a chunk that fails to download
 * offers a reload that brings the employee back to the same screen, still signed in.
 */
import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import * as wizard from './wizard.ts'

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  })
}

/** Holds the responses of matching requests until `release()`. */
async function hold(page: Page, pattern: RegExp) {
  let release = () => undefined as void
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let held = 0
  await page.route(pattern, async (route: Route) => {
    held++
    await released
    await route.continue()
  })
  return { release, held: () => held }
}

test('loads only the login up front, then each screen when needed — with a loading status and a way out of a failed download', async ({ page, server }) => {
  await throttle(page)
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })

  await page.goto(server.loginUrl)
  await expect(page.getByLabel('パスワード', { exact: true })).toBeVisible()
  await page.waitForLoadState('networkidle')
  // Before the password field is touched: the entry and what index.html preloads, nothing else.
  const firstLoad = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel=modulepreload]')).map(
      (element) => new URL('src' in element ? element.src : element.href).pathname,
    ),
  )
  expect(firstLoad.length).toBeGreaterThan(0)
  expect(scripts.toSorted()).toEqual(firstLoad.toSorted())

  await wizard.logIn(page, server)
  await wizard.consent(page)
  await wizard.openPerson(page, '総合 太郎')
  await wizard.chooseNumberDocument(page, /マイナンバーカード/)

  // The camera's chunk is still on its way: the step says so, then the camera appears.
  const camera = await hold(page, /\/assets\/camera-panel-[^/]+\.js$/)
  await page.getByRole('button', { name: 'おもて面を撮影する' }).click()
  await expect(page.getByRole('status').filter({ hasText: '読み込み中…' })).toBeVisible()
  expect(camera.held()).toBe(1)
  camera.release()
  await expect(page.getByRole('button', { name: '撮影', exact: true })).toBeVisible()
  await wizard.photograph(page, 'おもて面')
  await page.unrouteAll({ behavior: 'wait' })

  // A download that fails (offline for a moment, or a redeploy removed the chunk): a reload, not a blank page.
  await page.goto(new URL('/targets', server.baseUrl).href)
  await expect(page.getByRole('heading', { name: '収集対象者一覧' })).toBeVisible()
  await page.route(/\/assets\/add-dependent-page-[^/]+\.js$/, (route) => route.abort('internetdisconnected'))
  await page.getByRole('button', { name: '扶養追加' }).click()
  await expect(page.getByRole('alert')).toContainText('画面を読み込めませんでした')
  await page.unrouteAll()
  await page.getByRole('button', { name: '再読み込み' }).click()
  await expect(page.getByLabel('氏名')).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/targets/new')
})
