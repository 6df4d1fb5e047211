/**
 * Configuration, read and validated once at boot; nothing else reads `process.env`.
 */
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { KEY_VARIABLES, type KeyVariable, keyParsers } from './lib/keys.ts'
import { type KillPlan, parseKillPlan } from './lib/kill-points.ts'

/** Defined (true) by the bundler, apps/api/build.mjs; undeclared when run from source. */
declare const BANGO_BUNDLED: boolean | undefined
const HERE = path.dirname(fileURLToPath(import.meta.url))
const BUNDLED = typeof BANGO_BUNDLED !== 'undefined' && BANGO_BUNDLED

/**
 * Files the server reads besides its code. The built artifact keeps them next to itself
 * (apps/api/dist/web, apps/api/dist/migrations), so it runs wherever that folder is put; run
 * from source (tests, benches), they are the repository's.
 */
export const ASSETS = BUNDLED
  ? { webDist: path.join(HERE, 'web'), migrations: path.join(HERE, 'migrations') }
  : { webDist: path.resolve(HERE, '../../web/dist'), migrations: path.resolve(HERE, '../../../prisma/migrations') }

/** A configuration the server must not start with; its message is complete, printed without a stack. */
export class ConfigError extends Error {}

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
      context.addIssue({
        code: 'custom',
        message: "true would trust any client's X-Forwarded-For: give the number of proxies in front of Bango (e.g. 1) or their addresses/CIDRs",
      })
      return z.NEVER
    }
    const entries = value.split(',').map((entry) => entry.trim())
    if (entries.some((entry) => !/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(entry))) {
      context.addIssue({ code: 'custom', message: 'expected false, a hop count, or proxy addresses/CIDRs separated by commas' })
      return z.NEVER
    }
    return entries
  })

