/**
 * The decisions stay findable: every docs/decisions/NNN-*.md has a number of its own, a heading
 * with that number, a `Date:` and a `Status:` line, and one row in docs/decisions/README.md with
 * the same date; the index names no file that is not there. Two files once shared 014.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const folder = path.resolve(import.meta.dirname, '../../docs/decisions')
const FILE_NAME = /^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/

interface Decision {
  file: string
  number: string
  text: string
}

interface IndexRow {
  line: number
  number: string
  file: string
  date: string
}

/** What is wrong with the decision files themselves: names, numbers shared, headings, date and status lines. */
function fileProblems(decisions: Decision[], others: string[]): string[] {
  const problems = others.map((file) => `${file}: not named NNN-words.md`)
  const byNumber = new Map<string, string[]>()
  for (const { file, number } of decisions) byNumber.set(number, [...(byNumber.get(number) ?? []), file])
  for (const [number, files] of byNumber) if (files.length > 1) problems.push(`ADR ${number} is taken by ${files.join(' and ')}`)
  for (const { file, number, text } of decisions) {
    // The lines before the first section: the title, then Date and Status (one line or two, or a list).
    const head = text.split(/\n(?=## |\*\*Context)/)[0]!
    if (!new RegExp(`^# ${number}\\b`).test(text)) problems.push(`${file}: the heading does not start with "# ${number}"`)
    if (!/^(?:- )?Date: \d{4}-\d{2}-\d{2}\b/m.test(head)) problems.push(`${file}: no "Date: YYYY-MM-DD" line under the title`)
    if (!/(?:^(?:- )?|· )Status: \S/m.test(head)) problems.push(`${file}: no "Status:" line under the title`)
  }
  return problems
}

/** The index's rows: `| NNN | [title](NNN-file.md) | YYYY-MM-DD | status | one line |`. */
function indexRows(readme: string): IndexRow[] {
  return readme.split('\n').flatMap((text, i) => {
    const row = /^\| (\d{3}) \| \[[^\]]+\]\(([^)]+)\) \| (\d{4}-\d{2}-\d{2}) \|/.exec(text)
    return row ? [{ line: i + 1, number: row[1]!, file: row[2]!, date: row[3]! }] : []
  })
}

/** What the index gets wrong: a file without a row, a row without a file, a number or date unlike the file's. */
function indexProblems(decisions: Decision[], rows: IndexRow[]): string[] {
  const problems: string[] = []
  for (const { file } of decisions) {
    const count = rows.filter((row) => row.file === file).length
    if (count !== 1) problems.push(`${file}: ${count ? `${count} rows` : 'no row'} in README.md`)
  }
  for (const row of rows) {
    const decision = decisions.find(({ file }) => file === row.file)
    if (!decision) {
      problems.push(`README.md:${row.line}: ${row.file} does not exist`)
      continue
    }
    if (decision.number !== row.number) problems.push(`README.md:${row.line}: numbered ${row.number}, the file is ${decision.number}`)
    const date = /Date: (\d{4}-\d{2}-\d{2})/.exec(decision.text)?.[1]
    if (date && date !== row.date) problems.push(`README.md:${row.line}: dated ${row.date}, the file says ${date}`)
  }
  return problems
}

describe('the decisions', () => {
  const names = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md')
  const decisions = names.flatMap((file) => {
    const number = FILE_NAME.exec(file)?.[1]
    return number ? [{ file, number, text: readFileSync(path.join(folder, file), 'utf8') }] : []
  })
  const others = names.filter((file) => !FILE_NAME.test(file))

  it('each have a number of their own, a heading with it, a date and a status', () => {
    expect(decisions.length).toBeGreaterThan(40)
    expect(fileProblems(decisions, others)).toEqual([])
  })

  it('are each in the index once, with their number and date, and the index names nothing else', () => {
    expect(indexProblems(decisions, indexRows(readFileSync(path.join(folder, 'README.md'), 'utf8')))).toEqual([])
  })

  it('reports a shared number, a missing date or status, a missing row and a row without a file', () => {
    const made: Decision[] = [
      { file: '001-a.md', number: '001', text: '# 001 — A\n\nDate: 2026-01-01 · Status: Accepted\n\n## Context\n' },
      { file: '002-b.md', number: '002', text: '# 002 B\n\nDate: 2026-01-02\nStatus: Accepted\n\n## Context\n' },
      { file: '002-c.md', number: '002', text: '# 002 — C\n\n## Context\nDate: 2026-01-03\nStatus: Accepted\n' },
      { file: '003-d.md', number: '003', text: '# 004 — D\n\n- Date: 2026-01-04\n- Status: Accepted\n\n## Context\n' },
    ]
    expect(fileProblems(made, ['notes.md'])).toEqual([
      'notes.md: not named NNN-words.md',
      'ADR 002 is taken by 002-b.md and 002-c.md',
      '002-c.md: no "Date: YYYY-MM-DD" line under the title',
      '002-c.md: no "Status:" line under the title',
      '003-d.md: the heading does not start with "# 003"',
    ])
    const readme = [
      '| ADR | Title | Date | Status | In one line |',
      '|---|---|---|---|---|',
      '| 001 | [A](001-a.md) | 2026-01-01 | Accepted | a |',
      '| 002 | [B](002-b.md) | 2026-01-09 | Accepted | b |',
      '| 003 | [D](003-d.md) | 2026-01-04 | Accepted | d |',
      '| 003 | [D](003-d.md) | 2026-01-04 | Accepted | d again |',
      '| 005 | [E](005-e.md) | 2026-01-05 | Accepted | e |',
      '| 009 | [A](001-a.md) | 2026-01-01 | Accepted | a under another number |',
    ].join('\n')
    expect(indexProblems(made, indexRows(readme))).toEqual([
      '001-a.md: 2 rows in README.md',
      '002-c.md: no row in README.md',
      '003-d.md: 2 rows in README.md',
      'README.md:4: dated 2026-01-09, the file says 2026-01-02',
      'README.md:7: 005-e.md does not exist',
      'README.md:8: numbered 009, the file is 001',
    ])
  })
})
