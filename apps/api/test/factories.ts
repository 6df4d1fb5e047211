/**
 * Builders for companies, campaigns, employees and dependents, with overrides, for the API tests
 * and the benches. Test code only: the built artifact never holds them (the demo of `pnpm start`
 * seeds its own household, src/demo.ts).
 */
import { randomUUID } from 'node:crypto'
import { type CompanyRole, DEFAULT_PURPOSES as SHARED_DEFAULT_PURPOSES } from '@bango/shared/admin-api'
import type { Operators } from '../src/domain/admin/operator-authentication.ts'
import type { Credentials } from '../src/domain/credentials.ts'
import type { Prisma } from '../src/generated/prisma/client.ts'
import type { Db } from '../src/db/types.ts'

export const DEFAULT_PURPOSES = [...SHARED_DEFAULT_PURPOSES]

export function createCompany(db: Db, overrides: Partial<Prisma.CompanyUncheckedCreateInput> = {}) {
  return db.company.create({ data: { name: `テスト株式会社 ${randomUUID().slice(0, 8)}`, ...overrides } })
}

export function createCampaign(db: Db, companyId: string, overrides: Partial<Prisma.CampaignUncheckedCreateInput> = {}) {
  return db.campaign.create({
    data: { companyId, name: '2026年 マイナンバー収集', purposes: DEFAULT_PURPOSES, draftLifetimeHours: 24, ...overrides },
  })
}

export interface DependentSeed {
  name: string
  kana: string
  relationship: string
  birthDate: string
}

export const DEFAULT_DEPENDENTS: DependentSeed[] = [
  { name: '総合 花子', kana: 'ソウゴウ ハナコ', relationship: '配偶者', birthDate: '1982-04-12' },
  { name: '総合 一郎', kana: 'ソウゴウ イチロウ', relationship: '子', birthDate: '2012-09-30' },
]

export async function createEmployee(db: Db, campaignId: string, options: { name?: string; kana?: string; dependents?: DependentSeed[] } = {}) {
  const employee = await db.person.create({
    data: {
      campaignId,
      kind: 'EMPLOYEE',
      name: options.name ?? '総合 太郎',
      kana: options.kana ?? 'ソウゴウ タロウ',
      relationship: '本人',
      birthDate: new Date('1980-01-15T00:00:00Z'),
    },
  })
  const dependents = []
  for (const dependent of options.dependents ?? DEFAULT_DEPENDENTS) {
    dependents.push(
      await db.person.create({
        data: { ...dependent, birthDate: new Date(`${dependent.birthDate}T00:00:00Z`), campaignId, kind: 'DEPENDENT', employeeId: employee.id },
      }),
    )
  }
  return { employee, dependents }
}

/** A company with an open campaign and one employee (two dependents by default) who can log in. */
export async function createEmployeeWithLogin(
  db: Db,
  credentials: Credentials,
  options: { campaign?: Partial<Prisma.CampaignUncheckedCreateInput>; dependents?: DependentSeed[]; companyName?: string } = {},
) {
  const company = await createCompany(db, options.companyName ? { name: options.companyName } : {})
  const campaign = await createCampaign(db, company.id, options.campaign)
  const { employee, dependents } = await createEmployee(db, campaign.id, { dependents: options.dependents ?? DEFAULT_DEPENDENTS })
  const { token, password } = await credentials.issue(employee.id)
  return { company, campaign, employee, dependents, token, password }
}

export interface OperatorSeed {
  email?: string
  name?: string
  password?: string
  isSystemAdmin?: boolean
  assignments?: { companyId: string; role: CompanyRole }[]
}

/** An operator account that can sign in with `password` (no forced change). */
export async function createOperator(operators: Operators, overrides: OperatorSeed = {}) {
  const password = overrides.password ?? `pw-${randomUUID()}`
  const { operator } = await operators.create({
    email: overrides.email ?? `operator-${randomUUID().slice(0, 8)}@example.test`,
    name: overrides.name ?? '人事 一郎',
    isSystemAdmin: overrides.isSystemAdmin ?? false,
    password,
    assignments: overrides.assignments ?? [],
  })
  return { operator, password }
}
