/**
 * The server (`pnpm start` runs its bundle, apps/api/dist/server.js): configuration, keys,
 * database (migrated), the demo on a fresh embedded database, then listen (and the metrics
 * listener when METRICS_PORT is set). Closes gracefully on SIGINT/SIGTERM (lib/shutdown.ts).
 */
// First, before any other module is evaluated: V8's heap flags, one of which restarts the process with it.
import './lib/v8-heap.ts'
import { build } from './app.ts'
import { ConfigError, type Config, loadConfig } from './config.ts'
import { openConfiguredDatabase } from './db/database.ts'
import { seedDemo } from './demo.ts'
import { startEmailWorker } from './domain/admin/email-worker.ts'
import { startRetentionJob } from './domain/admin/retention-job.ts'
import { startSweeper } from './domain/sweeper.ts'
import { imageWorkLimits } from './services.ts'
import { loadSecrets } from './lib/keys.ts'
import { armKillPoint } from './lib/kill-points.ts'
import { createLeadership, soleInstance } from './lib/leadership.ts'
import { openRedis } from './lib/redis.ts'
import { openBlobStore } from './lib/open-blob-store.ts'
import { PRIVATE_UMASK, preparePrivateDataDir } from './lib/data-dir.ts'
import { createSmtpMailer } from './lib/mailer.ts'
import { createImagePool, inProcessImages } from './lib/image-pool.ts'
import { createMetrics } from './lib/metrics.ts'
import { startMetricsServer } from './lib/metrics-server.ts'
import { createChangeFeed } from './lib/change-feed.ts'
import { createReadCache, noReadCache } from './lib/read-cache.ts'
import { DEFAULT_TIMEOUTS } from './lib/http-server.ts'
import { closeGracefully } from './lib/shutdown.ts'
import { logUnreadiness } from './lib/readiness.ts'

// Every file the server creates (database, blobs, keys) is private to its user.
process.umask(PRIVATE_UMASK)
let config: Config
try {
  config = loadConfig(process.env)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  // One message that says what to fix; a stack trace would only bury it.
  console.error(error.message)
  process.exit(1)
}
armKillPoint(config.killAt)
const dataDir = await preparePrivateDataDir(config.dataDir)
const { secrets, createdFile } = await loadSecrets(config)
const database = await openConfiguredDatabase(config)
const blobs = openBlobStore(config)
const mailer = config.smtp ? createSmtpMailer(config.smtp) : null
const metrics = createMetrics({ processMetrics: true })
const redis = config.redisUrl ? openRedis(config.redisUrl) : null
// On PostgreSQL the database announces every change to what sessions and summaries are read
// from, so they are held in memory between changes (ADR 028). The embedded database reads afresh.
const changes = config.databaseUrl ? createChangeFeed(config.databaseUrl) : null
const images = config.imageWorkers > 0 ? createImagePool({ size: config.imageWorkers }) : inProcessImages()
const app = await build({
  db: database.prisma,
  blobs,
  secrets,
  rateLimits: config.rateLimits,
  webRoot: config.webDist,
  trustProxy: config.trustProxy,
  publicUrl: config.publicUrl,
  mailer,
  redis,
  images,
  // IMAGE_WORKERS=0 decodes in this process, one image at a time.
  imageWorkOptions: imageWorkLimits(Math.max(1, config.imageWorkers)),
  // OCR takes seconds of CPU: one child of its own, below the decoding children, so it only uses what they leave.
  numberReader: config.imageWorkers > 0 ? createImagePool({ size: 1, niceness: 19 }) : images,
  readNumbersAtUpload: config.readNumbersAtUpload,
  log: { level: config.logLevel },
  timeouts: { ...DEFAULT_TIMEOUTS, keepAliveMs: config.keepAliveMs },
  metrics,
  readCache: changes ? createReadCache(changes) : noReadCache,
})
void changes?.start(app.log)

if (createdFile) {
  app.log.warn(
    { file: createdFile },
    'Generated the encryption keys (mode 0600). Back this file up: without it no stored document can be read. Production (DATABASE_URL) takes BANGO_KEKS, BANGO_JWT_SECRET and BANGO_NUMBER_HMAC_KEY from the environment instead (pnpm keys:generate).',
  )
}
if (dataDir.tightenedFrom) {
  app.log.warn({ dir: config.dataDir, was: dataDir.tightenedFrom.toString(8) }, 'The data folder was readable by other users; it is now 0700.')
}
// What would keep this instance unready (an S3 bucket never created, Redis down) is said at once,
// in words, not only as the load balancer's 503s; it starts anyway and turns ready when it answers.
await logUnreadiness(app.services.readiness, app.log)
if (database.applied.length > 0) app.log.info({ migrations: database.applied, database: database.kind }, 'migrations applied')

// A fresh embedded database gets a demo company so that `pnpm start` shows the whole product.
const demo = database.kind === 'pglite' && (await database.prisma.company.count()) === 0 ? await seedDemo(database.prisma, app.services) : null

// On PostgreSQL any number of instances may share the database: the scheduled passes run on the
// leader only; the e-mail worker runs everywhere, its claims leased (docs/decisions/021-many-instances.md).
const leadership = config.databaseUrl ? createLeadership(config.databaseUrl, app.log) : soleInstance
const sweeper = startSweeper(app.services.drafts, {
  intervalMs: config.sweepIntervalMs,
  log: app.log,
  metrics,
  leadership,
  credentialBatches: app.services.credentialIssuing,
})
const retentionJob = startRetentionJob(app.services.retention, { intervalMs: config.retentionIntervalMs, log: app.log, metrics, leadership })
const emailWorker = mailer
  ? await startEmailWorker(app.services.emailDelivery, { ...config.emailWorker, log: app.log, metrics, soleInstance: !config.databaseUrl })
  : null
// Without a listener ioredis prints its connection errors to the console; they belong in the log.
redis?.on('error', (error: Error) => app.log.error({ err: error }, 'redis connection error'))
await app.listen({ port: config.port, host: config.host })
const metricsServer = config.metrics ? await startMetricsServer(metrics.registry, config.metrics) : null
if (config.metrics) app.log.info({ host: config.metrics.host, port: config.metrics.port }, 'metrics listener at /metrics')
if (demo) {
  console.log(`Demo login: ${config.publicUrl}/t/${demo.employee.token}  password: ${demo.employee.password}`)
  console.log(`Admin login: ${config.publicUrl}/admin  email: ${demo.admin.email}  one-time password: ${demo.admin.password}`)
  console.log('  (changed at the first sign-in, within 72 hours; then 2-step sign-in with an authenticator app is set up)')
}

let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    // Requests in flight (uploads) finish while the jobs stop; new ones are refused (lib/shutdown.ts).
    const http = closeGracefully(app, { graceMs: config.shutdownGraceMs })
    await sweeper.stop()
    await retentionJob.stop()
    await leadership.close()
    await changes?.close()
    // Mail in flight gets the grace period too; what is still SENDING after it becomes UNKNOWN at the next start.
    await emailWorker?.stop({ graceMs: config.shutdownGraceMs })
    mailer?.close()
    const { forced } = await http
    if (forced) app.log.warn({ graceMs: config.shutdownGraceMs }, 'requests still in flight after the grace period were cut off')
    await metricsServer?.close()
    await database.close()
    redis?.disconnect()
    blobs.close()
    process.exit(0)
  })
}
