/** Installation-wide settings (one row), changed by system administrators only (INSTALLATION_SETTING_RULES). */
import type { Settings } from '@bango/shared/admin-api'
import { INSTALLATION_SETTING_RULES } from '@bango/shared/settings-policy'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { OperatorIdentity } from './access.ts'

/** Until someone saves settings the row does not exist: these are the schema's defaults. */
const DEFAULTS: Settings = { requireTotp: false }

export function createSettings(db: Db, audit: AuditLog) {
  // The table's type admits one rule, the system administrator's: a key needing another gets its own check here.
  const assertSystemAdmin = (operator: OperatorIdentity) => {
    if (!operator.isSystemAdmin) throw new AppError('FORBIDDEN')
  }
  const read = async (tx: Pick<Db, 'settings'>): Promise<Settings> => {
    const row = await tx.settings.findUnique({ where: { id: 1 } })
    return row ? { requireTotp: row.requireTotp } : DEFAULTS
  }

  return {
    async get(operator: OperatorIdentity): Promise<Settings> {
      assertSystemAdmin(operator)
      return read(db)
    },

    /** Takes effect at the next sign-in (operators.stageAfter reads it), not for open sessions. */
    async put(operator: OperatorIdentity, settings: Settings): Promise<Settings> {
      assertSystemAdmin(operator)
      return db.$transaction(async (tx) => {
        const before = await read(tx)
        const row = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings })
        const after: Settings = { requireTotp: row.requireTotp }
        const changes = Object.fromEntries(
          (Object.keys(INSTALLATION_SETTING_RULES) as (keyof Settings)[])
            .filter((key) => before[key] !== after[key])
            .map((key) => [key, { from: before[key], to: after[key] }]),
        )
        await audit.record({ ...byOperator(operator, null), action: 'settings.updated', detail: { changes } }, tx)
        return after
      })
    },
  }
}
export type SettingsService = ReturnType<typeof createSettings>
