/**
 * Playwright global setup and teardown of the log capture (server-logs.ts): a fresh run folder
 * before the first test; after the last, every captured server log line is scanned, and the
 * run fails, naming the offending lines (redacted), if any carries a secret or personal data.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LOG_DIR_ENV, scanRun } from './server-logs.ts'

export default function globalSetup() {
  // Set here, in the runner's process: workers and the teardown inherit it.
  process.env[LOG_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'bango-e2e-logs-'))
}

export function teardown() {
  const dir = process.env[LOG_DIR_ENV]
  if (!dir) return
  const { files, lines, secrets, events, findings } = scanRun(dir)
  console.log(
    `server logs: ${lines} lines from ${files} servers scanned for ${secrets} recorded secrets, JWTs, cookies, image bytes and 12-digit numbers: ${findings.length} found; events seen: ${[...events].sort().join(', ') || 'none'} (${dir})`,
  )
  const problems = findings.map((finding) => `  ${finding.file}:${finding.line} ${finding.kind}: ${finding.redacted}`)
  // Every e2e run signs in with a wrong password at least once (wizard.ts, the admin spec).
  if (files > 0 && !events.has('authn_login_fail') && !events.has('sensitive_read')) {
    problems.push('  no authn_login_fail or sensitive_read event in any server log: the security events are not logged')
  }
  if (problems.length > 0) throw new Error(`The server logs of this e2e run carry what they must not:\n${problems.join('\n')}`)
  if (!process.env.BANGO_E2E_KEEP_LOGS) fs.rmSync(dir, { recursive: true, force: true })
}
