import { DOCUMENTS_TO_PREPARE_JA } from '@bango/shared/documents'
import { emailBatchPreviewSchema, emailBatchSchema, emailBatchesResponseSchema } from '@bango/shared/admin-credentials'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { createCampaign, createEmployee } from './factories.ts'
import { createEmailDelivery } from '../src/domain/admin/email-delivery.ts'
import { type EmailWorker, startEmailWorker } from '../src/domain/admin/email-worker.ts'
import { type Mailer, createSmtpMailer } from '../src/lib/mailer.ts'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts'
import { submittedEmployee } from './number-helpers.ts'

const PUBLIC_URL = 'http://bango.example.test:8080'
const DEADLINE = new Date('2026-12-25T14:59:00Z') // 2026年12月25日 23:59 in Japan

let context: TestContext
let smtp: SmtpSink
let mailer: Mailer
const logLines: string[] = []
const workers: EmailWorker[] = []

beforeAll(async () => {
  smtp = await startSmtpSink()
  mailer = createSmtpMailer({ url: smtp.url, from: '人事部 <hr@example.test>' })
  context = await createTestContext({ publicUrl: PUBLIC_URL, mailer, log: { level: 'debug', stream: { write: (line) => void logLines.push(line) } } })
}, 60_000)
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop({ graceMs: 2_000 })
})
afterAll(async () => {
  await context.close()
  mailer.close()
  await smtp.close()
})

const startWorker = async (delivery = context.app.services.emailDelivery, concurrency = 5) => {
  const worker = await startEmailWorker(delivery, { intervalMs: 50, concurrency, log: context.app.log })
  workers.push(worker)
  return worker
}

/** A campaign of `count` employees (no dependents) with addresses e<i>@<domain>, except those in `withoutAddress`. */
async function campaignWithEmployees(count: number, options: { withoutAddress?: number[] } = {}) {
  const admin = await signedInOperator(context, { role: 'operator' })
  const campaign = await createCampaign(context.db, admin.companyId, { deadline: DEADLINE })
  const domain = `${campaign.id.slice(0, 8)}.example.test`
  const employees = []
  for (let i = 1; i <= count; i++) {
    const { employee } = await createEmployee(context.db, campaign.id, { name: `社員 ${i}`, dependents: [] })
    const email = options.withoutAddress?.includes(i) ? null : `e${i}@${domain}`
    employees.push(await context.db.person.update({ where: { id: employee.id }, data: { employeeNumber: `E${i}`, email } }))
  }
  return { admin, campaign, employees, received: () => smtp.accepted.filter((m) => m.to.endsWith(`@${domain}`)) }
}

const batchesUrl = (campaignId: string) => `/api/admin/campaigns/${campaignId}/email-batches`

async function createBatch(admin: { headers: Record<string, string> }, campaignId: string, payload: object) {
  const response = await context.app.inject({ method: 'POST', url: batchesUrl(campaignId), headers: admin.headers, payload })
  expect(response.statusCode).toBe(202)
  return emailBatchSchema.parse(response.json())
}

async function finished(admin: { headers: Record<string, string> }, campaignId: string, batchId: string) {
  for (let i = 0; i < 400; i++) {
    const response = await context.app.inject({ method: 'GET', url: `${batchesUrl(campaignId)}/${batchId}`, headers: admin.headers })
    const batch = emailBatchSchema.parse(response.json())
    if (batch.finishedAt) return batch
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('batch did not finish')
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25))
  if (!condition()) throw new Error('timed out')
}

const loginOf = (text: string) => ({
  token: /\/t\/([A-Za-z0-9_-]{43})\n/.exec(text)?.[1] ?? '',
  password: /■ パスワード\n(\S+)\n/.exec(text)?.[1] ?? '',
})

