/**
 * Who may see what in the console. An operator sees a company only through an assignment
 * (a system administrator sees every company, as its administrator); anything else answers
 * NOT_FOUND, exactly like a missing id, so ids of other companies cannot be probed.
 */
import type { CompanyRole } from '@bango/shared/admin-api'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'

/** The signed-in operator, as the admin auth gate puts it on the request. */
export interface OperatorIdentity {
  operatorId: string
  sessionId: string
  email: string
  name: string
  isSystemAdmin: boolean
}

export interface CompanyAccess {
  companyId: string
  role: CompanyRole
}

const roleOf = (role: 'ADMINISTRATOR' | 'OPERATOR'): CompanyRole => (role === 'ADMINISTRATOR' ? 'administrator' : 'operator')

export function createAccess(db: Db) {
  async function company(operator: OperatorIdentity, companyId: string, tx: Tx = db): Promise<CompanyAccess> {
    if (operator.isSystemAdmin) {
      const exists = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } })
      if (!exists) throw new AppError('NOT_FOUND')
      return { companyId, role: 'administrator' }
    }
    const assignment = await tx.companyAssignment.findUnique({
      where: { operatorId_companyId: { operatorId: operator.operatorId, companyId } },
      select: { role: true },
    })
    if (!assignment) throw new AppError('NOT_FOUND')
    return { companyId, role: roleOf(assignment.role) }
  }

  return {
    /** The operator's role in a company, or NOT_FOUND. `minimum: 'administrator'` adds FORBIDDEN for operators. */
    async company(operator: OperatorIdentity, companyId: string, minimum: CompanyRole = 'operator', tx: Tx = db): Promise<CompanyAccess> {
      const access = await company(operator, companyId, tx)
      if (minimum === 'administrator' && access.role !== 'administrator') throw new AppError('FORBIDDEN')
      return access
    },

    /** A campaign the operator may reach, with their role in its company; NOT_FOUND otherwise. */
    async campaign(operator: OperatorIdentity, campaignId: string, minimum: CompanyRole = 'operator', tx: Tx = db) {
      const campaign = await tx.campaign.findUnique({ where: { id: campaignId } })
      if (!campaign) throw new AppError('NOT_FOUND')
      const access = await company(operator, campaign.companyId, tx)
      if (minimum === 'administrator' && access.role !== 'administrator') throw new AppError('FORBIDDEN')
      return { campaign, ...access }
    },

    /** An employee (person of kind EMPLOYEE) of a campaign the operator may reach; NOT_FOUND otherwise. */
    async employee(operator: OperatorIdentity, campaignId: string, employeeId: string, tx: Tx = db) {
      const access = await this.campaign(operator, campaignId, 'operator', tx)
      const employee = await tx.person.findFirst({ where: { id: employeeId, campaignId, kind: 'EMPLOYEE' } })
      if (!employee) throw new AppError('NOT_FOUND')
      return { ...access, employee }
    },

    /** Companies the operator sees, with their role, by name. */
    async companies(operator: OperatorIdentity, tx: Tx = db) {
      if (operator.isSystemAdmin) {
        const companies = await tx.company.findMany({ orderBy: { name: 'asc' } })
        return companies.map((c) => ({ ...c, role: 'administrator' as CompanyRole }))
      }
      const assignments = await tx.companyAssignment.findMany({
        where: { operatorId: operator.operatorId },
        include: { company: true },
        orderBy: { company: { name: 'asc' } },
      })
      return assignments.map((a) => ({ ...a.company, role: roleOf(a.role) }))
    },
  }
}
export type Access = ReturnType<typeof createAccess>
