import { describe, expect, it } from 'vitest'
import { canSubmit } from './persons.ts'

describe('canSubmit', () => {
  it('needs the employee registered and everyone else registered or not applicable', () => {
    expect(canSubmit([{ kind: 'employee', status: 'registered' }])).toBe(true)
    expect(canSubmit([{ kind: 'employee', status: 'pending' }])).toBe(false)
    expect(canSubmit([{ kind: 'employee', status: 'not_applicable' }])).toBe(false)
    expect(
      canSubmit([
        { kind: 'employee', status: 'registered' },
        { kind: 'dependent', status: 'not_applicable' },
      ]),
    ).toBe(true)
    expect(
      canSubmit([
        { kind: 'employee', status: 'registered' },
        { kind: 'dependent', status: 'pending' },
      ]),
    ).toBe(false)
    expect(canSubmit([])).toBe(false)
  })
})
