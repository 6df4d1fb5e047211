/**
 * Employee credentials: issuing a URL token + password, and logging in with them.
 * Lockout: 5 failures lock the token for 15 minutes. An unknown token costs the same
 * password hash and gets the same answer as a wrong password.
 */
import type { LinkResponse } from '@bango/shared/employee-api'
import { type Language, isLanguage } from '@bango/shared/languages'
import { LOGIN_LOCKOUT } from '@bango/shared/lockout'
import { type ReadCache, noReadCache } from '../lib/read-cache.ts'
import type { Db, Tx } from '../db/types.ts'
import { AppError } from '../errors.ts'
import { hashPassword, hashUrlToken, newPassword, newUrlToken, verifyPassword } from '../lib/secrets.ts'
import { type RepeatCounter, createRepeatCounter } from '../lib/repeat-counter.ts'
import type { SessionClaims, Sessions } from './sessions.ts'
import { isCurrentConsent } from './consents.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import { advanceProgress } from './progress.ts'
import { isUuid } from '../lib/uuid.ts'

export const MAX_FAILED_LOGINS = LOGIN_LOCKOUT.maxFailedLogins
export const LOCKOUT_MS = LOGIN_LOCKOUT.minutes * 60 * 1000
/** One audit row per address per window for logins with an unknown token. */
export const UNKNOWN_TOKEN_AUDIT_WINDOW_MS = 10 * 60 * 1000

export interface EmployeeIdentity {
  credentialId: string
  employeeId: string
  campaignId: string
  companyId: string
  /** Changes when the credential is re-issued, which ends every session of the old one. */
  sessionVersion: string
}

/** A new login before it is written: the plaintext (handed out once) and what the server keeps. */
export interface PreparedCredential {
  token: string
  password: string
  tokenHash: string
  passwordHash: string
}

const sessionVersion = (tokenHash: string) => tokenHash.slice(0, 16)

/** What the employee gate needs to know of a verified session that is still open. */
export interface SessionStanding {
  identity: EmployeeIdentity
  /** After 「完了」: only the receipt, refresh and logout (routes marked `afterSubmission`). */
  receiptOnly: boolean
  /** Agreed to the campaign's purposes of use as they stand now. */
  consented: boolean
  /** The language the employee last used the wizard in (persons.language), null before any. */
  language: Language | null
}

interface StandingRow {
  credential_id: string
  expires_at: Date
  session_revoked_at: Date | null
  receipt_only_at: Date | null
  employee_id: string
  campaign_id: string
  token_hash: string
  credential_revoked_at: Date | null
  company_id: string
  campaign_purposes: string[]
  campaign_purpose_translations: unknown
  disposed_at: Date | null
  employee_language: string | null
  consented_purposes: string[] | null
  consent_language: string | null
}

function identityOf(credential: { id: string; employeeId: string; campaignId: string; tokenHash: string; campaign: { companyId: string } }): EmployeeIdentity {
  return {
    credentialId: credential.id,
    employeeId: credential.employeeId,
    campaignId: credential.campaignId,
    companyId: credential.campaign.companyId,
    sessionVersion: sessionVersion(credential.tokenHash),
  }
}

/**
 * What a standing row says of the employee, worked out once per row read: a held row (ADR 028) is
 * the same object on every hit, and the consent check parses the campaign's wordings. The checks
 * that depend on the request or the clock stay in `standing`. Frozen: requests share it.
 */
const standings = new WeakMap<StandingRow, SessionStanding>()
function standingOf(row: StandingRow): SessionStanding {
  let standing = standings.get(row)
  if (!standing) {
    standing = Object.freeze({
      identity: Object.freeze(
        identityOf({
          id: row.credential_id,
          employeeId: row.employee_id,
          campaignId: row.campaign_id,
          tokenHash: row.token_hash,
          campaign: { companyId: row.company_id },
        }),
      ),
      receiptOnly: row.receipt_only_at !== null,
      consented: isCurrentConsent(
        { purposes: row.consented_purposes, language: row.consent_language },
        { purposes: row.campaign_purposes, purposeTranslations: row.campaign_purpose_translations },
      ),
      language: isLanguage(row.employee_language) ? row.employee_language : null,
    })
    standings.set(row, standing)
  }
  return standing
}

