/**
 * A company's own settings, changed by its administrators (one `company_settings` row, absent
 * until first saved): the network allow-list, which domain/admin/access.ts checks whenever it
 * resolves the company for an operator, and whether an agreed number is recorded on one
 * confirmation (ADR 043). Each change is audited with the old and new values of what changed.
 */
import type { CompanySettings, CompanySettingsRequest } from '@bango/shared/admin-networks'
import type { Db } from '../../db/types.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { COMPANY_SETTING_RULES } from '@bango/shared/settings-policy'
import { type CompanyScope, requireLevel } from './access.ts'
import { checkedAllowList } from './allow-list.ts'

export function createCompanySettings(db: Db, audit: AuditLog) {
  return {
    async get(scope: CompanyScope): Promise<CompanySettings> {
      requireLevel(scope, COMPANY_SETTING_RULES.allowedNetworks)
      const { operator, companyId } = scope
      const row = await db.companySettings.findUnique({ where: { companyId } })
      return { allowedNetworks: row?.allowedNetworks ?? [], acceptNumberAgreement: row?.acceptNumberAgreement ?? false, yourAddress: operator.address }
    },

    /**
     * A system administrator is not bound by company lists (ADR 035), so may save one that leaves
     * out their own address, e.g. a branch office's; a company administrator may not.
     */
    async put(scope: CompanyScope, request: CompanySettingsRequest): Promise<CompanySettings> {
      // Both rules are the administrator's: one check covers the request.
      requireLevel(scope, COMPANY_SETTING_RULES.allowedNetworks)
      const { operator, companyId } = scope
      return db.$transaction(async (tx) => {
        const allowedNetworks = checkedAllowList(request.allowedNetworks, operator.address, { mayExcludeCaller: operator.isSystemAdmin })
        const row = await tx.companySettings.findUnique({ where: { companyId } })
        const before = { allowedNetworks: row?.allowedNetworks ?? [], acceptNumberAgreement: row?.acceptNumberAgreement ?? false }
        const after = { allowedNetworks, acceptNumberAgreement: request.acceptNumberAgreement ?? before.acceptNumberAgreement }
        await tx.companySettings.upsert({ where: { companyId }, create: { companyId, ...after }, update: after })
        const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        await audit.record(
          {
            ...byOperator(operator, companyId),
            action: 'company.settings_updated',
            targetId: companyId,
            detail: Object.fromEntries(changed.map((key) => [key, { before: before[key], after: after[key] }])),
          },
          tx,
        )
        return { ...after, yourAddress: operator.address }
      })
    },
  }
}
export type CompanySettingsService = ReturnType<typeof createCompanySettings>
