/**
 * The employee's first load on a slow phone: starts the built product (e2e/server.ts), opens
 * the demo login URL `/t/<token>` in headless Chromium throttled through the Chrome DevTools
 * Protocol the way Lighthouse's mobile preset is (1.6 Mbps down, 750 kbps up, 150 ms RTT,
 * 4× CPU), and prints the medians of:
 * - the JavaScript transferred (Network.loadingFinished encodedDataLength of every Script
 *   response: compressed body plus response headers) by the time the password field shows,
 *   and all of it once the network has been idle for a second (lazy chunks fetched early);
 * - the time from navigation start until the password field is visible (measured in the page:
 *   a MutationObserver, then the next animation frame, against performance.timeOrigin).
 * Each run uses a fresh browser context (empty cache). The budget is ≤ 120 KB and ≤ 1.5 s.
 *
 * Run: pnpm bench:first-load  (builds the SPA first; RUNS=<n> to change the number of runs)
 */
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../e2e/chromium.ts'
import { startProduct } from '../e2e/server.ts'

const RUNS = Number(process.env.RUNS ?? 7)
/** Lighthouse's "Slow 4G" mobile throttling, in the units CDP takes (bytes/s, ms). */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }
const CPU_SLOWDOWN = 4
const PASSWORD_FIELD = 'input[type="password"]'

interface Run {
  passwordFieldMs: number
  jsBytesAtField: number
  jsBytesSettled: number
  scripts: number
}

async function measure(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'ja-JP' })
  try {
    const page = await context.newPage()
    // In the page, before any of its own scripts: note when the field first paints. A string,
    // not a function: tsx's keepNames would wrap a function in a __name() the page lacks.
    await page.addInitScript(`(() => {
      const seen = () => {
        const field = document.querySelector(${JSON.stringify(PASSWORD_FIELD)})
        if (!field || field.getClientRects().length === 0) return false
        requestAnimationFrame(() => { window.__passwordFieldMs ??= performance.now() })
        return true
      }
      new MutationObserver((_records, observer) => { if (seen()) observer.disconnect() })
        .observe(document, { childList: true, subtree: true })
    })()`)

    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', NETWORK)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    const scripts = new Set<string>()
    const finished: { requestId: string; bytes: number; at: number }[] = []
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.add(event.requestId)
    })
    cdp.on('Network.loadingFinished', (event) => finished.push({ requestId: event.requestId, bytes: event.encodedDataLength, at: Date.now() }))

    await page.goto(url, { waitUntil: 'commit' })
    await page.locator(PASSWORD_FIELD).waitFor({ state: 'visible', timeout: 60_000 })
    const passwordFieldMs = await page.waitForFunction('window.__passwordFieldMs').then((handle) => handle.jsonValue() as Promise<number>)
    const atField = Date.now()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000)
    const js = finished.filter((f) => scripts.has(f.requestId))
    const sum = (list: typeof js) => list.reduce((total, f) => total + f.bytes, 0)
    return { passwordFieldMs, jsBytesAtField: sum(js.filter((f) => f.at <= atField)), jsBytesSettled: sum(js), scripts: js.length }
  } finally {
    await context.close()
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const product = await startProduct()
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: QUIET_CHROMIUM_ARGS,
})
try {
  await measure(browser, product.loginUrl) // warm-up: the server's first answers, Chromium's first context
  const runs: Run[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, product.loginUrl))
  const fieldMs = runs.map((run) => run.passwordFieldMs)
  console.log(
    `first load of ${new URL(product.loginUrl).pathname.replace(/[^/]+$/, '<token>')}: 1.6 Mbps / 150 ms RTT / ${CPU_SLOWDOWN}× CPU, median of ${RUNS} cold runs`,
  )
  console.log(
    `  password field visible: ${median(fieldMs).toFixed(0)} ms (min ${Math.min(...fieldMs).toFixed(0)}, max ${Math.max(...fieldMs).toFixed(0)}) — budget 1500 ms`,
  )
  console.log(`  JS transferred by then: ${kb(median(runs.map((run) => run.jsBytesAtField)))} — budget 120 KB`)
  console.log(`  JS transferred after 1 s idle: ${kb(median(runs.map((run) => run.jsBytesSettled)))} in ${median(runs.map((run) => run.scripts))} scripts`)
} finally {
  await browser.close()
  await product.stop()
}
