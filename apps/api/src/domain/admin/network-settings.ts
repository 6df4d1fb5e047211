/**
 * The installation's network allow-list: the console (every /api/admin route, sign-in
 * included, and /api/docs) answers only addresses on it (routes/admin/network-gate.ts). Kept in
 * the one settings row, changed by system administrators only, audited with the old and new
 * list. `pnpm admin:networks-clear` empties it from the server when nobody can reach the console.
 */
import type { NetworkSettings, NetworkSettingsRequest } from '@bango/shared/admin-networks'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { OperatorIdentity } from './access.ts' // INSTALLATION_SETTING_RULES (@bango/shared/settings-policy): the system administrator's
import { checkedAllowList } from './allow-list.ts'

export function createNetworkSettings(db: Db, audit: AuditLog) {
  const assertSystemAdmin = (operator: OperatorIdentity) => {
    if (!operator.isSystemAdmin) throw new AppError('FORBIDDEN')
  }
  const installationList = async (tx: Tx = db) => (await tx.settings.findUnique({ where: { id: 1 }, select: { allowedNetworks: true } }))?.allowedNetworks ?? []

  return {
    /** The list the console's gate checks every request against (empty: any address). */
    installationList,

    async get(operator: OperatorIdentity): Promise<NetworkSettings> {
      assertSystemAdmin(operator)
      return { allowedNetworks: await installationList(), yourAddress: operator.address }
    },

    async put(operator: OperatorIdentity, request: NetworkSettingsRequest): Promise<NetworkSettings> {
      assertSystemAdmin(operator)
      const after = checkedAllowList(request.allowedNetworks, operator.address)
      return db.$transaction(async (tx) => {
        const before = await installationList(tx)
        await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, allowedNetworks: after }, update: { allowedNetworks: after } })
        await audit.record({ ...byOperator(operator, null), action: 'settings.networks_updated', detail: { before, after } }, tx)
        return { allowedNetworks: after, yourAddress: operator.address }
      })
    },
  }
}
export type NetworkSettingsService = ReturnType<typeof createNetworkSettings>
