/**
 * Configuration, read and validated once at boot; nothing else reads `process.env`.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Which X-Forwarded-For entries to believe: none (`false`), the last N hops (a number: the
 * proxies in front of Bango), or only entries added by these proxy addresses/CIDRs. `true`
 * (believe any client) is refused: a client could then pick its own address and escape every
 * per-IP limit.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === 'false' || value === '0' || value === '') return false as const
    if (/^\d+$/.test(value)) return Number(value)
    if (value === 'true') {
      context.addIssue({ code: 'custom', message: 'true would trust any client\'s X-Forwarded-For: give the number of proxies in front of Bango (e.g. 1) or their addresses/CIDRs' })
      return z.NEVER
    }
    const entries = value.split(',').map((entry) => entry.trim())
    if (entries.some((entry) => !/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(entry))) {
      context.addIssue({ code: 'custom', message: 'expected false, a hop count, or proxy addresses/CIDRs separated by commas' })
      return z.NEVER
    }
    return entries
  })

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Base of the URLs handed to employees; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** PostgreSQL; when absent, an embedded PGlite database lives in DATA_DIR. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  /** Key-encryption keys, `id:base64(32 bytes)` comma-separated, the first one active. */
  BANGO_KEKS: z.string().optional(),
  /** HS256 secret for employee JWTs, base64 of ≥ 32 bytes. */
  BANGO_JWT_SECRET: z.string().optional(),
  /** HMAC-SHA256 key of the recorded My Numbers (duplicate detection), base64 of ≥ 32 bytes. */
  BANGO_NUMBER_HMAC_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default(false),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  NOT_FOUND_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().positive().default(300),
  /** How often the retention job looks for submissions whose retention period ended. */
  RETENTION_INTERVAL_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Outgoing mail: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; unset: e-mail is off. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** The From of employee mail, e.g. `"人事部" <hr@example.co.jp>`. */
  MAIL_FROM: z.string().min(3).optional(),
  EMAIL_WORKER_INTERVAL_SECONDS: z.coerce.number().positive().default(5),
  /** Messages in flight at once (also the SMTP pool size). */
  EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'apps/web/dist')),
})

export interface Config {
  port: number
  host: string
  publicUrl: string
  databaseUrl: string | undefined
  dataDir: string
  keks: string | undefined
  jwtSecret: string | undefined
  numberHmacKey: string | undefined
  logLevel: string
  trustProxy: false | number | string[]
  rateLimits: { loginPerMinute: number; uploadPerMinute: number; notFoundPerMinute: number }
  sweepIntervalMs: number
  retentionIntervalMs: number
  /** null: no SMTP_URL, e-mail actions answer EMAIL_NOT_CONFIGURED. */
  smtp: { url: string; from: string; maxConnections: number } | null
  emailWorker: { intervalMs: number; concurrency: number }
  webDist: string
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  const e = result.data
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    keks: e.BANGO_KEKS,
    jwtSecret: e.BANGO_JWT_SECRET,
    numberHmacKey: e.BANGO_NUMBER_HMAC_KEY,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimits: { loginPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE, uploadPerMinute: e.UPLOAD_RATE_LIMIT_PER_MINUTE, notFoundPerMinute: e.NOT_FOUND_RATE_LIMIT_PER_MINUTE },
    sweepIntervalMs: e.SWEEP_INTERVAL_SECONDS * 1000,
    retentionIntervalMs: e.RETENTION_INTERVAL_SECONDS * 1000,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? `no-reply@${new URL(publicUrl).hostname}`, maxConnections: e.EMAIL_CONCURRENCY } : null,
    emailWorker: { intervalMs: e.EMAIL_WORKER_INTERVAL_SECONDS * 1000, concurrency: e.EMAIL_CONCURRENCY },
    webDist: path.resolve(e.WEB_DIST),
  }
}
