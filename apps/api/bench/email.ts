/**
 * E-mail throughput to a local SMTP server (smtp-server on 127.0.0.1) and the cost of issuing
 * credentials from the console. Prints figures, asserts nothing.
 * Run: pnpm --filter @bango/api bench:email [count] [postgresql://… for PostgreSQL instead of PGlite]
 */
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { createCampaign, createCompany, createOperator } from '../test/factories.ts'
import { startEmailWorker } from '../src/domain/admin/email-worker.ts'
import { createSmtpMailer } from '../src/lib/mailer.ts'
import { createTestContext } from '../test/harness.ts'
import { startSmtpSink } from '../test/smtp-sink.ts'

const COUNT = Number(process.argv[2] ?? 1000)
const serverUrl = process.argv[3]
const CONCURRENCY = 5

const smtp = await startSmtpSink()
const mailer = createSmtpMailer({ url: smtp.url, from: 'hr@example.test', maxConnections: CONCURRENCY })
// Without a server URL: the embedded database, as `pnpm start` runs it.
const context = await createTestContext({ mailer, publicUrl: 'http://localhost:3000' }, { serverUrl })
const { app, db } = context
const { services } = app

async function campaignOf(count: number) {
  const company = await createCompany(db)
  const campaign = await createCampaign(db, company.id)
  await db.person.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      campaignId: campaign.id,
      kind: 'EMPLOYEE' as const,
      employeeNumber: `E${i}`,
      name: `社員 ${i}`,
      kana: 'シャイン',
      relationship: '本人',
      birthDate: new Date('1980-01-01T00:00:00Z'),
      email: `e${i}@example.test`,
    })),
  })
  const { operator } = await createOperator(services.operators, { assignments: [{ companyId: company.id, role: 'operator' }] })
  return {
    campaign,
    operator: { operatorId: operator.id, sessionId: randomUUID(), email: operator.email, name: operator.name, isSystemAdmin: false, address: '127.0.0.1' },
  }
}

async function timeBatch(kind: 'credentials' | 'reminder') {
  const { campaign, operator } = await campaignOf(COUNT)
  const before = smtp.accepted.length
  const start = performance.now()
  const scope = await services.access.forCampaign(operator, campaign.id)
  const batch = await services.emailBatches.create(scope, { kind })
  for (;;) {
    const current = await services.emailBatches.get(scope, batch.id)
    if (current.finishedAt) {
      const seconds = (performance.now() - start) / 1000
      const received = smtp.accepted.length - before
      console.log(
        `${kind.padEnd(11)} batch of ${COUNT}: ${seconds.toFixed(1)} s, ${(current.counts.sent / seconds).toFixed(0)} messages/s (sent ${current.counts.sent}, received ${received})`,
      )
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

console.log(`database: ${context.databaseKind}, SMTP concurrency ${CONCURRENCY}, ${os.cpus().length} cores`)
const worker = await startEmailWorker(services.emailDelivery, { intervalMs: 200, concurrency: CONCURRENCY, log: app.log })
await timeBatch('reminder')
await timeBatch('credentials')
await worker.stop()

const { campaign, operator } = await campaignOf(COUNT)
const start = performance.now()
const issued = await services.credentialIssuing.issue(await services.access.forCampaign(operator, campaign.id))
const seconds = (performance.now() - start) / 1000
console.log(
  `console issue of ${issued.credentials.length}: ${seconds.toFixed(1)} s (${((seconds * 1000) / COUNT).toFixed(1)} ms per employee, argon2 two at a time)`,
)

await context.close()
mailer.close()
await smtp.close()
