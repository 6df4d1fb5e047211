/** Wires the domain services together; decorated on the Fastify instance as `app.services`. */
import os from 'node:os'
import type { Db, Tx } from './db/types.ts'
import { createAccess } from './domain/admin/access.ts'
import { createAuditViewer } from './domain/admin/audit-viewer.ts'
import { createAccountReset } from './domain/admin/account-reset.ts'
import { createAdminSessions } from './domain/admin/admin-sessions.ts'
import { createCampaigns } from './domain/admin/campaigns.ts'
import { createCompanies } from './domain/admin/companies.ts'
import { createCredentialIssuing } from './domain/admin/credential-issuing.ts'
import { createDashboard } from './domain/admin/dashboard.ts'
import { createAccessReport } from './domain/admin/access-report.ts'
import { createCampaignRecords } from './domain/admin/campaign-records.ts'
import { createDisposalActions } from './domain/admin/disposal-actions.ts'
import { createDisposalRecords } from './domain/admin/disposal-records.ts'
import { createRetentionShortenings } from './domain/admin/retention-shortenings.ts'
import { createLeavingDates } from './domain/admin/leaving-dates.ts'
import { createDocumentViewer } from './domain/admin/document-viewer.ts'
import { createDocumentsArchive } from './domain/admin/documents-archive.ts'
import { createEmailBatches } from './domain/admin/email-batches.ts'
import { createEmailDelivery } from './domain/admin/email-delivery.ts'
import { createEmployeeImport } from './domain/admin/employee-import.ts'
import { createNumberOcr } from './domain/admin/number-ocr.ts'
import { createNumberReads } from './domain/number-reads.ts'
import { createNumberSealing } from './domain/admin/number-sealing.ts'
import { createOperatorAccounts } from './domain/admin/operator-accounts.ts'
import { createOperators } from './domain/admin/operator-authentication.ts'
import { createRedisUnknownAddressLocks } from './domain/admin/unknown-address-locks.ts'
import { createPayrollExport } from './domain/admin/payroll-export.ts'
import { createPayrollLayouts } from './domain/admin/payroll-layout.ts'
import { createPersonNumbers } from './domain/admin/person-number.ts'
import { createRetention } from './domain/admin/retention.ts'
import { createReview } from './domain/admin/review.ts'
import { createSettings } from './domain/admin/settings.ts'
import { createNetworkSettings } from './domain/admin/network-settings.ts'
import { createCompanySettings } from './domain/admin/company-settings.ts'
import { createAuditLog } from './domain/audit.ts'
import { createConsents } from './domain/consents.ts'
import { createEmployeeLanguage } from './domain/employee-language.ts'
import { UNKNOWN_TOKEN_AUDIT_WINDOW_MS, createCredentials } from './domain/credentials.ts'
import { createDrafts } from './domain/drafts.ts'
import { createHandoffs } from './domain/handoffs.ts'
import { createPendingBlobs } from './domain/pending-blobs.ts'
import { createPersons } from './domain/persons.ts'
import { createSessions } from './domain/sessions.ts'
import { createSubmissions } from './domain/submissions.ts'
import type { BlobStore } from './lib/blob-store.ts'
import type { Secrets } from './lib/keys.ts'
import type { Mailer } from './lib/mailer.ts'
import type { Redis } from './lib/redis.ts'
import { createRedisRepeatCounter } from './lib/repeat-counter.ts'
import { type WorkQueueOptions, createWorkQueue } from './lib/work-queue.ts'
import { type ImageProcessor, type NumberReader, inProcessImages } from './lib/image-pool.ts'
import { type ReadCache, noReadCache } from './lib/read-cache.ts'
import { type ReadinessCheck, blobStoreCheck, redisCheck } from './lib/readiness.ts'

export interface ServiceDeps {
  db: Db
  blobs: BlobStore
  secrets: Secrets
  now?: () => Date
  /** Base of the login URLs handed to employees. */
  publicUrl?: string
  /** Image decoding at once / waiting / how long (lib/work-queue.ts); by default one per core. */
  imageWorkOptions?: WorkQueueOptions
  /** Where images are decoded: a pool of child processes (server.ts), in this process by default. */
  images?: ImageProcessor
  /** Outgoing e-mail; without it the e-mail actions answer EMAIL_NOT_CONFIGURED. */
  mailer?: Mailer | null
  /** Reads numbers off images (OCR, seconds of CPU each): a pool of its own at the lowest priority (server.ts); `images` by default. */
  numberReader?: NumberReader
  /** Reads each number-bearing image as it is uploaded (domain/number-reads.ts): the server does; tests and tools only when they ask. */
  readNumbersAtUpload?: boolean
  /** Where work done after a response (a read at upload) reports its failures: the app's logger. */
  logger?: { warn(object: object, message: string): void }
  /** Dependencies besides the database and blob store that must answer before traffic comes (e.g. Redis). */
  readinessChecks?: ReadinessCheck[]
  /** State shared by several instances (REDIS_URL); without it, this process's memory. */
  redis?: Redis | null
  /** Sessions' standing and the summary held between announced changes (server.ts, on PostgreSQL); every read goes to the database by default. */
  readCache?: ReadCache
}

