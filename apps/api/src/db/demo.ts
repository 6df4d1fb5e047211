/**
 * The demo of `pnpm start` on a fresh embedded database: a company with an open campaign, an
 * employee (two dependents) who can log in, and a system administrator assigned to the
 * company. The printed admin password is a one-time password, as `pnpm admin:create` prints: it
 * is changed at the first sign-in (72 hours at most), then TOTP is set up, required of everyone
 * on a new installation (settings.ts).
 */
import type { Services } from '../services.ts'
import { startInstallation } from '../domain/admin/settings.ts'
import { createEmployeeWithLogin } from './factories.ts'
import type { Db } from './types.ts'

export const DEMO_ADMIN_EMAIL = 'admin@demo.example'

export async function seedDemo(db: Db, services: Pick<Services, 'credentials' | 'operators'>) {
  const employee = await createEmployeeWithLogin(db, services.credentials, {
    companyName: 'デモ株式会社',
    campaign: { contact: '人事部 マイナンバー係（内線 1234 / hr@demo.example）' },
  })
  await startInstallation(db)
  const { password } = await services.operators.create({
    email: DEMO_ADMIN_EMAIL,
    name: 'デモ 管理者',
    isSystemAdmin: true,
    assignments: [{ companyId: employee.company.id, role: 'administrator' }],
  })
  return { employee, admin: { email: DEMO_ADMIN_EMAIL, password } }
}
