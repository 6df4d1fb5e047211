/** Installation-wide settings (one row), changed by system administrators only. */
import type { Settings } from '@bango/shared/admin-api'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { OperatorIdentity } from './access.ts'

/** Until someone saves settings the row does not exist: these are the schema's defaults. */
const DEFAULTS: Settings = { requireTotp: false }

export function createSettings(db: Db, audit: AuditLog) {
  const assertSystemAdmin = (operator: OperatorIdentity) => {
    if (!operator.isSystemAdmin) throw new AppError('FORBIDDEN')
  }

  return {
    async get(operator: OperatorIdentity): Promise<Settings> {
      assertSystemAdmin(operator)
      const row = await db.settings.findUnique({ where: { id: 1 } })
      return row ? { requireTotp: row.requireTotp } : DEFAULTS
    },

    /** Takes effect at the next sign-in (operators.stageAfter reads it), not for open sessions. */
    async put(operator: OperatorIdentity, settings: Settings): Promise<Settings> {
      assertSystemAdmin(operator)
      return db.$transaction(async (tx) => {
        const row = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings })
        await audit.record({ ...byOperator(operator, null), action: 'settings.updated', detail: { requireTotp: row.requireTotp } }, tx)
        return { requireTotp: row.requireTotp }
      })
    },
  }
}
export type SettingsService = ReturnType<typeof createSettings>
