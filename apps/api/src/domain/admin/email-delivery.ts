/**
 * Sending one e-mail message, at most once. PENDING → SENDING is committed (with the credential
 * a credentials mail carries) before SMTP is spoken; only then is the mail sent, and the outcome
 * recorded. A process that dies in between leaves SENDING, which becomes UNKNOWN: maybe
 * delivered, never resent automatically. With several instances a claim carries a lease (owner +
 * expiry) the sending instance renews while alive, so only an abandoned message is marked, by
 * whichever worker sees its lease run out (docs/decisions/021-many-instances.md).
 */
import { isLanguage } from '@bango/shared/languages'
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/types.ts'
import type { Prisma } from '../../generated/prisma/client.ts'
import { createLimiter } from '../../lib/concurrency.ts'
import { MailError, type Mailer } from '../../lib/mailer.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { Credentials, PreparedCredential } from '../credentials.ts'
import { loginUrl } from './credential-issuing.ts'
import { type MailContext, credentialsMail, reminderMail, returnNoticeMail } from './email-text.ts'

/** A transient SMTP failure is retried until the message has had this many attempts. */
export const MAX_ATTEMPTS = 3

/** A claimed message with what its mail needs, read in the claiming statement itself. */
interface ClaimedMessage {
  id: string
  attempts: number
  batch_id: string
  employee_id: string
  kind: 'CREDENTIALS' | 'REMINDER' | 'RETURN_NOTICE'
  created_by_id: string
  campaign_id: string
  campaign_name: string
  campaign_open: boolean
  deadline: Date | null
  contact: string | null
  company_id: string
  company_name: string
  employee_name: string
  email: string | null
  /** The language the employee last used the wizard in (persons.language). */
  language: string | null
  has_credential: boolean
}

export interface SendOptions {
  /** Checked before SMTP and before recording the outcome: a worker stopped past its grace writes nothing more. */
  abandoned: () => boolean
  /** How long the claim holds without a renewal (renewLeases). */
  leaseMs: number
}

