/**
 * Companies of the installation: listed through the operator's assignments, created by a
 * system administrator (who becomes the new company's administrator), renamed by a company
 * administrator.
 */
import type { Company } from '@bango/shared/admin-api'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type Access, type CompanyScope, type OperatorIdentity, requireLevel } from './access.ts'

const toCompany = (company: { id: string; name: string; createdAt: Date }, role: Company['role']): Company => ({
  id: company.id,
  name: company.name,
  role,
  createdAt: company.createdAt.toISOString(),
})

export function createCompanies(db: Db, access: Access, audit: AuditLog) {
  return {
    async list(operator: OperatorIdentity, tx: Tx = db): Promise<Company[]> {
      return (await access.companies(operator, tx)).map((company) => toCompany(company, company.role))
    },

    async create(operator: OperatorIdentity, name: string): Promise<Company> {
      if (!operator.isSystemAdmin) throw new AppError('FORBIDDEN')
      return db.$transaction(async (tx) => {
        const company = await tx.company.create({
          data: { name, assignments: { create: { operatorId: operator.operatorId, role: 'ADMINISTRATOR' } } },
        })
        await audit.record({ ...byOperator(operator, company.id), action: 'company.created', targetId: company.id }, tx)
        return toCompany(company, 'administrator')
      })
    },

    async rename(scope: CompanyScope, name: string): Promise<Company> {
      requireLevel(scope, 'administrator')
      const { operator, companyId, role } = scope
      return db.$transaction(async (tx) => {
        const company = await tx.company.update({ where: { id: companyId }, data: { name } })
        await audit.record({ ...byOperator(operator, companyId), action: 'company.renamed', targetId: companyId }, tx)
        return toCompany(company, role)
      })
    },
  }
}
export type Companies = ReturnType<typeof createCompanies>