/** `unknownTokens`: a shared (Redis) counter when several instances run; this process's memory by default. */
export function createCredentials(
  db: Db,
  audit: AuditLog,
  sessions: Pick<Sessions, 'endAll'>,
  now: () => Date,
  unknownTokens: RepeatCounter = createRepeatCounter(UNKNOWN_TOKEN_AUDIT_WINDOW_MS, now),
  readCache: ReadCache = noReadCache,
) {
  // A real argon2id hash of a random password: unknown tokens cost exactly as much as known ones.
  const decoy = hashPassword(newPassword())

  /** The identity of a credential that is not revoked, or null. */
  async function current(credentialId: string, tx: Tx = db): Promise<EmployeeIdentity | null> {
    const credential = await tx.credential.findUnique({ where: { id: credentialId }, include: { campaign: { select: { companyId: true } } } })
    return credential && !credential.revokedAt ? identityOf(credential) : null
  }

  /**
   * A fresh token + password and their hashes, made outside any transaction: the argon2
   * hash (~45 ms) must not hold row locks (or PGlite's single connection).
   */
  async function prepare(): Promise<PreparedCredential> {
    const token = newUrlToken()
    const password = newPassword()
    return { token, password, tokenHash: hashUrlToken(token), passwordHash: await hashPassword(password) }
  }

  /** Writes a prepared credential for an employee, replacing (and so killing) any earlier one. */
  async function store(
    employee: { id: string; campaignId: string },
    prepared: Pick<PreparedCredential, 'tokenHash' | 'passwordHash'>,
    tx: Tx = db,
  ): Promise<void> {
    // Every writer of a credential comes here: a disposed employee (廃棄) never gets a login again.
    // The row lock orders this with a disposal of the same employee (admin/dispose-persons.ts locks it too).
    const [person] = await tx.$queryRaw<{ disposed_at: Date | null }[]>`SELECT disposed_at FROM persons WHERE id = ${employee.id}::uuid FOR NO KEY UPDATE`
    if (person?.disposed_at) throw new AppError('PERSON_DISPOSED')
    const data = { tokenHash: prepared.tokenHash, passwordHash: prepared.passwordHash, failedAttempts: 0, lockedUntil: null, revokedAt: null, issuedAt: now() }
    const credential = await tx.credential.upsert({
      where: { employeeId: employee.id },
      create: { ...data, employeeId: employee.id, campaignId: employee.campaignId },
      update: data,
    })
    // Handoff codes of the old login die with it, like its sessions (whose version is the token hash).
    await tx.sessionHandoff.deleteMany({ where: { credentialId: credential.id } })
    await sessions.endAll(credential.id, tx)
    await advanceProgress(tx, employee.id, 'ISSUED')
  }

  /** A link printed or mailed from a batch not yet handed out (ADR 039): who is asking, and that it is not live yet. */
  async function pendingLink(token: string): Promise<LinkResponse> {
    const pending = await db.pendingCredential.findUnique({
      where: { tokenHash: hashUrlToken(token) },
      select: {
        batch: { select: { outcome: true, expiresAt: true, campaign: { select: { contact: true, status: true, company: { select: { name: true } } } } } },
      },
    })
    if (!pending || pending.batch.outcome || pending.batch.expiresAt <= now()) throw new AppError('NOT_FOUND')
    const { campaign } = pending.batch
    return { companyName: campaign.company.name, contact: campaign.contact, closed: campaign.status === 'CLOSED', pending: true, disposal: null }
  }

  return {
    prepare,
    store,

    /**
     * Creates (or re-issues, killing the old token) an employee's login. The plaintext is returned once.
     * Without a `tx`, the writes get a transaction of their own (the password is hashed before it).
     */
    async issue(employeeId: string, tx?: Tx): Promise<{ token: string; password: string }> {
      const prepared = await prepare()
      const write = async (tx: Tx) => {
        const employee = await tx.person.findUniqueOrThrow({ where: { id: employeeId }, select: { id: true, campaignId: true, kind: true } })
        if (employee.kind !== 'EMPLOYEE') throw new Error('credentials are issued to employees only')
        await store(employee, prepared, tx)
      }
      await (tx ? write(tx) : db.$transaction(write))
      return { token: prepared.token, password: prepared.password }
    },

    /**
     * Who is asking, shown before sign-in: the company and the campaign's 問い合わせ先 of a live
     * link — nothing about the employee. A link whose employee was disposed of (廃棄) answers that
     * notice instead (the link is the employee's own secret); any other revoked or unknown token
     * answers NOT_FOUND.
     */
    async link(token: string): Promise<LinkResponse> {
      const credential = await db.credential.findUnique({
        where: { tokenHash: hashUrlToken(token) },
        select: {
          revokedAt: true,
          employeeId: true,
          employee: { select: { disposedAt: true, submission: { select: { id: true } } } },
          campaign: { select: { contact: true, status: true, company: { select: { name: true } } } },
        },
      })
      if (!credential) return pendingLink(token)
      if (credential.revokedAt && !credential.employee.disposedAt) throw new AppError('NOT_FOUND')
      const { campaign, employee } = credential
      const record = employee.disposedAt
        ? await db.disposalRecord.findFirst({ where: { personId: credential.employeeId }, orderBy: { disposedAt: 'desc' }, select: { trigger: true } })
        : null
      return {
        companyName: campaign.company.name,
        contact: campaign.contact,
        closed: campaign.status === 'CLOSED',
        pending: false,
        disposal: employee.disposedAt
          ? { at: employee.disposedAt.toISOString(), by: record?.trigger === 'RETENTION' ? 'retention' : 'company', submitted: employee.submission !== null }
          : null,
      }
    },

    /** `client.ip` only groups repeated unknown-token attempts in the audit log. */
    async login(token: string, password: string, client: { ip?: string } = {}): Promise<EmployeeIdentity> {
      const credential = await db.credential.findUnique({
        where: { tokenHash: hashUrlToken(token) },
        include: { campaign: { select: { companyId: true } } },
      })
      const usable = credential && !credential.revokedAt
      const passwordOk = await verifyPassword(usable ? credential.passwordHash : await decoy, password)
      if (!usable) {
        // Recorded (without the token) for abuse monitoring, once per address and window: repeats are
        // counted into the next row, so guessing cannot grow the append-only table without bound.
        const repeats = await unknownTokens.note(client.ip ?? 'unknown')
        if (repeats !== null) {
          await db.$transaction((tx) =>
            audit.record(
              { companyId: null, actorType: 'employee', actorId: null, action: 'employee.login_unknown_token', detail: { repeatsBefore: repeats } },
              tx,
            ),
          )
        }
        throw new AppError('INVALID_CREDENTIALS')
      }

      // The lock decision is taken on the row locked FOR UPDATE: parallel guesses queue here,
      // so the fifth failure locks even when they were all checked at once.
      const at = now()
      const actor = byEmployee({ companyId: credential.campaign.companyId, employeeId: credential.employeeId })
      const outcome = await db.$transaction(async (tx) => {
        const [current] = await tx.$queryRaw<{ failed_attempts: number; locked_until: Date | null }[]>`
          SELECT failed_attempts, locked_until FROM credentials WHERE id = ${credential.id}::uuid FOR UPDATE`
        if (!current) return 'invalid' as const
        if (current.locked_until && current.locked_until > at) {
          await audit.record({ ...actor, action: 'employee.login_refused_locked', targetId: credential.id }, tx)
          return 'locked' as const
        }
        if (!passwordOk) {
          const locks = current.failed_attempts + 1 >= MAX_FAILED_LOGINS
          await tx.credential.update({
            where: { id: credential.id },
            data: locks ? { failedAttempts: 0, lockedUntil: new Date(at.getTime() + LOCKOUT_MS) } : { failedAttempts: { increment: 1 } },
          })
          // A lock also ends every open session of the credential: whoever is guessing may hold one.
          if (locks) await sessions.endAll(credential.id, tx)
          await audit.record({ ...actor, action: locks ? 'employee.locked' : 'employee.login_failed', targetId: credential.id }, tx)
          return locks ? ('locked' as const) : ('invalid' as const)
        }
        await tx.credential.update({ where: { id: credential.id }, data: { failedAttempts: 0, lockedUntil: null, lastLoginAt: at } })
        // The dashboard sorts by the person's copy (an index of persons); progress moves on.
        await tx.person.update({ where: { id: credential.employeeId }, data: { lastLoginAt: at } })
        await advanceProgress(tx, credential.employeeId, 'LOGGED_IN')
        await audit.record({ ...actor, action: 'employee.login', targetId: credential.id }, tx)
        return 'ok' as const
      })
      if (outcome === 'locked') throw new AppError('CREDENTIAL_LOCKED')
      if (outcome === 'invalid') throw new AppError('INVALID_CREDENTIALS')
      return identityOf(credential)
    },

    /**
     * Where a verified session stands, or null once it was ended (logout, re-issue, lock, its
     * absolute end, disposal) or its credential revoked or re-issued. Every employee request asks, so it is
     * one query (ADR 026): the session, its credential, the employee's disposal and latest consent.
     */
    async standing(claims: SessionClaims): Promise<SessionStanding | null> {
      if (!isUuid(claims.sessionId)) return null
      // The row is what is cached (lib/read-cache.ts); every check on it runs on every request, the clock's among them.
      const row = await readCache.read(
        `standing:${claims.sessionId}`,
        (standing: StandingRow) => standing.employee_id,
        async () =>
          (
            await db.$queryRaw<StandingRow[]>`
        SELECT s.credential_id, s.expires_at, s.revoked_at AS session_revoked_at, s.receipt_only_at,
               c.employee_id, c.campaign_id, c.token_hash, c.revoked_at AS credential_revoked_at,
               k.company_id, k.purposes AS campaign_purposes, k.purpose_translations AS campaign_purpose_translations, p.disposed_at,
               p.language AS employee_language, n.purposes AS consented_purposes, n.language AS consent_language
        FROM employee_sessions s
        JOIN credentials c ON c.id = s.credential_id
        JOIN campaigns k ON k.id = c.campaign_id
        JOIN persons p ON p.id = c.employee_id
        LEFT JOIN LATERAL (SELECT n.purposes, n.language FROM consents n WHERE n.employee_id = c.employee_id ORDER BY n.consented_at DESC LIMIT 1) n ON true
        WHERE s.id = ${claims.sessionId}::uuid`
          )[0] ?? null,
      )
      // A disposed employee (廃棄) has no session, whatever the rows say: disposal revokes the credential too.
      if (
        !row ||
        row.credential_id !== claims.credentialId ||
        row.session_revoked_at ||
        row.expires_at <= now() ||
        row.credential_revoked_at ||
        row.disposed_at
      )
        return null
      const standing = standingOf(row)
      return standing.identity.sessionVersion === claims.version ? standing : null
    },

    current,
  }
}
export type Credentials = ReturnType<typeof createCredentials>