/** `concurrency` image decodes at once (one per core or image worker); a few may wait up to 10 s (a phone retries on 503). */
export const imageWorkLimits = (concurrency: number): WorkQueueOptions => ({ concurrency, maxWaiting: concurrency * 4, maxWaitMs: 10_000 })

export function createServices({
  db,
  blobs,
  secrets,
  now = () => new Date(),
  publicUrl = 'http://localhost:3000',
  mailer = null,
  imageWorkOptions = imageWorkLimits(os.availableParallelism()),
  images = inProcessImages(),
  numberReader = images,
  readNumbersAtUpload = false,
  logger,
  readinessChecks = [],
  redis = null,
  readCache = noReadCache,
}: ServiceDeps) {
  const audit = createAuditLog(db)
  const imageWork = createWorkQueue(imageWorkOptions)
  const pendingBlobs = createPendingBlobs(db, blobs)
  const numberReads = createNumberReads(db, secrets.keyring, numberReader, { blobs, pendingBlobs }, { enabled: readNumbersAtUpload, log: logger })
  const drafts = createDrafts(db, blobs, pendingBlobs, secrets.keyring, audit, imageWork, images, numberReads)
  const sessions = createSessions(db, secrets.jwtSecret, now)
  const unknownTokens = redis ? createRedisRepeatCounter(redis, 'unknown-token', UNKNOWN_TOKEN_AUDIT_WINDOW_MS) : undefined
  const credentials = createCredentials(db, audit, sessions, now, unknownTokens, readCache)
  const access = createAccess(db)
  const adminSessions = createAdminSessions(db, now)
  const operators = createOperators(db, secrets.keyring, audit, now, redis ? createRedisUnknownAddressLocks(redis) : undefined)
  const emailDelivery = createEmailDelivery(db, credentials, audit, mailer, publicUrl, now)
  const numberSealing = createNumberSealing(secrets.keyring, secrets.numberHmacKey)
  const handoffs = createHandoffs(db, credentials, audit, now)
  const databaseCheck = async () => void (await db.$queryRaw`SELECT 1`)
  return {
    audit,
    pendingBlobs,
    drafts,
    credentials,
    handoffs,
    sessions,
    consents: createConsents(db, audit, readCache),
    employeeLanguage: createEmployeeLanguage(db),
    persons: createPersons(db, drafts, secrets.keyring, audit),
    submissions: createSubmissions(db, drafts, audit, sessions, handoffs),
    employeeImport: createEmployeeImport(db, audit, now),
    access,
    adminSessions,
    operators,
    operatorAccounts: createOperatorAccounts(db, access, operators, adminSessions, createAccountReset(adminSessions, now), audit, now),
    companies: createCompanies(db, access, audit),
    campaigns: createCampaigns(db, drafts, audit, now),
    settings: createSettings(db, audit),
    networkSettings: createNetworkSettings(db, audit),
    companySettings: createCompanySettings(db, audit),
    auditViewer: createAuditViewer(db, access, audit),
    disposalActions: createDisposalActions(db, drafts, audit, now),
    disposalRecords: createDisposalRecords(db, audit),
    campaignRecords: createCampaignRecords(db, now),
    accessReport: createAccessReport(db, audit, now),
    retentionShortenings: createRetentionShortenings(db, audit, now),
    leavingDates: createLeavingDates(db, audit, now),
    retention: createRetention(db, drafts, audit),
    dashboard: createDashboard(db, audit, now),
    review: createReview(db, audit, now),
    documentViewer: createDocumentViewer(db, blobs, secrets.keyring, audit, now),
    credentialIssuing: createCredentialIssuing(db, credentials, audit, publicUrl, now),
    emailDelivery,
    personNumbers: createPersonNumbers(db, numberSealing, secrets.keyring, audit, now, numberReads),
    payrollExport: createPayrollExport(db, numberSealing, audit),
    payrollLayouts: createPayrollLayouts(db, audit),
    documentsArchive: createDocumentsArchive(db, blobs, secrets.keyring, audit, now),
    numberReads,
    numberOcr: createNumberOcr(db, blobs, secrets.keyring, numberReader, numberReads, audit),
    emailBatches: createEmailBatches(db, audit, { configured: mailer !== null, onEnqueued: emailDelivery.notify, now }),
    /** One transaction across services (each takes the `tx`). */
    transaction: <T>(run: (tx: Tx) => Promise<T>) => db.$transaction(run),
    imageWork,
    images,
    readCache,
    health: { check: databaseCheck },
    /** What /api/health/ready checks (lib/readiness.ts). */
    readiness: [
      { name: 'database', check: databaseCheck },
      blobStoreCheck(blobs),
      ...(redis ? [redisCheck(redis)] : []),
      ...readinessChecks,
    ] satisfies ReadinessCheck[],
  }
}
export type Services = ReturnType<typeof createServices>
