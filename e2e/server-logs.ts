/**
 * The log capture of a whole e2e run. Every product server writes its
 * stdout/stderr to a file in the run folder; tests record each secret they are handed (URL
 * tokens, passwords, cookies, keys) in `secrets.jsonl` there; the global teardown scans every
 * log line for those secrets, any JWT, admin cookie values, image bytes and 12-digit numbers.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { DEMO_LINES } from '../apps/api/test/instances.ts'

export const LOG_DIR_ENV = 'BANGO_E2E_LOG_DIR'
const SECRETS_FILE = 'secrets.jsonl'

/** The run folder, or null outside a Playwright run (a spec's helper used elsewhere). */
export const runDir = (): string | null => process.env[LOG_DIR_ENV] ?? null

/** A log file for one server in the run folder, or null. */
export function serverLogFile(name: string): string | null {
  const dir = runDir()
  return dir ? path.join(dir, `${name}.log`) : null
}

/** Remembers a secret the run issued or typed: no server log line may contain it. */
export function recordSecret(kind: string, value: string | undefined | null) {
  const dir = runDir()
  if (!dir || !value) return
  fs.appendFileSync(path.join(dir, SECRETS_FILE), `${JSON.stringify({ kind, value })}\n`)
}

/** Records every cookie value of a browser context (the admin session cookie among them). */
export async function recordCookies(context: BrowserContext) {
  for (const cookie of await context.cookies()) recordSecret(`cookie ${cookie.name}`, cookie.value)
}

/** The lines the server prints on purpose for the operator at the terminal (demo credentials). */
const BANNER = [DEMO_LINES.employee, DEMO_LINES.admin]

interface Pattern {
  kind: string
  find: RegExp
}
const PATTERNS: Pattern[] = [
  { kind: 'JWT', find: /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/ },
  { kind: 'admin cookie value', find: /bango_admin=(?!\[redacted\]|;|"|$)[^;\s"]+/ },
  { kind: 'JPEG bytes', find: /\xff\xd8\xff|\\u00ff\\u00d8|ffd8ff[0-9a-f]{2}|\/9j\/[A-Za-z0-9+/]{16}/i },
  { kind: 'PNG bytes', find: /\x89PNG|\\u0089PNG|89504e470d0a1a0a|iVBORw0KGgo/i },
  { kind: 'long base64', find: /[A-Za-z0-9+/_-]{200,}={0,2}/ },
  // 12 digits, plain, spaced or hyphenated — not part of a longer number, a decimal, a word or a
  // UUID (request ids: "12345678-1234-…" must not read as a hyphenated number).
  { kind: '12-digit number', find: /(?<![\w.-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\w-])/ },
]

export interface Finding {
  file: string
  line: number
  kind: string
  redacted: string
}

/** The line with the offending part replaced, shortened: safe to print in CI. */
function redact(line: string, start: number, length: number): string {
  const before = Math.max(0, start - 120)
  const after = start + length + 120
  return `${before > 0 ? '…' : ''}${line.slice(before, start)}[${length} characters redacted]${line.slice(start + length, after)}${after < line.length ? '…' : ''}`
}

export function scanRun(dir: string): { files: number; lines: number; secrets: number; events: Set<string>; findings: Finding[] } {
  const secretsFile = path.join(dir, SECRETS_FILE)
  const secrets = fs.existsSync(secretsFile)
    ? fs
        .readFileSync(secretsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { kind: string; value: string })
        // Too short to be told apart from ordinary text: only whole secrets of 8+ characters.
        .filter((secret) => secret.value.length >= 8)
    : []
  const findings: Finding[] = []
  const events = new Set<string>()
  let lines = 0
  const logs = fs.readdirSync(dir).filter((name) => name.endsWith('.log'))
  for (const name of logs) {
    const banners = new Set<RegExp>()
    fs.readFileSync(path.join(dir, name), 'latin1')
      .split('\n')
      .forEach((line, index) => {
        if (!line) return
        lines += 1
        const banner = BANNER.find((pattern) => pattern.test(line))
        // Each banner line is allowed once per server, at start-up: the demo credentials are printed for the operator.
        if (banner && !banners.has(banner)) {
          banners.add(banner)
          return
        }
        const event = /"event":"([a-z_]+)"/.exec(line)?.[1]
        if (event) events.add(event)
        const report = (kind: string, start: number, length: number) =>
          findings.push({ file: name, line: index + 1, kind, redacted: redact(line, start, length) })
        for (const secret of secrets) {
          for (const spelling of new Set([secret.value, encodeURIComponent(secret.value)])) {
            const at = line.indexOf(spelling)
            if (at !== -1) report(`recorded ${secret.kind}`, at, spelling.length)
          }
        }
        for (const pattern of PATTERNS) {
          const match = pattern.find.exec(line)
          if (match) report(pattern.kind, match.index, match[0].length)
        }
      })
  }
  return { files: logs.length, lines, secrets: secrets.length, events, findings }
}
