/**
 * Every action the API records has a Japanese label in the shared AUDIT_ACTIONS (the audit
 * viewer's 操作 select and CSV): scanned from the source, so a new event without a label fails.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { AUDIT_ACTIONS } from '@bango/shared/admin-audit'
import { describe, expect, it } from 'vitest'

const SRC = path.join(import.meta.dirname, '../src')

async function recordedActions(): Promise<Set<string>> {
  const actions = new Set<string>()
  const files = (await fs.readdir(SRC, { recursive: true })).filter((file) => file.endsWith('.ts') && !file.startsWith('generated'))
  for (const file of files) {
    const text = await fs.readFile(path.join(SRC, file), 'utf8')
    for (const line of text.split('\n')) {
      if (!/action:|record\(/.test(line)) continue
      for (const match of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) actions.add(match[1]!)
    }
  }
  return actions
}

describe('AUDIT_ACTIONS', () => {
  it('labels every action recorded in apps/api/src', async () => {
    const recorded = await recordedActions()
    expect(recorded.size).toBeGreaterThan(40)
    expect(recorded).toContain('export.payroll_csv')
    expect([...recorded].filter((action) => !(action in AUDIT_ACTIONS)).sort()).toEqual([])
  })
})
