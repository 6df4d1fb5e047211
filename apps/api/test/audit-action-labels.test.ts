/**
 * Every action the API records has a Japanese label (and a group) in the audit viewer's list
 * (AUDIT_ACTIONS): read from the source, so a new `action: '…'` without a label fails here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS } from '@bango/shared/admin-audit'
import { expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '../src')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

/** `'group.name'` literals on lines that set an action (plain and conditional). */
function recordedActions(): Set<string> {
  const actions = new Set<string>()
  for (const file of sourceFiles(SRC)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction\b/.test(line)) continue
      for (const match of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) actions.add(match[1]!)
    }
  }
  return actions
}

it('labels every recorded action, within a labelled group', () => {
  const actions = recordedActions()
  for (const known of ['person.returned', 'person.approved', 'document.viewed', 'number.recorded', 'campaign.disposed']) expect(actions).toContain(known)
  const unlabelled = [...actions].filter((action) => !(action in AUDIT_ACTIONS))
  expect(unlabelled).toEqual([])
  const ungrouped = Object.keys(AUDIT_ACTIONS).filter((action) => !(action.split('.')[0]! in AUDIT_ACTION_GROUPS))
  expect(ungrouped).toEqual([])
})
