/**
 * /api/admin — the HR console's API, a scope of its own: cookie sessions with CSRF tokens
 * (routes/admin/auth-gate.ts), never the employee's bearer JWT. Public: the password step.
 * Everything else sits behind an ACTIVE session; each route then checks the operator's
 * role in the company it touches (domain/admin/access.ts). In front of all of it, sign-in
 * included: the installation's network allow-list (network-gate.ts).
 */
import cookie from '@fastify/cookie'
import type { FastifyInstance } from 'fastify'
import { type AdminCookie, adminGate } from './auth-gate.ts'
import { networkGate } from './network-gate.ts'
import networkSettingsRoutes from './network-settings.ts'
import auditRoutes from './audit.ts'
import campaignRoutes from './campaigns.ts'
import companyRoutes from './companies.ts'
import credentialRoutes from './credentials.ts'
import dashboardRoutes from './dashboard.ts'
import disposalRoutes from './disposal.ts'
import emailRoutes from './email.ts'
import exportRoutes from './exports.ts'
import employeeImportRoutes from './employee-import.ts'
import operatorRoutes from './operators.ts'
import personNumberRoutes from './person-number.ts'
import reviewRoutes from './review.ts'
import sessionRoutes from './session.ts'
import settingsRoutes from './settings.ts'

export interface AdminRoutesOptions {
  cookie: AdminCookie
  loginPerMinute: number
}

export default async function adminRoutes(app: FastifyInstance, options: AdminRoutesOptions) {
  // Before everything, sign-in included: the installation's network allow-list.
  networkGate(app)
  await app.register(cookie)
  await app.register(sessionRoutes, { cookie: options.cookie, loginPerMinute: options.loginPerMinute })
  await app.register(async (console) => {
    adminGate(console, options.cookie)
    await console.register(employeeImportRoutes)
    await console.register(companyRoutes)
    await console.register(campaignRoutes)
    await console.register(operatorRoutes, { loginPerMinute: options.loginPerMinute })
    await console.register(settingsRoutes)
    await console.register(networkSettingsRoutes)
    await console.register(dashboardRoutes)
    await console.register(credentialRoutes)
    await console.register(emailRoutes)
    await console.register(personNumberRoutes)
    await console.register(auditRoutes)
    await console.register(disposalRoutes)
    await console.register(reviewRoutes)
    await console.register(exportRoutes)
  })
}
