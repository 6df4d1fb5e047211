#!/usr/bin/env node
/**
 * CI's dependency audit: `pnpm audit --prod`, failing on high or critical advisories. When the
 * advisory service cannot be reached (this machine's registry answers 405), it says so loudly —
 * "dependencies NOT audited" — and exits 0, rather than passing silently or blocking CI on the
 * network. Any other failure of `pnpm audit` fails.
 *
 *   node scripts/audit-deps.mjs
 *   BANGO_AUDIT_JSON=scripts/audit-fixtures/high.json node scripts/audit-deps.mjs   # a canned answer
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const FAIL_AT = ['high', 'critical']
/** pnpm's codes for "no usable answer from the advisory service", and network errors. */
const UNREACHABLE = /^(ERR_PNPM_AUDIT_|ERR_PNPM_FETCH_|ERR_PNPM_META_FETCH_FAIL|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ENETUNREACH)/

function runAudit() {
  if (process.env.BANGO_AUDIT_JSON) return { source: process.env.BANGO_AUDIT_JSON, output: fs.readFileSync(process.env.BANGO_AUDIT_JSON, 'utf8') }
  const result = spawnSync('pnpm', ['audit', '--prod', '--json'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 })
  if (result.error) return { source: 'pnpm audit', output: JSON.stringify({ error: { code: result.error.code ?? 'SPAWN', message: result.error.message } }) }
  return { source: 'pnpm audit', output: result.stdout || result.stderr }
}

const { source, output } = runAudit()
let report
try {
  report = JSON.parse(output)
} catch {
  console.error(`pnpm audit: unreadable answer from ${source}:\n${output.slice(0, 2000)}`)
  process.exit(1)
}

if (report.error) {
  const { code = 'unknown', message = '' } = report.error
  if (UNREACHABLE.test(code)) {
    console.log(`pnpm audit: the advisory service could not be reached (${code}: ${message.replace(/\s+/g, ' ').trim()}): dependencies NOT audited`)
    process.exit(0)
  }
  console.error(`pnpm audit failed (${code}): ${message}`)
  process.exit(1)
}

const counts = report.metadata?.vulnerabilities ?? {}
const advisories = Object.values(report.advisories ?? {})
const blocking = advisories.filter((advisory) => FAIL_AT.includes(advisory.severity))
const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ')
const audited = report.metadata?.dependencies ?? report.metadata?.totalDependencies
console.log(`pnpm audit --prod: ${summary}${audited === undefined ? '' : ` in ${audited} dependencies`}`)
for (const advisory of blocking) {
  const paths = (advisory.findings ?? [])
    .flatMap((finding) => finding.paths ?? [])
    .slice(0, 3)
    .join('; ')
  console.error(
    `  ${advisory.severity.toUpperCase()} ${advisory.module_name} ${advisory.vulnerable_versions ?? ''}: ${advisory.title} ${advisory.url ?? ''}${paths ? ` (via ${paths})` : ''}`,
  )
}
const highOrWorse = FAIL_AT.reduce((sum, level) => sum + (counts[level] ?? 0), 0)
if (blocking.length > 0 || highOrWorse > 0) {
  console.error(
    `pnpm audit: ${Math.max(blocking.length, highOrWorse)} high or critical advisories in production dependencies: upgrade or override them (pnpm.overrides).`,
  )
  process.exit(1)
}
