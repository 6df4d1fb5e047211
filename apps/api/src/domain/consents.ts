/** The employee's own summary, and consent to the purposes of use (利用目的への同意). */
import { type MeResponse, languageSchema } from '@bango/shared/employee-api'
import type { Language } from '@bango/shared/languages'
import { purposeTexts, purposeTranslationsSchema } from '@bango/shared/purposes'
import { submissionReference } from '@bango/shared/receipt'
import { z } from 'zod'
import { type ReadCache, noReadCache } from '../lib/read-cache.ts'
import type { Db } from '../db/types.ts'
import { AppError } from '../errors.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import type { EmployeeIdentity } from './credentials.ts'
import { advanceProgress } from './progress.ts'
import { RESUBMITTED } from './submissions.ts'

export const samePurposes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((purpose, i) => purpose === b[i])

/** The texts a consent in `language` agrees to, from the campaign's stored purposes and HR's wordings. */
const textsIn = (campaign: { purposes: string[]; purposeTranslations: unknown }, language: Language) =>
  purposeTexts(campaign.purposes, purposeTranslationsSchema.parse(campaign.purposeTranslations), language)

/** A consent's stored language; one recorded before languages were kept reads as Japanese. */
const consentLanguageSchema = languageSchema.catch('ja')

/**
 * Whether a consent (the latest; null purposes: none) agreed to the campaign's purposes as they are
 * worded now in its language: a changed purpose, or a changed wording in that language, asks again.
 */
export const isCurrentConsent = (
  consent: { purposes: string[] | null; language: string | null },
  campaign: { purposes: string[]; purposeTranslations: unknown },
) => consent.purposes !== null && samePurposes(consent.purposes, textsIn(campaign, consentLanguageSchema.parse(consent.language)))

interface MeRow {
  name: string
  progress: string
  campaign_name: string
  contact: string | null
  purposes: string[]
  purpose_translations: unknown
  deadline: Date | null
  draft_lifetime_hours: number
  employee_enters_number: boolean
  identity_by_employment: boolean
  company_name: string
  submitted_at: Date | null
  submission_id: string | null
  last_submitted_at: Date | null
  consented_purposes: string[] | null
  consent_language: string | null
  consented_at: Date | null
  last_reviewed_at: Date | null
  returned: number
  disposed_persons: unknown
}

/** json_agg of the disposed-of dependents: timestamps arrive as text. */
const disposedPersonsSchema = z.array(z.object({ name: z.string(), disposedAt: z.coerce.date() }))

export function createConsents(db: Db, audit: AuditLog, readCache: ReadCache = noReadCache) {
  /** The summary as stored now; null when the employee is gone. */
  async function readMe(identity: EmployeeIdentity): Promise<MeResponse | null> {
    const [row] = await db.$queryRaw<MeRow[]>`
      SELECT p.name, p.progress, k.name AS campaign_name, k.contact, k.purposes, k.purpose_translations, k.deadline,
             k.draft_lifetime_hours, k.employee_enters_number, k.identity_by_employment, o.name AS company_name, s.submitted_at, n.purposes AS consented_purposes,
             n.language AS consent_language, n.consented_at, s.id AS submission_id,
             -- The latest 完了 after 差し戻し (the submission keeps the first): submissions.lastSubmittedAt.
             (SELECT max(a.at) FROM audit_events a WHERE a.target_id = s.id::text AND a.action = ${RESUBMITTED}) AS last_submitted_at,
             (SELECT max(h.reviewed_at) FROM persons h WHERE h.id = p.id OR h.employee_id = p.id) AS last_reviewed_at,
             (SELECT count(*)::int FROM persons h WHERE (h.id = p.id OR h.employee_id = p.id) AND h.review_status = 'RETURNED') AS returned,
             (SELECT coalesce(json_agg(json_build_object('name', d.name, 'disposedAt', d.disposed_at) ORDER BY d.id), '[]')
                FROM persons d WHERE d.employee_id = p.id AND d.disposed_at IS NOT NULL) AS disposed_persons
      FROM persons p
      JOIN campaigns k ON k.id = p.campaign_id
      JOIN companies o ON o.id = k.company_id
      LEFT JOIN submissions s ON s.employee_id = p.id
      LEFT JOIN LATERAL (SELECT c.purposes, c.language, c.consented_at FROM consents c WHERE c.employee_id = p.id ORDER BY c.consented_at DESC LIMIT 1) n ON true
      WHERE p.id = ${identity.employeeId}::uuid`
    if (!row) return null
    const consented = isCurrentConsent(
      { purposes: row.consented_purposes, language: row.consent_language },
      { purposes: row.purposes, purposeTranslations: row.purpose_translations },
    )
    return {
      employeeName: row.name,
      companyName: row.company_name,
      campaign: {
        name: row.campaign_name,
        contact: row.contact,
        purposes: row.purposes,
        purposeTranslations: purposeTranslationsSchema.parse(row.purpose_translations),
        deadline: row.deadline?.toISOString() ?? null,
        draftLifetimeHours: row.draft_lifetime_hours,
        employeeEntersNumber: row.employee_enters_number,
        identityByEmployment: row.identity_by_employment,
      },
      consentedAt: consented ? row.consented_at!.toISOString() : null,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      lastSubmittedAt: row.submitted_at ? (row.last_submitted_at ?? row.submitted_at).toISOString() : null,
      submissionReference: row.submission_id ? submissionReference(row.submission_id) : null,
      disposedPersons: disposedPersonsSchema.parse(row.disposed_persons).map((p) => ({ name: p.name, disposedAt: p.disposedAt.toISOString() })),
      reopened: row.submitted_at !== null && row.returned > 0,
      // 受理: HR approved every applicable person (the last approval is the acceptance).
      acceptedAt: row.progress === 'APPROVED' ? (row.last_reviewed_at?.toISOString() ?? null) : null,
    }
  }

  return {
    /** The employee's summary: one query (ADR 026), held between changes (ADR 028), since the wizard asks on every screen. */
    async me(identity: EmployeeIdentity): Promise<MeResponse> {
      const me = await readCache.read(
        `me:${identity.employeeId}`,
        () => identity.employeeId,
        () => readMe(identity),
      )
      if (!me) throw new AppError('NOT_FOUND')
      return me
    },

    /**
     * Records consent to the purposes as the campaign words them in `language` — the texts the
     * server reads off the campaign, not the client's — and refuses if the screen showed others
     * (HR changed a purpose or a wording since).
     */
    async consent(identity: EmployeeIdentity, purposesShown: string[], language: Language) {
      const campaign = await db.campaign.findUniqueOrThrow({ where: { id: identity.campaignId }, select: { purposes: true, purposeTranslations: true } })
      const purposes = textsIn(campaign, language)
      if (!samePurposes(purposes, purposesShown)) throw new AppError('PURPOSES_CHANGED')
      const consent = await db.$transaction(async (tx) => {
        const consent = await tx.consent.create({ data: { employeeId: identity.employeeId, purposes, language } })
        await audit.record({ ...byEmployee(identity), action: 'employee.consented', targetId: consent.id, detail: { language } }, tx)
        await advanceProgress(tx, identity.employeeId, 'CONSENTED')
        return consent
      })
      return { consentedAt: consent.consentedAt.toISOString() }
    },
  }
}
export type Consents = ReturnType<typeof createConsents>
