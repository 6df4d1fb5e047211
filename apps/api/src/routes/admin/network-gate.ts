/**
 * The console answers only addresses on the installation's allow-list (empty: any): every
 * /api/admin route, the password step included, and /api/docs. The address is request.ip, which
 * believes X-Forwarded-For only as far as TRUST_PROXY says (config.ts). Lost access is restored
 * on the server: `pnpm admin:networks-clear` (ADR 035).
 */
import type { FastifyInstance } from 'fastify'
import { AppError } from '../../errors.ts'
import { networkAllows } from '../../lib/networks.ts'

export function networkGate(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (!networkAllows(await app.services.networkSettings.installationList(), request.ip)) throw new AppError('NETWORK_NOT_ALLOWED')
  })
}
