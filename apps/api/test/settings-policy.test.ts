/**
 * The settings policy (packages/shared/src/settings-policy.ts), over real HTTP: every key of
 * the campaign, company and installation settings schemas is changed in every direction by
 * every role, and the answer is what the table says. A key added to a schema without a line here (and
 * in the table) fails. Then the grace period of a shortened retention: nothing goes before it
 * ends, the console shows what will go, an administrator can undo it, and the disposal record
 * names the change that caused it.
 */
import { type CampaignRequest, campaignRequestSchema, settingsSchema } from '@bango/shared/admin-api'
import { companySettingsRequestSchema, networkSettingsRequestSchema } from '@bango/shared/admin-networks'
import { CAMPAIGN_SETTING_RULES, COMPANY_SETTING_RULES, INSTALLATION_SETTING_RULES, RETENTION_SHORTENING_GRACE_DAYS } from '@bango/shared/settings-policy'
import { disposalPreviewResponseSchema, disposalsResponseSchema } from '@bango/shared/admin-disposal'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/admin${url}`, headers, ...(payload ? { payload } : {}) })

const base: CampaignRequest = {
  name: '2027年 収集',
  purposes: ['源泉徴収票作成事務'],
  purposeTranslations: {},
  deadline: '2027-01-31',
  draftLifetimeHours: 48,
  retentionMonths: 96,
  employeeEntersNumber: false,
  identityByEmployment: false,
  contact: '人事部',
}

/** For each key: a change that widens or keeps what is kept, and one that destroys or discloses more (if any). */
const CHANGES: Record<string, { label: string; value: unknown; needs: 'operator' | 'administrator' }[]> = {
  name: [{ label: 'renamed', value: '改名', needs: 'operator' }],
  deadline: [
    { label: 'later', value: '2027-03-31', needs: 'operator' },
    { label: 'none', value: null, needs: 'operator' },
  ],
  contact: [{ label: 'other contact', value: '総務部', needs: 'operator' }],
  purposes: [
    { label: 'one added', value: ['源泉徴収票作成事務', '健康保険・厚生年金保険届出事務'], needs: 'administrator' },
    { label: 'replaced', value: ['雇用保険届出事務'], needs: 'administrator' },
  ],
  purposeTranslations: [{ label: 'worded in English', value: { en: ['Your withholding tax statement'] }, needs: 'administrator' }],
  employeeEntersNumber: [{ label: 'on', value: true, needs: 'administrator' }],
  identityByEmployment: [{ label: 'on', value: true, needs: 'administrator' }],
  draftLifetimeHours: [
    { label: 'longer', value: 72, needs: 'operator' },
    { label: 'shorter', value: 24, needs: 'administrator' },
  ],
  retentionMonths: [
    { label: 'longer', value: 120, needs: 'operator' },
    { label: 'shorter', value: 1, needs: 'administrator' },
  ],
}

describe('who may change which campaign setting', () => {
  it('lists every key of the campaign schema, in the table and here', () => {
    const keys = Object.keys(campaignRequestSchema.shape).sort()
    expect(Object.keys(CAMPAIGN_SETTING_RULES).sort()).toEqual(keys)
    expect(Object.keys(CHANGES).sort()).toEqual(keys)
  })

  it('answers each change by each role as the table says, and audits old and new values', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const operator = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    const failures: string[] = []
    for (const [key, changes] of Object.entries(CHANGES)) {
      for (const change of changes) {
        for (const [role, hr] of [
          ['operator', operator],
          ['administrator', admin],
        ] as const) {
          const created = await call(admin.headers, 'POST', `/companies/${admin.companyId}/campaigns`, base)
          const id = created.json().id as string
          const edited = await call(hr.headers, 'PATCH', `/campaigns/${id}`, { ...base, [key]: change.value })
          const allowed = role === 'administrator' || change.needs === 'operator'
          const stored = (await context.db.campaign.findUniqueOrThrow({ where: { id } }))[key as keyof CampaignRequest]
          const label = `${key} ${change.label} as ${role}`
          if (edited.statusCode !== (allowed ? 200 : 403)) failures.push(`${label}: ${edited.statusCode} ${edited.body.slice(0, 120)}`)
          if (
            !allowed &&
            JSON.stringify(stored) !== JSON.stringify(key === 'deadline' ? new Date(`${base.deadline}T00:00:00Z`) : base[key as keyof CampaignRequest])
          )
            failures.push(`${label}: refused but stored ${JSON.stringify(stored)}`)
          if (allowed) {
            const event = await context.db.auditEvent.findFirst({ where: { action: 'campaign.updated', targetId: id } })
            const recorded = (event?.detail as { changes?: Record<string, unknown> } | null)?.changes
            if (!isDeepStrictEqual(recorded, { [key]: { from: base[key as keyof CampaignRequest], to: change.value } }))
              failures.push(`${label}: audit detail ${JSON.stringify(event?.detail)}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('lets only an administrator close a campaign', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    const operator = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    const id = (await call(admin.headers, 'POST', `/companies/${admin.companyId}/campaigns`, base)).json().id as string
    expect((await call(operator.headers, 'POST', `/campaigns/${id}/close`)).statusCode).toBe(403)
    expect((await context.db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN')
    expect((await call(admin.headers, 'POST', `/campaigns/${id}/close`)).statusCode).toBe(200)
  })

  it('keeps every installation setting to the system administrator', async () => {
    expect(Object.keys(INSTALLATION_SETTING_RULES).sort()).toEqual(
      [...Object.keys(settingsSchema.shape), ...Object.keys(networkSettingsRequestSchema.shape)].sort(),
    )
    const companyAdmin = await signedInOperator(context, { role: 'administrator' })
    const system = await signedInOperator(context, { isSystemAdmin: true })
    // Requiring TOTP of everyone needs one's own first (admin-settings.test.ts).
    await context.db.operator.update({ where: { id: system.operator.id }, data: { totpEnabledAt: new Date() } })
    const current = (await call(system.headers, 'GET', '/settings')).json()
    for (const key of Object.keys(settingsSchema.shape)) {
      const changed = { ...current, [key]: !current[key] }
      expect((await call(companyAdmin.headers, 'PUT', '/settings', changed)).statusCode, key).toBe(403)
      const saved = await call(system.headers, 'PUT', '/settings', changed)
      expect(saved.statusCode, key).toBe(200)
      const event = await context.db.auditEvent.findFirst({ where: { action: 'settings.updated' }, orderBy: { id: 'desc' } })
      expect(event?.detail, key).toMatchObject({ changes: { [key]: { from: current[key], to: !current[key] } } })
      expect((await call(system.headers, 'PUT', '/settings', current)).statusCode).toBe(200)
    }
    // The network list: the caller's own address (app.inject's) must stay on it.
    for (const key of Object.keys(networkSettingsRequestSchema.shape)) {
      const changed = { [key]: ['127.0.0.1', '203.0.113.0/24'] }
      expect((await call(companyAdmin.headers, 'PUT', '/settings/networks', changed)).statusCode, key).toBe(403)
      expect((await call(system.headers, 'PUT', '/settings/networks', changed)).statusCode, key).toBe(200)
      expect((await call(system.headers, 'PUT', '/settings/networks', { [key]: [] })).statusCode).toBe(200)
    }
  })

  it('keeps every company setting to that company’s administrators', async () => {
    expect(Object.keys(COMPANY_SETTING_RULES).sort()).toEqual(Object.keys(companySettingsRequestSchema.shape).sort())
    const admin = await signedInOperator(context, { role: 'administrator' })
    const operator = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    /** A valid value for each setting, with the allow-list every request carries. */
    const values: Record<keyof typeof COMPANY_SETTING_RULES, unknown> = { allowedNetworks: ['127.0.0.1'], acceptNumberAgreement: true }
    for (const [key, role] of Object.entries(COMPANY_SETTING_RULES)) {
      const changed = { allowedNetworks: [], [key]: values[key as keyof typeof values] }
      const byOperator = await call(operator.headers, 'PUT', `/companies/${admin.companyId}/settings`, changed)
      expect(byOperator.statusCode, key).toBe(role === 'administrator' ? 403 : 200)
      expect((await call(admin.headers, 'PUT', `/companies/${admin.companyId}/settings`, changed)).statusCode, key).toBe(200)
    }
  })
})

