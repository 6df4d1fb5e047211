/** The employee's own summary, and consent to the purposes of use (利用目的への同意). */
import type { MeResponse } from '@bango/shared/employee-api'
import type { Db } from '../db/types.ts'
import { AppError } from '../errors.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import type { EmployeeIdentity } from './credentials.ts'
import { advanceProgress } from './progress.ts'

const samePurposes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((purpose, i) => purpose === b[i])

export function createConsents(db: Db, audit: AuditLog) {
  /** The consent given to the campaign's purposes as they stand now (a changed purpose needs a new one). */
  async function currentConsent(identity: EmployeeIdentity) {
    const [campaign, consent] = await Promise.all([
      db.campaign.findUniqueOrThrow({ where: { id: identity.campaignId }, include: { company: { select: { name: true } } } }),
      db.consent.findFirst({ where: { employeeId: identity.employeeId }, orderBy: { consentedAt: 'desc' } }),
    ])
    return { campaign, consent: consent && samePurposes(consent.purposes, campaign.purposes) ? consent : null }
  }

  /** A disposed-of employee's link opens nothing but the notice (`me`). */
  async function isDisposed(identity: EmployeeIdentity) {
    const employee = await db.person.findUnique({ where: { id: identity.employeeId }, select: { disposedAt: true } })
    return employee?.disposedAt != null
  }

  return {
    isDisposed,

    async me(identity: EmployeeIdentity): Promise<MeResponse> {
      const [employee, { campaign, consent }, submission, disposedDependents, lastReview, returned] = await Promise.all([
        db.person.findUniqueOrThrow({ where: { id: identity.employeeId }, select: { name: true, disposedAt: true, progress: true } }),
        currentConsent(identity),
        db.submission.findUnique({ where: { employeeId: identity.employeeId } }),
        db.person.findMany({ where: { employeeId: identity.employeeId, disposedAt: { not: null } }, select: { name: true, disposedAt: true }, orderBy: { id: 'asc' } }),
        db.person.aggregate({ where: { OR: [{ id: identity.employeeId }, { employeeId: identity.employeeId }] }, _max: { reviewedAt: true } }),
        db.person.count({ where: { OR: [{ id: identity.employeeId }, { employeeId: identity.employeeId }], reviewStatus: 'RETURNED' } }),
      ])
      return {
        employeeName: employee.name,
        companyName: campaign.company.name,
        campaign: {
          name: campaign.name,
          contact: campaign.contact,
          purposes: campaign.purposes,
          deadline: campaign.deadline?.toISOString() ?? null,
          draftLifetimeHours: campaign.draftLifetimeHours,
          employeeEntersNumber: campaign.employeeEntersNumber,
        },
        consentedAt: consent?.consentedAt.toISOString() ?? null,
        submittedAt: submission?.submittedAt.toISOString() ?? null,
        disposedAt: employee.disposedAt?.toISOString() ?? null,
        disposedPersons: disposedDependents.flatMap((p) => (p.disposedAt ? [{ name: p.name, disposedAt: p.disposedAt.toISOString() }] : [])),
        reopened: submission !== null && returned > 0,
        // 受理: HR approved every applicable person (the last approval is the acceptance).
        acceptedAt: employee.progress === 'APPROVED' ? (lastReview._max.reviewedAt?.toISOString() ?? null) : null,
      }
    },

    /** Records consent to the purposes exactly as shown; refuses if they are not the campaign's current ones. */
    async consent(identity: EmployeeIdentity, purposesShown: string[]) {
      if (await isDisposed(identity)) throw new AppError('DATA_DISPOSED')
      const { campaign } = await currentConsent(identity)
      if (!samePurposes(campaign.purposes, purposesShown)) throw new AppError('PURPOSES_CHANGED')
      const consent = await db.$transaction(async (tx) => {
        const consent = await tx.consent.create({ data: { employeeId: identity.employeeId, purposes: purposesShown } })
        await audit.record({ ...byEmployee(identity), action: 'employee.consented', targetId: consent.id }, tx)
        await advanceProgress(tx, identity.employeeId, 'CONSENTED')
        return consent
      })
      return { consentedAt: consent.consentedAt.toISOString() }
    },

    hasConsented: async (identity: EmployeeIdentity) => (await currentConsent(identity)).consent !== null,
  }
}
export type Consents = ReturnType<typeof createConsents>
