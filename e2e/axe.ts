/** axe-core in the page (evaluated over the DevTools protocol, so the CSP does not block it). */
import { type Page, expect } from '@playwright/test'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/**
 * No WCAG 2.x A/AA violation on the screen as it is now: of serious or critical impact, or of any
 * impact with `allImpacts` (the employee's screens).
 */
export async function expectAccessible(page: Page, screen: string, options: { allImpacts?: boolean } = {}) {
  // E2E_SCREENSHOTS=<dir> keeps a full-page picture of every screen checked, for review.
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, `${screen}.png`), fullPage: true })
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations
  })
  const serious = violations
    .filter((v) => options.allImpacts || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, `axe on ${screen}`).toEqual([])
}
