import { describe, expect, it } from 'vitest'
import { queryKeys } from './query-keys.ts'

const CAMPAIGN = 'campaign-1'
const COMPANY = 'company-1'
type KeyOf = (...args: never[]) => readonly unknown[]
/** Every key a branch makes, by name, with the same ids (a search or a list query where one is asked). */
const built = (branch: Record<string, KeyOf>, id: string) =>
  Object.entries(branch).map(([name, make]) => [name, (make as (...args: unknown[]) => readonly unknown[])(id, 'employee-1', 'person-1')] as const)

describe('the console’s query keys', () => {
  it('puts every query of a campaign under its branch, which an import, an issue, a review or a close invalidates', () => {
    const branch = queryKeys.campaign.all(CAMPAIGN)
    for (const [name, key] of built(queryKeys.campaign, CAMPAIGN)) expect(key.slice(0, branch.length), name).toEqual(branch)
    // Each reading of a number is an audited access: a campaign-wide refresh must not repeat it.
    expect(queryKeys.numberReading(CAMPAIGN, 'employee-1', 'person-1').slice(0, branch.length)).not.toEqual(branch)
  })

  it('puts every list of a company under the companies, which a new or renamed company invalidates', () => {
    for (const [name, key] of built(queryKeys.company, COMPANY)) expect(key.slice(0, 3), name).toEqual([...queryKeys.companies, COMPANY])
  })

  it('never gives two kinds of answer one key', () => {
    const keys = [...built(queryKeys.campaign, CAMPAIGN), ...built(queryKeys.company, COMPANY)].map(([, key]) => JSON.stringify(key))
    expect(new Set(keys).size).toBe(keys.length)
  })
})
