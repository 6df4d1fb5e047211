import { describe, expect, it } from 'vitest'
import { DEFAULT_PAYROLL_LAYOUT, PAYROLL_COLUMN_KEYS, PAYROLL_CSV_COLUMNS, PAYROLL_PRESETS, payrollLayoutSchema } from './admin-export.ts'

describe('payroll layouts', () => {
  it('has presets that are valid layouts, the default being the file as it always was', () => {
    for (const preset of PAYROLL_PRESETS) expect(payrollLayoutSchema.safeParse(preset.layout).success, preset.id).toBe(true)
    expect(DEFAULT_PAYROLL_LAYOUT.columns.map((c) => c.header)).toEqual([...PAYROLL_CSV_COLUMNS])
    expect(PAYROLL_PRESETS.find((p) => p.id === 'all')?.layout.columns.map((c) => c.key)).toEqual(PAYROLL_COLUMN_KEYS)
    expect(PAYROLL_PRESETS.find((p) => p.id === 'minimal')?.layout.columns.map((c) => c.header)).toEqual(['社員番号', '氏名', '続柄コード', '個人番号'])
  })

  it('refuses a column twice, a header twice, an empty or over-long header and no column at all', () => {
    const base = { dateFormat: 'iso', datesAsText: true }
    const bad = [
      [
        { key: 'name', header: '氏名' },
        { key: 'name', header: '名前' },
      ],
      [
        { key: 'name', header: '氏名' },
        { key: 'kana', header: '氏名' },
      ],
      [{ key: 'name', header: ' ' }],
      [{ key: 'name', header: 'x'.repeat(41) }],
      [{ key: 'salary', header: '給与' }],
      [],
    ]
    for (const columns of bad) expect(payrollLayoutSchema.safeParse({ ...base, columns }).success, JSON.stringify(columns)).toBe(false)
    expect(payrollLayoutSchema.safeParse({ ...base, dateFormat: 'us', columns: [{ key: 'name', header: '氏名' }] }).success).toBe(false)
  })
})