export function createEmailDelivery(db: Db, credentials: Credentials, audit: AuditLog, mailer: Mailer | null, publicUrl: string, now: () => Date) {
  /** This process's name on its leases. */
  const owner = randomUUID()
  // argon2 shares the two cores with logins: at most two hashes at a time, whatever the lanes.
  const hashing = createLimiter(2)
  /**
   * Credentials hashed before the claim, so the claiming transaction never waits on argon2; one
   * not used (a reminder, nothing to claim) goes back for the next claim.
   */
  const spares: PreparedCredential[] = []
  const takeSpare = () => {
    const spare = spares.pop()
    return spare ? Promise.resolve(spare) : hashing(() => credentials.prepare())
  }

  /** Claims one PENDING message (skipping rows other workers hold) and commits it as SENDING, with its credential. */
  async function claim(
    prepared: PreparedCredential,
    leaseMs: number,
  ): Promise<{ message: ClaimedMessage; login: { url: string; password: string } | null } | 'none' | 'skipped'> {
    return db.$transaction(async (tx) => {
      // One round trip: claim (skipping rows other workers hold), mark SENDING, read what the mail needs.
      const [message] = await tx.$queryRaw<ClaimedMessage[]>`
        WITH next AS (SELECT id FROM email_messages WHERE status = 'PENDING' LIMIT 1 FOR UPDATE SKIP LOCKED),
        claimed AS (
          UPDATE email_messages m SET status = 'SENDING', attempts = m.attempts + 1,
            lease_owner = ${owner}, lease_until = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::double precision)
          FROM next WHERE m.id = next.id
          RETURNING m.id, m.attempts, m.batch_id, m.employee_id)
        SELECT claimed.*, b.kind::text AS kind, b.created_by_id, c.id AS campaign_id, c.name AS campaign_name,
               c.status = 'OPEN' AS campaign_open, c.deadline, c.contact, c.company_id, co.name AS company_name,
               p.name AS employee_name, p.email, p.language, EXISTS (SELECT 1 FROM credentials cr WHERE cr.employee_id = p.id) AS has_credential
        FROM claimed
        JOIN email_batches b ON b.id = claimed.batch_id
        JOIN campaigns c ON c.id = b.campaign_id
        JOIN companies co ON co.id = c.company_id
        JOIN persons p ON p.id = claimed.employee_id`
      if (!message) return 'none' as const
      const refusal = !message.campaign_open ? 'campaign closed' : !message.email ? 'no e-mail address' : null
      if (refusal) {
        await tx.emailMessage.update({ where: { id: message.id }, data: { status: 'FAILED', error: refusal } })
        return 'skipped' as const
      }
      if (message.kind !== 'CREDENTIALS') return { message, login: null }
      // The same lock as the console's issuing: the two never interleave in one campaign.
      await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${message.campaign_id}::uuid FOR NO KEY UPDATE`
      await credentials.store({ id: message.employee_id, campaignId: message.campaign_id }, prepared, tx)
      await audit.record(
        {
          ...byOperator({ operatorId: message.created_by_id }, message.company_id),
          action: message.has_credential ? 'credentials.reissued' : 'credentials.issued',
          targetId: message.campaign_id,
          detail: { count: 1, employeeIds: [message.employee_id], emailBatchId: message.batch_id },
        },
        tx,
      )
      return { message, login: { url: loginUrl(publicUrl, prepared.token), password: prepared.password } }
    })
  }

  async function record(id: string, data: Prisma.EmailMessageUpdateInput) {
    await db.emailMessage.update({ where: { id }, data })
  }

  const listeners = new Set<() => void>()

  return {
    configured: mailer !== null,

    /** A new batch is waiting: wakes this process's worker instead of waiting for its interval. */
    notify: () => listeners.forEach((listener) => listener()),
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },

    /**
     * Messages a dead process left SENDING become UNKNOWN. `sole`: this is the only instance
     * (the embedded default, at start): every SENDING message is abandoned. Otherwise only those
     * whose lease ran out (another live instance keeps renewing its own), by the database's clock.
     */
    async recoverInterrupted({ sole }: { sole: boolean }): Promise<number> {
      return db.$executeRaw`
        UPDATE email_messages SET status = 'UNKNOWN', error = 'interrupted while sending (server stopped)', lease_owner = NULL, lease_until = NULL
        WHERE status = 'SENDING' AND (${sole} OR lease_until IS NULL OR lease_until < clock_timestamp())`
    },

    /** Extends the leases of this process's messages in flight: it is alive. */
    async renewLeases(leaseMs: number): Promise<void> {
      await db.$executeRaw`
        UPDATE email_messages SET lease_until = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::double precision)
        WHERE status = 'SENDING' AND lease_owner = ${owner}`
    },

    /** Sends the next PENDING message; false when there was none. */
    async sendNext(options: SendOptions): Promise<boolean> {
      if (!mailer) return false
      const prepared = await takeSpare()
      const outcome = await claim(prepared, options.leaseMs)
      if (outcome === 'none' || outcome === 'skipped' || !outcome.login) spares.push(prepared)
      if (outcome === 'none') return false
      if (outcome === 'skipped' || options.abandoned()) return true

      const { message, login } = outcome
      const context: MailContext = {
        to: message.email!,
        employeeName: message.employee_name,
        companyName: message.company_name,
        campaignName: message.campaign_name,
        deadline: message.deadline,
        contact: message.contact,
        language: isLanguage(message.language) ? message.language : 'ja',
      }
      // A 差し戻し notice names who is sent back now: someone who already redid theirs is left out.
      const returned =
        message.kind === 'RETURN_NOTICE'
          ? await db.person.findMany({
              where: { OR: [{ id: message.employee_id }, { employeeId: message.employee_id }], reviewStatus: 'RETURNED' },
              select: { name: true, returnReason: true, returnNote: true },
              orderBy: { createdAt: 'asc' },
            })
          : []
      if (message.kind === 'RETURN_NOTICE' && returned.length === 0) {
        await record(message.id, { status: 'FAILED', error: 'nobody is sent back any more', leaseOwner: null, leaseUntil: null })
        return true
      }
      try {
        await mailer.send(
          login ? credentialsMail(context, login) : message.kind === 'RETURN_NOTICE' ? returnNoticeMail(context, returned) : reminderMail(context),
        )
        if (!options.abandoned()) await record(message.id, { status: 'SENT', sentAt: now(), error: null, leaseOwner: null, leaseUntil: null })
      } catch (error) {
        if (options.abandoned()) return true
        const failure = error instanceof MailError ? error : new MailError(String(error), 'uncertain')
        const retry = failure.failure === 'transient' && message.attempts < MAX_ATTEMPTS
        const status = retry ? 'PENDING' : failure.failure === 'uncertain' ? 'UNKNOWN' : 'FAILED'
        await record(message.id, { status, error: failure.message, leaseOwner: null, leaseUntil: null })
      }
      return true
    },

    /** Marks batches with nothing left to send as finished. */
    async finishBatches(): Promise<void> {
      await db.$executeRaw`
        UPDATE email_batches b SET finished_at = ${now()}
        WHERE finished_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM email_messages m WHERE m.batch_id = b.id AND m.status IN ('PENDING', 'SENDING'))`
    },
  }
}
export type EmailDelivery = ReturnType<typeof createEmailDelivery>