/** A key from the environment, checked by the parser that will use it; the key itself never appears in a message. */
const key = (name: KeyVariable) =>
  z
    .string()
    .superRefine((value, context) => {
      try {
        keyParsers[name](value)
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message.replace(`${name}: `, '') })
      }
    })
    .optional()

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1')

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /** Base of the URLs handed to employees; defaults to http://localhost:PORT. */
    PUBLIC_URL: z.url().optional(),
    /** PostgreSQL; when absent, an embedded PGlite database lives in DATA_DIR. */
    DATABASE_URL: z.string().startsWith('postgres').optional(),
    /** Relative to the working directory: `pnpm start` runs in the repository, so ./data there. */
    DATA_DIR: z.string().default('data'),
    /** Key-encryption keys, `id:base64(32 bytes)` comma-separated, the first one active. */
    BANGO_KEKS: key('BANGO_KEKS'),
    /** HS256 secret for employee JWTs, base64 of ≥ 32 bytes. */
    BANGO_JWT_SECRET: key('BANGO_JWT_SECRET'),
    /** HMAC-SHA256 key of the recorded My Numbers (duplicate detection), base64 of ≥ 32 bytes. */
    BANGO_NUMBER_HMAC_KEY: key('BANGO_NUMBER_HMAC_KEY'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustProxy.default(false),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
    NOT_FOUND_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
    SWEEP_INTERVAL_SECONDS: z.coerce.number().int().positive().default(300),
    /** How often the retention job looks for submissions whose retention period ended. */
    RETENTION_INTERVAL_SECONDS: z.coerce.number().int().positive().default(3600),
    /** Outgoing mail: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; unset: e-mail is off. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    /** The From of employee mail, e.g. `"人事部" <hr@example.co.jp>`. */
    MAIL_FROM: z.string().min(3).optional(),
    EMAIL_WORKER_INTERVAL_SECONDS: z.coerce.number().positive().default(5),
    /** Messages in flight at once (also the SMTP pool size). */
    EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
    WEB_DIST: z.string().default(ASSETS.webDist),
    /** Where the encrypted blobs live: `fs` (DATA_DIR/blobs, the default) or `s3`. */
    BLOB_STORE: z.enum(['fs', 's3']).default('fs'),
    S3_BUCKET: z.string().min(3).optional(),
    /** A non-AWS endpoint, e.g. `https://minio.internal:9000`; AWS's own when absent. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_FORCE_PATH_STYLE: flag.default(false),
    /** Test-only hooks (crash injection); never set in production. */
    BANGO_TEST_HOOKS: flag.default(false),
    /** With BANGO_TEST_HOOKS=1: SIGKILL the server at this kill point (`name` or `name#N`, lib/kill-points.ts). */
    BANGO_TEST_KILL_AT: z.string().optional(),
    /** Prometheus metrics (GET /metrics) on this port of their own; unset: no metrics listener. Never the public PORT. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Address of the metrics listener: loopback unless the scraper runs elsewhere. */
    METRICS_HOST: z.string().default('127.0.0.1'),
    /** How long requests in flight (uploads) may take to finish after SIGTERM before they are cut. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().max(600).default(25),
    /**
     * How long an idle keep-alive connection waits for its next request. Behind a load balancer that
     * reuses its connections to Bango (an AWS ALB keeps them 60 s), set it above the balancer's idle
     * timeout, or the balancer sends a request onto a connection Bango is closing: a rare 502.
     */
    KEEP_ALIVE_SECONDS: z.coerce.number().positive().max(3600).default(5),
    /** Child processes that decode uploads, at a lower CPU priority (lib/image-pool.ts); 0: in the server's process. */
    IMAGE_WORKERS: z.coerce.number().int().min(0).max(64).default(os.availableParallelism()),
    /** Read the number off each number-bearing upload (ADR 042): in one more child at the lowest priority (IMAGE_WORKERS=0: in this process). */
    READ_NUMBERS_AT_UPLOAD: flag.default(true),
    /** Shared state of several instances (rate limits, repeat counters), e.g. `redis://redis.internal:6379/0`; unset: in memory. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  })
  .superRefine((env, context) => {
    if (env.DATABASE_URL) {
      const missing = KEY_VARIABLES.filter((name) => !env[name])
      if (missing.length > 0) context.addIssue({ code: 'custom', path: [], message: missingKeysMessage(missing) })
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT)
      context.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT: metrics are never served on the public port' })
    if (env.BLOB_STORE === 's3' && !env.S3_BUCKET) context.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when BLOB_STORE=s3' })
    // The built artifact is what production runs: test hooks exist only when run from source.
    if (env.BANGO_TEST_HOOKS && BUNDLED)
      context.addIssue({ code: 'custom', path: ['BANGO_TEST_HOOKS'], message: 'test hooks are not available in the built server' })
    if (env.BANGO_TEST_KILL_AT !== undefined && !env.BANGO_TEST_HOOKS) {
      context.addIssue({ code: 'custom', path: ['BANGO_TEST_KILL_AT'], message: 'a test hook: refused unless BANGO_TEST_HOOKS=1' })
    }
  })

/**
 * On PostgreSQL several instances share one database: generating keys per instance would make
 * each unable to read the others' images and sessions, so nothing is generated there.
 */
function missingKeysMessage(missing: KeyVariable[]): string {
  return (
    `DATABASE_URL is set, so the keys must be configured (every instance needs the same ones; none are generated): missing ${missing.join(', ')}. ` +
    '`pnpm keys:generate` (or `node apps/api/dist/keys-generate.js`) prints a fresh set as environment lines; keep them in a secret store. ' +
    'A database that already holds data needs the keys it was written with (an older installation has them in DATA_DIR/keys.json: keks, jwtSecret, numberHmacKey).'
  )
}

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
  /** Credentials of the S3 store come from the SDK's default chain (AWS_ACCESS_KEY_ID …), not from here. */
  blobStore: { kind: 'fs' } | { kind: 's3'; bucket: string; endpoint: string | undefined; region: string; forcePathStyle: boolean }
  /** Crash injection (tests only): where the server kills itself. */
  killAt: KillPlan | null
  /** null: no metrics listener. */
  metrics: { host: string; port: number } | null
  shutdownGraceMs: number
  keepAliveMs: number
  redisUrl: string | undefined
  imageWorkers: number
  readNumbersAtUpload: boolean
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ')
    throw new ConfigError(`Invalid configuration: ${problems}`)
  }
  const e = result.data
  let killAt: KillPlan | null
  try {
    killAt = e.BANGO_TEST_KILL_AT ? parseKillPlan(e.BANGO_TEST_KILL_AT) : null
  } catch (error) {
    throw new ConfigError(`Invalid configuration: BANGO_TEST_KILL_AT: ${(error as Error).message}`)
  }
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
    rateLimits: {
      loginPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
      uploadPerMinute: e.UPLOAD_RATE_LIMIT_PER_MINUTE,
      notFoundPerMinute: e.NOT_FOUND_RATE_LIMIT_PER_MINUTE,
    },
    sweepIntervalMs: e.SWEEP_INTERVAL_SECONDS * 1000,
    retentionIntervalMs: e.RETENTION_INTERVAL_SECONDS * 1000,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? `no-reply@${new URL(publicUrl).hostname}`, maxConnections: e.EMAIL_CONCURRENCY } : null,
    emailWorker: { intervalMs: e.EMAIL_WORKER_INTERVAL_SECONDS * 1000, concurrency: e.EMAIL_CONCURRENCY },
    webDist: path.resolve(e.WEB_DIST),
    blobStore:
      e.BLOB_STORE === 's3'
        ? { kind: 's3', bucket: e.S3_BUCKET ?? '', endpoint: e.S3_ENDPOINT, region: e.S3_REGION, forcePathStyle: e.S3_FORCE_PATH_STYLE }
        : { kind: 'fs' },
    killAt,
    metrics: e.METRICS_PORT === undefined ? null : { host: e.METRICS_HOST, port: e.METRICS_PORT },
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    keepAliveMs: e.KEEP_ALIVE_SECONDS * 1000,
    redisUrl: e.REDIS_URL,
    imageWorkers: e.IMAGE_WORKERS,
    readNumbersAtUpload: e.READ_NUMBERS_AT_UPLOAD,
  }
}