describe('a shortened retention period', () => {
  const DAY = 24 * 3600_000
  const monthsAgo = (months: number) => {
    const at = new Date()
    at.setUTCMonth(at.getUTCMonth() - months)
    return at
  }

  /**
   * A household handed in `months` ago, kept 84 months. Retention counts from 11 January after the
   * 完了's year (ADR 049): 25 months back is two calendar years back at least, so the period began
   * by 11 January of last year — 1 month of it is over — and 84 months are over 84 + 25 months back.
   */
  async function household(months: number) {
    const s = await submittedEmployee(context, { campaign: { retentionMonths: 84 } })
    await context.db.submission.update({ where: { employeeId: s.employee.id }, data: { submittedAt: monthsAgo(months) } })
    const admin = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    const campaign = await context.db.campaign.findUniqueOrThrow({ where: { id: s.campaign.id } })
    const settings: CampaignRequest = {
      name: campaign.name,
      purposes: campaign.purposes,
      purposeTranslations: {},
      deadline: null,
      draftLifetimeHours: campaign.draftLifetimeHours,
      retentionMonths: campaign.retentionMonths,
      employeeEntersNumber: campaign.employeeEntersNumber,
      identityByEmployment: false,
      contact: campaign.contact,
    }
    await context.db.campaign.update({ where: { id: campaign.id }, data: { deadline: null } })
    return { ...s, admin, settings }
  }

  const disposedCount = (ids: string[]) => context.db.person.count({ where: { id: { in: ids }, disposedAt: { not: null } } })

  it('destroys nothing during the grace period, shows what will go, then names the change in the disposal record', async () => {
    const s = await household(25)
    const shortened = await call(s.admin.headers, 'PATCH', `/campaigns/${s.campaign.id}`, { ...s.settings, retentionMonths: 1 })
    expect(shortened.statusCode, shortened.body).toBe(200)
    expect(shortened.json().retentionMonths).toBe(1)

    const { retention } = context.app.services
    await retention.run(new Date())
    await retention.run(new Date(Date.now() + (RETENTION_SHORTENING_GRACE_DAYS - 1) * DAY))
    expect(await disposedCount(s.householdIds)).toBe(0)

    const preview = disposalPreviewResponseSchema.parse((await call(s.admin.headers, 'GET', `/campaigns/${s.campaign.id}/disposal/preview`)).json())
    expect(preview.persons).toEqual([])
    expect(preview.shortenings).toHaveLength(1)
    const [pending] = preview.shortenings
    expect(pending).toMatchObject({ fromMonths: 84, toMonths: 1, changedBy: { id: s.admin.operator.id } })
    expect(new Date(pending!.effectiveAt).getTime() - new Date(pending!.changedAt).getTime()).toBe(RETENTION_SHORTENING_GRACE_DAYS * DAY)
    expect(pending!.persons.map((p) => p.personId).sort()).toEqual([...s.householdIds].sort())

    await retention.run(new Date(Date.now() + (RETENTION_SHORTENING_GRACE_DAYS + 1) * DAY))
    expect(await disposedCount(s.householdIds)).toBe(3)
    const records = disposalsResponseSchema.parse((await call(s.admin.headers, 'GET', `/companies/${s.company.id}/disposals`)).json()).records
    expect(records).toHaveLength(3)
    for (const record of records) {
      expect(record.trigger).toBe('retention')
      expect(record.cause).toEqual({
        kind: 'retention-shortened',
        id: pending!.id,
        fromMonths: 84,
        toMonths: 1,
        changedAt: pending!.changedAt,
        changedBy: { id: s.admin.operator.id, name: s.admin.operator.name },
      })
    }
  })

  it('is undone by an administrator within the grace period (not by an operator), and then nothing goes', async () => {
    const s = await household(25)
    await call(s.admin.headers, 'PATCH', `/campaigns/${s.campaign.id}`, { ...s.settings, retentionMonths: 1 })
    const preview = disposalPreviewResponseSchema.parse((await call(s.admin.headers, 'GET', `/campaigns/${s.campaign.id}/disposal/preview`)).json())
    const id = preview.shortenings[0]!.id
    const operator = await signedInOperator(context, { role: 'operator', companyId: s.company.id })
    const url = `/campaigns/${s.campaign.id}/retention-shortenings/${id}/undo`
    expect((await call(operator.headers, 'POST', url)).statusCode).toBe(403)
    const undone = await call(s.admin.headers, 'POST', url)
    expect(undone.statusCode, undone.body).toBe(200)
    expect(undone.json().retentionMonths).toBe(84)
    expect((await call(s.admin.headers, 'POST', url)).statusCode).toBe(409)
    await context.app.services.retention.run(new Date(Date.now() + 30 * DAY))
    expect(await disposedCount(s.householdIds)).toBe(0)
    const event = await context.db.auditEvent.findFirst({ where: { action: 'campaign.retention_shortening_undone', targetId: s.campaign.id } })
    expect(event?.detail).toMatchObject({ fromMonths: 84, toMonths: 1 })
  })

  it('keeps the normal expiry of households the old period had already ended: no cause is named for them', async () => {
    const s = await household(109)
    await context.app.services.retention.run(new Date())
    const records = await context.db.disposalRecord.findMany({ where: { personId: { in: s.householdIds } } })
    expect(records).toHaveLength(3)
    expect(records.every((r) => r.retentionShorteningId === null)).toBe(true)
  })
})