describe('e-mail delivery', () => {
  it('mails each employee with an address a URL and password that log them in', async () => {
    await startWorker()
    const { admin, campaign, employees, received } = await campaignWithEmployees(4, { withoutAddress: [4] })
    const created = await createBatch(admin, campaign.id, { kind: 'credentials' })
    // The worker may already be at it: the counts add up to the three with an address.
    expect(Object.values(created.counts).reduce((a, b) => a + b)).toBe(3)

    const batch = await finished(admin, campaign.id, created.id)
    expect(batch.counts).toEqual({ pending: 0, sending: 0, sent: 3, failed: 0, unknown: 0 })
    const company = await context.db.company.findUniqueOrThrow({ where: { id: admin.companyId } })
    expect(
      received()
        .map((m) => m.to)
        .sort(),
    ).toEqual(
      employees
        .slice(0, 3)
        .map((e) => e.email)
        .sort(),
    )
    for (const mail of received()) {
      const employee = employees.find((e) => e.email === mail.to)!
      expect(mail.text).toContain(`${employee.name} 様`)
      expect(mail.text).toContain(company.name)
      expect(mail.text).toContain(campaign.name)
      expect(mail.text).toContain('2026年12月25日')
      expect(mail.text).toContain(`■ ご用意いただくもの\n${DOCUMENTS_TO_PREPARE_JA}`)
      expect(mail.text).toContain('Safari')
      expect(mail.text).toContain(`${PUBLIC_URL}/t/`)
      const { token, password } = loginOf(mail.text)
      const jwt = await login(context.app, token, password)
      const me = await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${jwt}` } })
      expect(me.json().employeeName).toBe(employee.name)
      // The mail, and so the password, never reaches the logs.
      expect(logLines.join('\n')).not.toContain(password)
    }
    expect(await context.db.credential.count({ where: { employeeId: employees[3]!.id } })).toBe(0)
    const list = emailBatchesResponseSchema.parse((await context.app.inject({ method: 'GET', url: batchesUrl(campaign.id), headers: admin.headers })).json())
    expect(list).toMatchObject({ configured: true, batches: [{ id: created.id, counts: { sent: 3 } }] })
    const audit = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: 'email.batch_created' } })
    expect(audit.detail).toMatchObject({ kind: 'credentials', count: 3, withoutAddress: 1 })
  })

  it('reminds only those who have not reached 完了, without credentials', async () => {
    await startWorker()
    const { admin, campaign, employees, received } = await campaignWithEmployees(3)
    const logins = await Promise.all(employees.map((e) => context.app.services.credentials.issue(e.id)))
    await context.db.person.update({ where: { id: employees[1]!.id }, data: { progress: 'SUBMITTED' } })

    const created = await createBatch(admin, campaign.id, { kind: 'reminder' })
    expect(Object.values(created.counts).reduce((a, b) => a + b)).toBe(2)
    expect((await finished(admin, campaign.id, created.id)).counts.sent).toBe(2)
    expect(
      received()
        .map((m) => m.to)
        .sort(),
    ).toEqual([employees[0]!.email, employees[2]!.email].sort())
    for (const mail of received()) {
      expect(mail.text).toContain('以前お送りしたメール')
      expect(mail.text).toContain('人事担当者にお問い合わせください')
      expect(mail.text).not.toContain('/t/')
      expect(mail.text).not.toContain('■ パスワード')
    }
    // A reminder re-issues nothing: everyone's login still works.
    for (const { token, password } of logins) await login(context.app, token, password)
  })

  it('reminds someone sent back (差し戻し), but nobody 完了 or 承認済', async () => {
    await startWorker()
    const { admin, campaign, employees, received } = await campaignWithEmployees(4)
    for (const employee of employees) await context.app.services.credentials.issue(employee.id)
    const progress = ['SUBMITTED', 'APPROVED', 'RETURNED'] as const
    for (const [index, value] of progress.entries()) await context.db.person.update({ where: { id: employees[index]!.id }, data: { progress: value } })

    const created = await createBatch(admin, campaign.id, { kind: 'reminder' })
    expect((await finished(admin, campaign.id, created.id)).counts.sent).toBe(2)
    expect(
      received()
        .map((m) => m.to)
        .sort(),
    ).toEqual([employees[2]!.email, employees[3]!.email].sort())
  })

  it('retries a refusal for now, records a final one by its reply, and queues nobody twice', async () => {
    const { admin, campaign, employees, received } = await campaignWithEmployees(3)
    const [later, never, fine] = employees.map((e) => e.email!)
    smtp.refuse(later!, 451)
    smtp.refuse(never!, 550)
    const created = await createBatch(admin, campaign.id, { kind: 'credentials' })
    // Still queued (no worker yet): a second batch would mail them a second, different password.
    // Nobody left to mail is said, not recorded as an empty batch.
    const second = await context.app.inject({ method: 'POST', url: batchesUrl(campaign.id), headers: admin.headers, payload: { kind: 'credentials' } })
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'NOTHING_TO_SEND'])
    expect(await context.db.emailBatch.count({ where: { campaignId: campaign.id } })).toBe(1)

    await startWorker()
    expect((await finished(admin, campaign.id, created.id)).counts).toEqual({ pending: 0, sending: 0, sent: 2, failed: 1, unknown: 0 })
    expect(
      received()
        .map((m) => m.to)
        .sort(),
    ).toEqual([later, fine].sort())
    const messages = await context.db.emailMessage.findMany({ where: { batchId: created.id }, include: { employee: true } })
    const of = (email: string) => messages.find((m) => m.employee.email === email)!
    expect(of(later!)).toMatchObject({ status: 'SENT', attempts: 2, error: null })
    expect(of(never!)).toMatchObject({ status: 'FAILED', attempts: 1 })
    expect(of(never!).error).toMatch(/^550 /)
    expect(of(never!).error).not.toContain('パスワード')
  })

  it('says before sending who gets what and who cannot be mailed, and re-issues a login already handed out only when asked to', async () => {
    const { admin, campaign, employees, received } = await campaignWithEmployees(5, { withoutAddress: [5] })
    // E001 signed in with a kit already; E002 waits for theirs on paper; E003, E004 have nothing; E005 has no address.
    const handedOut = await context.app.services.credentials.issue(employees[0]!.id)
    const paper = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${campaign.id}/credentials`,
      headers: admin.headers,
      payload: { employeeIds: [employees[1]!.id] },
    })
    expect(paper.statusCode).toBe(200)
    const preview = async (payload: object) => {
      const response = await context.app.inject({ method: 'POST', url: `${batchesUrl(campaign.id)}/preview`, headers: admin.headers, payload })
      expect(response.statusCode).toBe(200)
      return emailBatchPreviewSchema.parse(response.json())
    }
    const withoutAddress = [{ employeeId: employees[4]!.id, employeeNumber: employees[4]!.employeeNumber, name: employees[4]!.name }]
    expect(await preview({ kind: 'credentials' })).toEqual({
      kind: 'credentials',
      newCredentials: 2,
      reissues: 0,
      reissuesLeftOut: 0,
      reminders: 0,
      alreadyQueued: 0,
      withoutAddress,
    })
    const everyone = employees.map((e) => e.id)
    expect(await preview({ kind: 'credentials', employeeIds: everyone })).toMatchObject({ newCredentials: 3, reissues: 0, reissuesLeftOut: 1, withoutAddress })
    expect(await preview({ kind: 'credentials', employeeIds: everyone, reissue: true })).toMatchObject({ newCredentials: 3, reissues: 1, reissuesLeftOut: 0 })
    expect(await preview({ kind: 'reminder' })).toMatchObject({ reminders: 4, newCredentials: 0, withoutAddress })

    // Sending to everyone selected without the choice leaves the handed-out login alone.
    const created = await createBatch(admin, campaign.id, { kind: 'credentials', employeeIds: everyone })
    expect(created.counts.pending).toBe(3)
    await startWorker()
    await finished(admin, campaign.id, created.id)
    expect(received().map((m) => m.to)).not.toContain(employees[0]!.email)
    await login(context.app, handedOut.token, handedOut.password)
    const audit = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: created.id, action: 'email.batch_created' } })
    expect(audit.detail).toMatchObject({ count: 3, reissues: 0, withoutAddress: 1 })
  })

  it('tells the employee of a 差し戻し by e-mail — who, why, until when, whom to ask — or says HR must tell them on paper', async () => {
    await startWorker()
    const s = await submittedEmployee(context)
    const address = `${s.employee.id.slice(0, 8)}@return.example.test`
    await context.db.person.update({ where: { id: s.employee.id }, data: { email: address } })
    await context.db.campaign.update({ where: { id: s.campaign.id }, data: { deadline: DEADLINE, contact: '人事部 山田（内線 1234）' } })
    const hr = await signedInOperator(context, { role: 'operator', companyId: s.company.id })
    const sendBack = (personId: string, payload: object) =>
      context.app.inject({
        method: 'POST',
        url: `/api/admin/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${personId}/return`,
        headers: hr.headers,
        payload,
      })
    const spouse = s.dependents[0]!
    const returned = await sendBack(spouse.id, { reason: 'blurry', note: '裏面がぼやけています' })
    expect(returned.statusCode, returned.body).toBe(200)
    expect(returned.json()).toMatchObject({ status: 'returned', notice: 'email' })

    await until(() => smtp.accepted.some((m) => m.to === address))
    const mail = smtp.accepted.find((m) => m.to === address)!
    expect(mail.text).toContain('ご登録いただいた書類を確認したところ、次の方の書類をもう一度登録していただく必要があります（差し戻し）。')
    expect(mail.text).toContain(`■ ${spouse.name} 様`)
    expect(mail.text).toContain('理由: ぼやけている')
    expect(mail.text).toContain('人事担当者より: 裏面がぼやけています')
    expect(mail.text).toContain('2026年12月25日')
    expect(mail.text).toContain('人事部 山田（内線 1234）')
    expect(mail.text).toContain('URL とパスワードからログインし')
    // It carries no login: the server keeps no token to put in it.
    expect(mail.text).not.toContain('/t/')
    expect(mail.text).not.toContain(`■ ${s.employee.name} 様`)

    // Without an address: HR is told to tell them on paper, and nothing is queued.
    await context.db.person.update({ where: { id: s.employee.id }, data: { email: null } })
    const paper = await sendBack(s.employee.id, { reason: 'wrong_document' })
    expect(paper.json()).toMatchObject({ status: 'returned', notice: 'paper' })
    const notices = await context.db.emailMessage.count({ where: { employeeId: s.employee.id, batch: { kind: 'RETURN_NOTICE' } } })
    expect(notices).toBe(1)
  })

  it('without SMTP_URL, says so instead of doing nothing', async () => {
    const { admin, campaign } = await campaignWithEmployees(1)
    const bare = await build({ db: context.db, blobs: context.blobs, secrets: context.secrets })
    try {
      const list = await bare.inject({ method: 'GET', url: batchesUrl(campaign.id), headers: admin.headers })
      expect(list.json()).toEqual({ configured: false, batches: [] })
      const create = await bare.inject({ method: 'POST', url: batchesUrl(campaign.id), headers: admin.headers, payload: { kind: 'credentials' } })
      expect(create.statusCode).toBe(409)
      expect(create.json().error.code).toBe('EMAIL_NOT_CONFIGURED')
      expect(await context.db.emailBatch.count({ where: { campaignId: campaign.id } })).toBe(0)
    } finally {
      await bare.close()
    }
  })

  it("hides a campaign's batches from another company's operator", async () => {
    const { admin, campaign } = await campaignWithEmployees(1)
    const created = await createBatch(admin, campaign.id, { kind: 'reminder' })
    const stranger = await signedInOperator(context)
    for (const request of [
      { method: 'GET' as const, url: batchesUrl(campaign.id) },
      { method: 'GET' as const, url: `${batchesUrl(campaign.id)}/${created.id}` },
      { method: 'POST' as const, url: batchesUrl(campaign.id), payload: { kind: 'reminder' } },
    ]) {
      expect((await context.app.inject({ ...request, headers: stranger.headers })).statusCode).toBe(404)
    }
    const other = await campaignWithEmployees(1)
    const crossed = await context.app.inject({ method: 'GET', url: `${batchesUrl(other.campaign.id)}/${created.id}`, headers: other.admin.headers })
    expect(crossed.statusCode).toBe(404)
    // Leaves nothing pending for the next test's worker.
    await startWorker()
    await finished(admin, campaign.id, created.id)
  })

  it('two server instances share a batch: every message is sent once', async () => {
    const { admin, campaign, received } = await campaignWithEmployees(20)
    const services = context.app.services
    const otherMailer = createSmtpMailer({ url: smtp.url, from: 'hr@example.test' })
    try {
      await startWorker()
      await startWorker(createEmailDelivery(context.db, services.credentials, services.audit, otherMailer, PUBLIC_URL, () => new Date()))
      const created = await createBatch(admin, campaign.id, { kind: 'reminder' })
      expect((await finished(admin, campaign.id, created.id)).counts.sent).toBe(20)
      expect(new Set(received().map((m) => m.to)).size).toBe(20)
      expect(received()).toHaveLength(20)
    } finally {
      for (const worker of workers.splice(0)) await worker.stop()
      otherMailer.close()
    }
  })

  it('resumes after a worker dies mid-batch: nobody gets two mails, the interrupted ones are UNKNOWN', async () => {
    const { admin, campaign, employees, received } = await campaignWithEmployees(30)
    const answered = smtp.accepted.length
    smtp.hangAfter(answered + 10)
    // The first "process": its own SMTP pool, three messages in flight at a time.
    const firstMailer = createSmtpMailer({ url: smtp.url, from: 'hr@example.test', maxConnections: 3 })
    const services = context.app.services
    const first = await startEmailWorker(
      createEmailDelivery(context.db, services.credentials, services.audit, firstMailer, PUBLIC_URL, () => new Date()),
      {
        intervalMs: 50,
        concurrency: 3,
        log: context.app.log,
      },
    )
    const created = await createBatch(admin, campaign.id, { kind: 'credentials' })
    await until(() => smtp.unanswered.length === 3)
    // Killed: the three sends never end; past the grace the worker writes nothing more.
    await first.stop({ graceMs: 100 })
    const statuses = async () =>
      Object.fromEntries(
        (await context.db.emailMessage.groupBy({ by: ['status'], where: { batchId: created.id }, _count: { _all: true } })).map((g) => [
          g.status,
          g._count._all,
        ]),
      )
    expect(await statuses()).toEqual({ SENT: 10, SENDING: 3, PENDING: 17 })

    smtp.answerAll()
    await startWorker()
    const batch = await finished(admin, campaign.id, created.id)
    expect(batch.counts).toEqual({ pending: 0, sending: 0, sent: 27, failed: 0, unknown: 3 })
    const recipients = received().map((m) => m.to)
    expect(new Set(recipients).size).toBe(27)
    expect(recipients).toHaveLength(27)
    const interrupted = smtp.unanswered.map((m) => m.to)
    expect(interrupted.filter((to) => recipients.includes(to))).toEqual([])
    const unknown = await context.db.emailMessage.findMany({ where: { batchId: created.id, status: 'UNKNOWN' }, include: { employee: true } })
    expect(unknown.map((m) => m.employee.email).sort()).toEqual(interrupted.sort())
    // Every mail that arrived carries a working login.
    for (const mail of received().slice(-3)) await login(context.app, loginOf(mail.text).token, loginOf(mail.text).password)
    expect(employees).toHaveLength(30)
    firstMailer.close()
  })

  it("with several instances, a starting worker leaves a live instance's messages in flight alone: only an expired lease makes them UNKNOWN", async () => {
    const { admin, campaign } = await campaignWithEmployees(4)
    smtp.hangAfter(smtp.accepted.length)
    const hanging = smtp.unanswered.length
    const services = context.app.services
    const liveMailer = createSmtpMailer({ url: smtp.url, from: 'hr@example.test', maxConnections: 2 })
    const leaseMs = 300
    const delivery = () => createEmailDelivery(context.db, services.credentials, services.audit, liveMailer, PUBLIC_URL, () => new Date())
    const live = await startEmailWorker(delivery(), { intervalMs: 50, concurrency: 2, log: context.app.log, soleInstance: false, leaseMs })
    const created = await createBatch(admin, campaign.id, { kind: 'reminder' })
    await until(() => smtp.unanswered.length === hanging + 2)
    const statuses = async () =>
      Object.fromEntries(
        (await context.db.emailMessage.groupBy({ by: ['status'], where: { batchId: created.id }, _count: { _all: true } })).map((g) => [
          g.status,
          g._count._all,
        ]),
      )

    // Another instance starts (no SMTP of its own: it only watches the leases) while the first keeps renewing.
    const watcher = await startEmailWorker(
      createEmailDelivery(context.db, services.credentials, services.audit, null, PUBLIC_URL, () => new Date()),
      {
        intervalMs: 50,
        concurrency: 1,
        log: context.app.log,
        soleInstance: false,
        leaseMs,
      },
    )
    workers.push(watcher)
    await new Promise((resolve) => setTimeout(resolve, leaseMs * 4))
    expect(await statuses()).toEqual({ SENDING: 2, PENDING: 2 })

    // The first instance dies with its two messages in flight: it renews nothing more.
    await live.stop({ graceMs: 50 })
    for (let i = 0; i < 100 && (await statuses()).UNKNOWN !== 2; i++) await new Promise((resolve) => setTimeout(resolve, leaseMs / 3))
    expect(await statuses()).toEqual({ UNKNOWN: 2, PENDING: 2 })
    smtp.answerAll()
    liveMailer.close()
  })
})
