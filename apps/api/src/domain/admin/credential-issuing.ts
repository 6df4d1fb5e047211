/**
 * Issuing employee credentials from the console. The answer is the only place the plaintext
 * URLs and passwords ever exist: the SPA makes the mail-merge CSV and the postal kit from it.
 * All or nothing: if the request fails, no old token died without its replacement being handed out.
 */
import type { IssueCredentialsResponse } from '@bango/shared/admin-credentials'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { Campaign } from '../../generated/prisma/client.ts'
import { mapConcurrent } from '../../lib/concurrency.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { Credentials } from '../credentials.ts'
import type { OperatorIdentity } from './access.ts'

/** argon2id takes ~45 ms of one core: two at a time leave the other core to the requests. */
const HASH_CONCURRENCY = 2

export const loginUrl = (publicUrl: string, token: string) => `${publicUrl}/t/${token}`

/** The employees of a campaign with these ids; NOT_FOUND unless every id is one of them. */
export async function employeesOf(tx: Tx, campaignId: string, employeeIds: readonly string[]) {
  const unique = [...new Set(employeeIds)]
  const employees = await tx.person.findMany({
    where: { id: { in: unique }, campaignId, kind: 'EMPLOYEE' },
    include: { credential: { select: { issuedAt: true } } },
  })
  if (employees.length !== unique.length) throw new AppError('NOT_FOUND')
  return employees
}

export function createCredentialIssuing(db: Db, credentials: Credentials, audit: AuditLog, publicUrl: string, now: () => Date) {
  return {
    /** Issues to `employeeIds` (re-issue), or to every employee of the campaign without a credential. */
    async issue(operator: OperatorIdentity, campaign: Campaign, employeeIds?: readonly string[]): Promise<IssueCredentialsResponse> {
      if (campaign.status === 'CLOSED') throw new AppError('CAMPAIGN_CLOSED')
      const targets = employeeIds
        ? await employeesOf(db, campaign.id, employeeIds)
        : await db.person.findMany({
            where: { campaignId: campaign.id, kind: 'EMPLOYEE', credential: null, disposedAt: null },
            include: { credential: { select: { issuedAt: true } } },
          })
      // Before any hashing: a disposed employee's login ended with their data (credentials.store refuses too).
      if (targets.some((t) => t.disposedAt)) throw new AppError('PERSON_DISPOSED')
      targets.sort((a, b) => (a.employeeNumber ?? '').localeCompare(b.employeeNumber ?? '') || a.name.localeCompare(b.name))
      const prepared = await mapConcurrent(targets, HASH_CONCURRENCY, () => credentials.prepare())

      const company = await db.company.findUniqueOrThrow({ where: { id: campaign.companyId } })
      const issuedAt = now()
      const reissued = targets.filter((t) => t.credential).map((t) => t.id)
      const fresh = targets.filter((t) => !t.credential).map((t) => t.id)
      if (targets.length > 0) {
        // One transaction for the whole request; its length grows with the count (~1 ms a row).
        await db.$transaction(
          async (tx) => {
            // Serializes with other issuing (console or e-mail worker) in this campaign, then checks
            // nobody issued to these employees since we read them: an answer never holds dead passwords.
            const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM campaigns WHERE id = ${campaign.id}::uuid FOR NO KEY UPDATE`
            if (locked?.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
            const current = await tx.credential.findMany({
              where: { employeeId: { in: targets.map((t) => t.id) } },
              select: { employeeId: true, issuedAt: true },
            })
            const before = new Map(targets.map((t) => [t.id, t.credential?.issuedAt.getTime() ?? null]))
            if (current.length !== reissued.length || current.some((c) => before.get(c.employeeId) !== c.issuedAt.getTime())) throw new AppError('CONFLICT')
            for (const [index, target] of targets.entries()) await credentials.store(target, prepared[index]!, tx)
            const actor = byOperator(operator, campaign.companyId)
            if (fresh.length > 0)
              await audit.record({ ...actor, action: 'credentials.issued', targetId: campaign.id, detail: { count: fresh.length, employeeIds: fresh } }, tx)
            if (reissued.length > 0)
              await audit.record(
                { ...actor, action: 'credentials.reissued', targetId: campaign.id, detail: { count: reissued.length, employeeIds: reissued } },
                tx,
              )
          },
          { timeout: 30_000 + targets.length * 20, maxWait: 30_000 },
        )
      }

      return {
        companyName: company.name,
        campaignName: campaign.name,
        issuedAt: issuedAt.toISOString(),
        credentials: targets.map((target, index) => ({
          employeeId: target.id,
          employeeNumber: target.employeeNumber,
          name: target.name,
          kana: target.kana,
          email: target.email,
          url: loginUrl(publicUrl, prepared[index]!.token),
          password: prepared[index]!.password,
        })),
      }
    },

    /** Records a file the SPA made from an issue's answer (mail-merge CSV, postal kit). */
    async recordExport(operator: OperatorIdentity, campaign: Campaign, format: string, employeeIds: readonly string[]) {
      await employeesOf(db, campaign.id, employeeIds)
      const ids = [...new Set(employeeIds)]
      await audit.record({
        ...byOperator(operator, campaign.companyId),
        action: 'credentials.exported',
        targetId: campaign.id,
        detail: { format, count: ids.length, employeeIds: ids },
      })
    },
  }
}
export type CredentialIssuing = ReturnType<typeof createCredentialIssuing>
