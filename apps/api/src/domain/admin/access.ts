/**
 * Who may see what in the console. An operator sees a company only through an assignment
 * (a system administrator sees every company, as its administrator); anything else answers
 * NOT_FOUND, exactly like a missing id, so ids of other companies cannot be probed. A company
 * with a network allow-list answers its operators NETWORK_NOT_ALLOWED from any other address,
 * and drops out of their lists of companies (ADR 035; system administrators are not bound).
 */
import type { CompanyRole } from '@bango/shared/admin-api'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { networkAllows } from '../../lib/networks.ts'

/** The signed-in operator, as the admin auth gate puts it on the request. */
export interface OperatorIdentity {
  operatorId: string
  sessionId: string
  email: string
  name: string
  isSystemAdmin: boolean
  /** Where the request comes from (request.ip, behind the trusted proxies): company allow-lists check it. */
  address: string
}

export interface CompanyAccess {
  companyId: string
  role: CompanyRole
  /** Administrators always; operators only when an administrator allowed it (payroll export). */
  canExport: boolean
}

/**
 * What a route needs: any role, administrator, or the right to export (administrators, or
 * operators allowed to export). A reachable company without it answers FORBIDDEN.
 */
export type AccessLevel = CompanyRole | 'export'

function assertLevel(access: CompanyAccess, minimum: AccessLevel) {
  if (minimum === 'administrator' && access.role !== 'administrator') throw new AppError('FORBIDDEN')
  if (minimum === 'export' && !access.canExport) throw new AppError('FORBIDDEN')
}

const roleOf = (role: 'ADMINISTRATOR' | 'OPERATOR'): CompanyRole => (role === 'ADMINISTRATOR' ? 'administrator' : 'operator')

/** The company's allow-list, read with the assignment that makes it reachable. */
const withNetworks = { select: { settings: { select: { allowedNetworks: true } } } } as const
const reachableFrom = (address: string, company: { settings: { allowedNetworks: string[] } | null }) =>
  networkAllows(company.settings?.allowedNetworks ?? [], address)

export function createAccess(db: Db) {
  async function company(operator: OperatorIdentity, companyId: string, tx: Tx = db): Promise<CompanyAccess> {
    if (operator.isSystemAdmin) {
      const exists = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } })
      if (!exists) throw new AppError('NOT_FOUND')
      return { companyId, role: 'administrator', canExport: true }
    }
    const assignment = await tx.companyAssignment.findUnique({
      where: { operatorId_companyId: { operatorId: operator.operatorId, companyId } },
      select: { role: true, canExport: true, company: withNetworks },
    })
    if (!assignment) throw new AppError('NOT_FOUND')
    if (!reachableFrom(operator.address, assignment.company)) throw new AppError('NETWORK_NOT_ALLOWED')
    return { companyId, role: roleOf(assignment.role), canExport: assignment.role === 'ADMINISTRATOR' || assignment.canExport }
  }

  return {
    /** The operator's role in a company, or NOT_FOUND. `minimum` above 'operator' adds FORBIDDEN for those below it. */
    async company(operator: OperatorIdentity, companyId: string, minimum: AccessLevel = 'operator', tx: Tx = db): Promise<CompanyAccess> {
      const access = await company(operator, companyId, tx)
      assertLevel(access, minimum)
      return access
    },

    /** A campaign the operator may reach, with their role in its company; NOT_FOUND otherwise. */
    async campaign(operator: OperatorIdentity, campaignId: string, minimum: AccessLevel = 'operator', tx: Tx = db) {
      const campaign = await tx.campaign.findUnique({ where: { id: campaignId } })
      if (!campaign) throw new AppError('NOT_FOUND')
      const access = await company(operator, campaign.companyId, tx)
      assertLevel(access, minimum)
      return { campaign, ...access }
    },

    /** An employee (person of kind EMPLOYEE) of a campaign the operator may reach; NOT_FOUND otherwise. */
    async employee(operator: OperatorIdentity, campaignId: string, employeeId: string, tx: Tx = db) {
      const access = await this.campaign(operator, campaignId, 'operator', tx)
      const employee = await tx.person.findFirst({ where: { id: employeeId, campaignId, kind: 'EMPLOYEE' } })
      if (!employee) throw new AppError('NOT_FOUND')
      return { ...access, employee }
    },

    /** Companies the operator sees from where they are, with their role, by name. */
    async companies(operator: OperatorIdentity, tx: Tx = db) {
      if (operator.isSystemAdmin) {
        const companies = await tx.company.findMany({ orderBy: { name: 'asc' } })
        return companies.map((c) => ({ ...c, role: 'administrator' as CompanyRole, canExport: true }))
      }
      const assignments = await tx.companyAssignment.findMany({
        where: { operatorId: operator.operatorId },
        include: { company: { include: withNetworks.select } },
        orderBy: { company: { name: 'asc' } },
      })
      return assignments
        .filter((a) => reachableFrom(operator.address, a.company))
        .map(({ company: { settings: _settings, ...company }, ...a }) => ({
          ...company,
          role: roleOf(a.role),
          canExport: a.role === 'ADMINISTRATOR' || a.canExport,
        }))
    },
  }
}
export type Access = ReturnType<typeof createAccess>
