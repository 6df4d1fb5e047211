/**
 * The demo of `pnpm start` on a fresh embedded database: a company with an open campaign, an
 * employee (two dependents) who can log in, and a system administrator assigned to the
 * company. The printed admin password is a one-time password, as `pnpm admin:create` prints: it
 * is changed at the first sign-in (72 hours at most), then TOTP is set up, required of everyone
 * on a new installation (settings.ts).
 * The household is the one the browser tests walk through (e2e/server.ts): its names are theirs.
 * Made from the domain's services, as the CLIs make accounts: beside server.ts, not in db/.
 */
import { DEFAULT_PURPOSES } from '@bango/shared/admin-api'
import type { Db } from './db/types.ts'
import { startInstallation } from './domain/admin/settings.ts'
import type { Services } from './services.ts'

export const DEMO_ADMIN_EMAIL = 'admin@demo.example'

const DEMO_EMPLOYEE = { name: '総合 太郎', kana: 'ソウゴウ タロウ', relationship: '本人', birthDate: '1980-01-15' }
const DEMO_DEPENDENTS = [
  { name: '総合 花子', kana: 'ソウゴウ ハナコ', relationship: '配偶者', birthDate: '1982-04-12' },
  { name: '総合 一郎', kana: 'ソウゴウ イチロウ', relationship: '子', birthDate: '2012-09-30' },
]

const day = (date: string) => new Date(`${date}T00:00:00Z`)

export async function seedDemo(db: Db, services: Pick<Services, 'credentials' | 'operators'>) {
  const company = await db.company.create({ data: { name: 'デモ株式会社' } })
  const campaign = await db.campaign.create({
    data: {
      companyId: company.id,
      name: '2026年 マイナンバー収集',
      purposes: [...DEFAULT_PURPOSES],
      contact: '人事部 マイナンバー係（内線 1234 / hr@demo.example）',
    },
  })
  const employee = await db.person.create({
    data: { ...DEMO_EMPLOYEE, birthDate: day(DEMO_EMPLOYEE.birthDate), campaignId: campaign.id, kind: 'EMPLOYEE' },
  })
  for (const dependent of DEMO_DEPENDENTS) {
    await db.person.create({
      data: { ...dependent, birthDate: day(dependent.birthDate), campaignId: campaign.id, kind: 'DEPENDENT', employeeId: employee.id },
    })
  }
  const { token, password: employeePassword } = await services.credentials.issue(employee.id)
  await startInstallation(db)
  const { password } = await services.operators.create({
    email: DEMO_ADMIN_EMAIL,
    name: 'デモ 管理者',
    isSystemAdmin: true,
    assignments: [{ companyId: company.id, role: 'administrator' }],
  })
  return { employee: { token, password: employeePassword }, admin: { email: DEMO_ADMIN_EMAIL, password } }
}
