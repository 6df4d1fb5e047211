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
import type { Campaign, Person } from '../../generated/prisma/client.ts'
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

/**
 * What a service needs: any role, administrator, or the right to export (administrators, or
 * operators allowed to export). A reachable company without it answers FORBIDDEN.
 */
export type AccessLevel = CompanyRole | 'export'

/**
 * Proof that this module checked the operator may act in a company: the company is reachable
 * (an assignment, or a system administrator; the company's allow-list) and `role` is theirs
 * there. Only the functions below make one — the class is exported as a type only, and its
 * private field makes it nominal, so neither a bare id nor an object of the same shape (a
 * spread copy included) is accepted where a scope is asked for. Services of the console take a
 * scope, or the operator and check for themselves, never an id alone (ADR 053).
 */
class CompanyScope {
  readonly #operator: OperatorIdentity
  readonly companyId: string
  readonly role: CompanyRole
  /** Administrators always; operators only when an administrator allowed it (payroll export). */
  readonly canExport: boolean
  constructor(operator: OperatorIdentity, companyId: string, role: CompanyRole, canExport: boolean) {
    this.#operator = operator
    this.companyId = companyId
    this.role = role
    this.canExport = canExport
  }
  /** Who acts in the company. */
  get operator(): OperatorIdentity {
    return this.#operator
  }
}

/** A campaign of a company the operator may reach. */
class CampaignScope extends CompanyScope {
  readonly campaign: Campaign
  readonly campaignId: string
  constructor(company: CompanyScope, campaign: Campaign) {
    super(company.operator, company.companyId, company.role, company.canExport)
    this.campaign = campaign
    this.campaignId = campaign.id
  }
}

/** An employee (a person of kind EMPLOYEE) of such a campaign. */
class EmployeeScope extends CampaignScope {
  readonly employee: Person
  readonly employeeId: string
  constructor(campaign: CampaignScope, employee: Person) {
    super(campaign, campaign.campaign)
    this.employee = employee
    this.employeeId = employee.id
  }
}

/** A person of such an employee's household: the employee or one of their dependents. */
class PersonScope extends EmployeeScope {
  readonly person: Person
  readonly personId: string
  constructor(employee: EmployeeScope, person: Person) {
    super(employee, employee.employee)
    this.person = person
    this.personId = person.id
  }
}

export type { CampaignScope, CompanyScope, EmployeeScope, PersonScope }

/** FORBIDDEN unless the scope's role reaches `minimum`: a service asks for the level it needs. */
export function requireLevel(scope: CompanyScope, minimum: AccessLevel): void {
  if (minimum === 'administrator' && scope.role !== 'administrator') throw new AppError('FORBIDDEN')
  if (minimum === 'export' && !scope.canExport) throw new AppError('FORBIDDEN')
}

const roleOf = (role: 'ADMINISTRATOR' | 'OPERATOR'): CompanyRole => (role === 'ADMINISTRATOR' ? 'administrator' : 'operator')

/** The company's allow-list, read with the assignment that makes it reachable. */
const withNetworks = { select: { settings: { select: { allowedNetworks: true } } } } as const
const reachableFrom = (address: string, company: { settings: { allowedNetworks: string[] } | null }) =>
  networkAllows(company.settings?.allowedNetworks ?? [], address)

export function createAccess(db: Db) {
  async function company(operator: OperatorIdentity, companyId: string, tx: Tx): Promise<CompanyScope> {
    if (operator.isSystemAdmin) {
      const exists = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } })
      if (!exists) throw new AppError('NOT_FOUND')
      return new CompanyScope(operator, companyId, 'administrator', true)
    }
    const assignment = await tx.companyAssignment.findUnique({
      where: { operatorId_companyId: { operatorId: operator.operatorId, companyId } },
      select: { role: true, canExport: true, company: withNetworks },
    })
    if (!assignment) throw new AppError('NOT_FOUND')
    if (!reachableFrom(operator.address, assignment.company)) throw new AppError('NETWORK_NOT_ALLOWED')
    return new CompanyScope(operator, companyId, roleOf(assignment.role), assignment.role === 'ADMINISTRATOR' || assignment.canExport)
  }

  async function forCampaign(operator: OperatorIdentity, campaignId: string, minimum: AccessLevel = 'operator', tx: Tx = db): Promise<CampaignScope> {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId } })
    if (!campaign) throw new AppError('NOT_FOUND')
    const scope = await company(operator, campaign.companyId, tx)
    requireLevel(scope, minimum)
    return new CampaignScope(scope, campaign)
  }

  async function forEmployee(
    operator: OperatorIdentity,
    campaignId: string,
    employeeId: string,
    minimum: AccessLevel = 'operator',
    tx: Tx = db,
  ): Promise<EmployeeScope> {
    const scope = await forCampaign(operator, campaignId, minimum, tx)
    const employee = await tx.person.findFirst({ where: { id: employeeId, campaignId, kind: 'EMPLOYEE' } })
    if (!employee) throw new AppError('NOT_FOUND')
    return new EmployeeScope(scope, employee)
  }

  return {
    /** The operator's role in a company, or NOT_FOUND. `minimum` above 'operator' adds FORBIDDEN for those below it. */
    async forCompany(operator: OperatorIdentity, companyId: string, minimum: AccessLevel = 'operator', tx: Tx = db): Promise<CompanyScope> {
      const scope = await company(operator, companyId, tx)
      requireLevel(scope, minimum)
      return scope
    },

    /** A campaign the operator may reach, with their role in its company; NOT_FOUND otherwise. */
    forCampaign,

    /** An employee (person of kind EMPLOYEE) of a campaign the operator may reach; NOT_FOUND otherwise. */
    forEmployee,

    /** The employee or one of their dependents, of a campaign the operator may reach; NOT_FOUND otherwise. */
    async forPerson(operator: OperatorIdentity, campaignId: string, employeeId: string, personId: string, tx: Tx = db): Promise<PersonScope> {
      const scope = await forEmployee(operator, campaignId, employeeId, 'operator', tx)
      const person = await tx.person.findFirst({ where: { id: personId, campaignId, OR: [{ id: employeeId }, { employeeId }] } })
      if (!person) throw new AppError('NOT_FOUND')
      return new PersonScope(scope, person)
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
