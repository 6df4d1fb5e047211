import { describe, expect, it } from 'vitest'
import { japanToday, latestLeftOn } from './admin-leaving-date.ts'
import { roleForLeftOnChange } from './settings-policy.ts'

describe('the leaving date', () => {
  it('takes today in Japan, and a date up to a year after it', () => {
    expect(japanToday(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12-31')
    expect(japanToday(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01')
    expect(latestLeftOn('2026-12-07')).toBe('2027-12-07')
    // 29 February a year on is 1 March.
    expect(latestLeftOn('2028-02-29')).toBe('2029-03-01')
  })

  it('needs the administrator to move it earlier or clear it, any role to record one or move it later', () => {
    expect(roleForLeftOnChange(null, '2029-03-31')).toBe('operator')
    expect(roleForLeftOnChange('2029-03-31', '2029-04-01')).toBe('operator')
    expect(roleForLeftOnChange('2029-03-31', '2029-03-30')).toBe('administrator')
    expect(roleForLeftOnChange('2029-03-31', null)).toBe('administrator')
  })
})
