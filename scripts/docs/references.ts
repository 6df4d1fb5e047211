/**
 * What a document cites as its proof: files and folders of the repository (in `code` spans, and
 * relative Markdown links), ADRs by number, and test titles (`file.test.ts` › "title…", the form
 * docs/security.md and docs/compliance.md use). references.test.ts checks each one exists. A
 * built entry point (`keys-generate.js`) is cited by the name it runs under: its source is the `.ts`.
 */
import path from 'node:path'

export type Citation =
  { kind: 'path'; line: number; ref: string } | { kind: 'adr'; line: number; number: string } | { kind: 'title'; line: number; file: string; title: string }

/** Files Bango writes at run time: named in the docs, never in the repository. */
const RUNTIME_FILES = new Set(['keys.json', 'issued.json'])
/** What the build writes (`dist/`, `apps/api/dist/…`) and a development installation keeps (`data/`): named, never committed. */
const MADE = /^(?:apps\/\w+\/)?dist\/|^data\//
const FILE = /^[\w@.-]+(?:\/[\w@.[\]-]+)*\.(?:ts|tsx|js|mjs|cjs|md|prisma|sql|css|json|ya?ml|html)$/
const FOLDER = /^[\w@.-]+(?:\/[\w@.-]+)*\/$/

/** A code span's text as a repository path, or null when it names something else (a setting, a command, a URL). */
export function asPath(text: string): string | null {
  const ref = text.replace(/^\.\//, '')
  if (RUNTIME_FILES.has(ref) || MADE.test(ref)) return null
  // DATA_DIR/keys.json, $DATA_DIR/blobs: a place an installation chooses.
  if (/^\$|^[A-Z][A-Z_]+\//.test(ref)) return null
  if (FILE.test(ref)) return ref
  if (FOLDER.test(ref) && ref.includes('/') && ref.length > 2) return ref
  return null
}

/** Skips a balanced ( … ) starting at `start`; returns the index after it. */
function skipParens(text: string, start: number): number {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return i + 1
  }
  return text.length
}

/**
 * The quoted titles after a `›`: "a", "b" (a remark) "c"… A quote closes a title only before
 * a comma, semicolon, bracket, cell border or the end, so "refuses "true"…" is one title.
 */
export function titlesAfter(text: string, start: number): string[] {
  const titles: string[] = []
  let i = start
  for (;;) {
    const gap = /^(?:[ ,]|and |or )*/.exec(text.slice(i))![0]
    i += gap.length
    if (text[i] === '(') {
      i = skipParens(text, i)
      continue
    }
    if (text[i] !== '"') return titles
    let end = text.indexOf('"', i + 1)
    while (end >= 0 && !CLOSES.test(text.slice(end + 1))) end = text.indexOf('"', end + 1)
    if (end < 0) return titles
    titles.push(text.slice(i + 1, end))
    i = end + 1
  }
}
/** What may follow the quote that closes a title; any other quote is part of it. */
const CLOSES = /^(?:$|[,;).|]|\s+(?:$|[(;|,—]|and "|or "))/

/** Every citation in a Markdown document in the folder `base`, with its line number; links are made relative to the root. */
export function citations(markdown: string, base: string): Citation[] {
  const found: Citation[] = []
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1
    for (const match of text.matchAll(/`([^`]+)`/g)) {
      const ref = asPath(match[1]!)
      if (!ref) continue
      found.push({ kind: 'path', line, ref })
      const after = text.slice(match.index + match[0].length)
      const arrow = /^\s*›\s*/.exec(after)
      if (!arrow || !/\.(?:test|spec)\.tsx?$/.test(ref)) continue
      for (const title of titlesAfter(after, arrow[0].length)) found.push({ kind: 'title', line, file: ref, title })
    }
    for (const match of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (!/^[a-z]+:/.test(match[1]!)) found.push({ kind: 'path', line, ref: path.posix.join(base, match[1]!) })
    }
    for (const match of text.matchAll(/\bADRs? (\d{3}(?:(?:, | and | or |–)\d{3})*)/g)) {
      for (const number of match[1]!.split(/, | and | or |–/)) found.push({ kind: 'adr', line, number })
    }
  })
  return found
}

/** The pieces of a shortened title ("a…b", "…b") that the test's own title must contain. */
export function titlePieces(title: string): string[] {
  return title
    .split(/…|\.\.\./)
    .map((piece) => skeleton(piece).trim())
    .filter((piece) => piece.length > 0)
}

/**
 * Text as titles are compared: ’ as ', escaped quotes as typed, and every number and `${…}` as one
 * mark — a title takes its numbers from constants (`beyond ${EMPLOYEE_LIMITS.maxDependents}`),
 * the docs write them out.
 */
export const skeleton = (text: string) =>
  text
    .replace(/\\(['"`])/g, '$1')
    .replace(/[‘’]/g, "'")
    .replace(/\$\{[^}]*\}|\d[\d,]*/g, '#')

/**
 * The titles a test file can be cited by: each describe, it and test title, and each it or test
 * title after a describe's (the full name, "describe it"). Nesting is not followed: any pair counts.
 */
export function testTitles(source: string): string[] {
  const groups: string[] = []
  const tests: string[] = []
  for (const call of source.matchAll(/\b(describe|it|test)((?:\.\w+)*)\(/g)) {
    let i = call.index + call[0].length
    // describe.runIf(x)(…), it.each([…])(…): the modifier's arguments come first.
    if (call[2] && !/^\s*['"`]/.test(source.slice(i))) {
      for (let depth = 1; i < source.length && depth > 0; i++) {
        if (source[i] === '(') depth++
        else if (source[i] === ')') depth--
      }
      if (source[i] !== '(') continue
      i++
    }
    const literal = /^\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/.exec(source.slice(i))
    if (literal) (call[1] === 'describe' ? groups : tests).push(literal[2]!)
  }
  return [...groups, ...tests, ...groups.flatMap((group) => tests.map((title) => `${group} ${title}`))].map(skeleton)
}
