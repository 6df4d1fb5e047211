/**
 * The documents an auditor reads name their proofs, and the ones an operator or the next engineer
 * reads name the code: every file, folder, ADR and test title that docs/security.md,
 * docs/compliance.md, the README and the other living documents cite must exist, or this fails
 * with the list of those that do not. (ADRs are records of their day: the names they cite may
 * since have changed, as later ADRs say.) A path may be written in full or shortened to its end (`domain/sessions.ts`,
 * `login.test.ts`); a title may be shortened with … (its pieces must all be in one title of the
 * file, a describe's and an it's together counting as one).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { citations, testTitles, titlePieces, type Citation } from './references.ts'

const root = path.resolve(import.meta.dirname, '../..')
const DOCUMENTS = ['docs/security.md', 'docs/compliance.md', 'README.md', 'docs/architecture.md', 'docs/deploy.md', 'docs/product.md']
/** Folders that are not the repository's own: dependencies, builds, run-time data. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'data', 'test-results', 'playwright-report'])

function walk(dir: string, files: string[], folders: string[]) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue
    const relative = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) {
      folders.push(`${relative}/`)
      walk(relative, files, folders)
    } else files.push(relative)
  }
}

/** The repository's files (and folders, ending in /) that `ref` names: itself, or every one it is the end of; a built `.js` names its `.ts`. */
function resolver(entries: string[]) {
  const named = (ref: string) => entries.filter((entry) => entry === ref || entry.endsWith(`/${ref}`))
  return (ref: string) => {
    const found = named(ref)
    return found.length || !ref.endsWith('.js') ? found : named(ref.replace(/\.js$/, '.ts'))
  }
}

/** Each citation that names nothing in the repository, as "document:line: what". */
function missing(document: string, cited: Citation[], entries: string[]): string[] {
  const resolve = resolver(entries)
  const adrs = entries
    .filter((entry) => entry.startsWith('docs/decisions/'))
    .map((entry) => entry.slice('docs/decisions/'.length, 'docs/decisions/'.length + 3))
  const titles = new Map<string, string[]>()
  const titlesOf = (file: string) => titles.get(file) ?? titles.set(file, testTitles(readFileSync(path.join(root, file), 'utf8'))).get(file)!
  return cited.flatMap((citation) => {
    const where = `${document}:${citation.line}`
    if (citation.kind === 'path') return resolve(citation.ref).length ? [] : [`${where}: \`${citation.ref}\` — no such file or folder`]
    if (citation.kind === 'adr') return adrs.includes(citation.number) ? [] : [`${where}: ADR ${citation.number} — no docs/decisions/${citation.number}-*.md`]
    const files = resolve(citation.file)
    const pieces = titlePieces(citation.title)
    if (!files.length || !pieces.length) return []
    return files.some((file) => titlesOf(file).some((title) => pieces.every((piece) => title.includes(piece))))
      ? []
      : [`${where}: \`${citation.file}\` › "${citation.title}" — no such test in ${files.join(', ')}`]
  })
}

describe('the documents cite what exists', () => {
  const files: string[] = []
  const folders: string[] = []
  walk('', files, folders)
  const entries = [...files, ...folders]

  it.each(DOCUMENTS)('%s: every cited file, folder, ADR and test title', (document) => {
    const cited = citations(readFileSync(path.join(root, document), 'utf8'), path.posix.dirname(document))
    expect(cited.length).toBeGreaterThan(20)
    expect(missing(document, cited, entries)).toEqual([])
  })

  it('reports a missing file, ADR and test title; takes a shortened path, a shortened title and a describe’s with an it’s', () => {
    const document = [
      '| x | `apps/api/test/login.test.ts` › "locks the credential on the 5th wrong password…", "no test has this title" |',
      '| y | `domain/sessions.ts`, `scripts/docs/`, `no-such-file.test.ts`, ADR 011 and 999, [up](../README.md), [ADR](decisions/999-none.md#why) |',
      '| z | `keys.json` at run time, `DATA_DIR/blobs/`, `pnpm test`, `data/keys.json`, `apps/api/dist/`, `keys-generate.js`, `no-such-entry.js` |',
      '| w | `employee-caps.test.ts` › "refuses a dependent beyond 20…"; `admin-second-factor.test.ts` › "recovery codes stand in for the code…" |',
      '| v | `login.test.ts` › "locks the credential…reopens after the lock time", "locks the credential…answers malformed JSON" |',
    ].join('\n')
    expect(missing('docs/doc.md', citations(document, 'docs'), entries)).toEqual([
      'docs/doc.md:1: `apps/api/test/login.test.ts` › "no test has this title" — no such test in apps/api/test/login.test.ts',
      'docs/doc.md:2: `no-such-file.test.ts` — no such file or folder',
      'docs/doc.md:2: `docs/decisions/999-none.md` — no such file or folder',
      'docs/doc.md:2: ADR 999 — no docs/decisions/999-*.md',
      'docs/doc.md:3: `no-such-entry.js` — no such file or folder',
      'docs/doc.md:5: `login.test.ts` › "locks the credential…answers malformed JSON" — no such test in apps/api/test/login.test.ts',
    ])
  })
})
