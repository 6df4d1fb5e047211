/** Installation-wide settings (one row), changed by system administrators only (INSTALLATION_SETTING_RULES). */
import type { Settings } from '@bango/shared/admin-api'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { OperatorIdentity } from './access.ts'

/**
 * An installation made before two-step sign-in was required by default may have no row: these are
 * the schema's defaults, which it keeps. A new one gets its row with its first account (below).
 */
const DEFAULTS: Settings = { requireTotp: false }

/**
 * A new installation — its first account being made (`pnpm admin:create`, or the demo of a fresh
 * `pnpm start`) — requires two-step sign-in (TOTP) of every operator from the start; a system
 * administrator may turn it off in システム設定. One that already has accounts keeps its settings.
 * Returns whether this was a new installation.
 */
export async function startInstallation(tx: Pick<Tx, 'operator' | 'settings'>): Promise<boolean> {
  if ((await tx.operator.count()) > 0) return false
  await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, requireTotp: true }, update: { requireTotp: true } })
  return true
}

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

    /**
     * Sign-ins read it (operators.stageAfter). Requiring TOTP also reaches the sessions already
     * open: every live one of an operator without TOTP goes back to enrolment at once (the
     * system administrators' included), instead of running on password-only for up to 12 h.
     * Whoever requires TOTP must have it: their own session would otherwise stop with the save.
     */
    async put(operator: OperatorIdentity, settings: Settings): Promise<Settings> {
      assertSystemAdmin(operator)
      return db.$transaction(async (tx) => {
        // Requiring TOTP of everyone while one's own is off would send one's own session to enrolment too.
        if (settings.requireTotp) {
          const self = await tx.operator.findUniqueOrThrow({ where: { id: operator.operatorId }, select: { totpEnabledAt: true } })
          if (!self.totpEnabledAt) throw new AppError('CONFLICT', { message: 'Switch on your own TOTP before requiring it of everyone.' })
        }
        const before = await read(tx)
        const row = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings })
        const after: Settings = { requireTotp: row.requireTotp }
        // Every open password-only session goes to enrolment at its next request, not at its next sign-in.
        const moved = row.requireTotp
          ? await tx.adminSession.updateMany({
              where: { revokedAt: null, stage: 'ACTIVE', operator: { totpEnabledAt: null } },
              data: { stage: 'ENROLMENT_REQUIRED' },
            })
          : { count: 0 }
        const changes = Object.fromEntries(
          (Object.keys(settings) as (keyof Settings)[]).filter((key) => before[key] !== after[key]).map((key) => [key, { from: before[key], to: after[key] }]),
        )
        await audit.record({ ...byOperator(operator, null), action: 'settings.updated', detail: { changes, sessionsSentToEnrolment: moved.count } }, tx)
        return after
      })
    },
  }
}
export type SettingsService = ReturnType<typeof createSettings>
