/**
 * A company's payroll file layout (columns, headers, date format), saved in `company_settings`
 * by those who may export — the same right as the file itself (ADR 046). Unsaved, or saved in a
 * shape this version no longer reads: the 標準 preset. Each change is audited with the layout
 * before and after (headers and keys only: a layout holds no person's data).
 */
import { DEFAULT_PAYROLL_LAYOUT, type PayrollLayout, type PayrollLayoutResponse, payrollLayoutSchema } from '@bango/shared/admin-export'
import type { Db, Tx } from '../../db/types.ts'
import type { Prisma } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type CompanyScope, requireLevel } from './access.ts'

/** The stored layout, parsed with its schema; null when none (or none this version reads) is saved. */
export async function savedPayrollLayout(tx: Tx, companyId: string): Promise<PayrollLayout | null> {
  const row = await tx.companySettings.findUnique({ where: { companyId }, select: { payrollLayout: true } })
  const parsed = payrollLayoutSchema.safeParse(row?.payrollLayout)
  return parsed.success ? parsed.data : null
}

const response = (layout: PayrollLayout | null): PayrollLayoutResponse => ({ layout: layout ?? DEFAULT_PAYROLL_LAYOUT, isDefault: layout === null })

export function createPayrollLayouts(db: Db, audit: AuditLog) {
  return {
    async get(scope: CompanyScope): Promise<PayrollLayoutResponse> {
      requireLevel(scope, 'export')
      return response(await savedPayrollLayout(db, scope.companyId))
    },

    async put(scope: CompanyScope, layout: PayrollLayout): Promise<PayrollLayoutResponse> {
      requireLevel(scope, 'export')
      const { operator, companyId } = scope
      return db.$transaction(async (tx) => {
        const before = response(await savedPayrollLayout(tx, companyId)).layout
        const stored = layout as unknown as Prisma.InputJsonValue
        await tx.companySettings.upsert({ where: { companyId }, create: { companyId, payrollLayout: stored }, update: { payrollLayout: stored } })
        if (JSON.stringify(before) !== JSON.stringify(layout)) {
          await audit.record(
            { ...byOperator(operator, companyId), action: 'export.layout_updated', targetId: companyId, detail: { before, after: layout } },
            tx,
          )
        }
        return response(layout)
      })
    },
  }
}
export type PayrollLayouts = ReturnType<typeof createPayrollLayouts>
