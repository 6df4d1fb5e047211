#!/usr/bin/env node
/**
 * Proof from the build that the employee's first load is small and holds no console code:
 * walks the static import graph of the entry chunk in apps/web/dist/chunk-report.json (written
 * by apps/web/build/chunk-report.ts) and fails if a module under src/admin/ or react-query is
 * in it, or if its compressed JavaScript exceeds the budget (ADR 014: ≤ 120 KB on a slow phone).
 * The compressed sizes are those of the .gz/.br files the API serves (apps/web/build/precompress.ts);
 * the budget applies to gzip, the larger of the two (a browser without brotli gets it).
 * Prints the first load's size and the size of what only the console loads.
 * Run after `pnpm build`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web', 'dist')
const reportFile = path.join(dist, 'chunk-report.json')
if (!fs.existsSync(reportFile)) {
  console.error(`check-employee-bundle: ${reportFile} is missing; run pnpm build first`)
  process.exit(1)
}
const { chunks } = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))

/** Compressed JavaScript the employee's first load may weigh (gzip, 1 KB = 1024 bytes). */
const FIRST_LOAD_BUDGET = 120 * 1024

/** Modules the employee must never download up front. */
const FORBIDDEN = [/^src\/admin\//, /\/@tanstack\/(react-query|query-core)\//]

/** Chunks reachable from `start`: through static imports only (what loads with it), or lazy ones too. */
function closure(start, { lazy }) {
  const seen = new Set()
  const queue = [start]
  while (queue.length > 0) {
    const name = queue.pop()
    if (seen.has(name)) continue
    seen.add(name)
    const chunk = byName.get(name)
    if (!chunk) throw new Error(`chunk-report names a chunk it does not list: ${name}`)
    queue.push(...chunk.imports, ...(lazy ? chunk.dynamicImports : []))
  }
  return seen
}

const bytesOf = (file) => (fs.existsSync(file) ? fs.statSync(file).size : null)

/** Raw, gzip and brotli bytes of chunks as served: the build's .gz/.br copy, or the file itself where no copy was smaller. */
function sizes(names) {
  const total = { raw: 0, gzip: 0, brotli: 0 }
  for (const name of names) {
    const raw = bytesOf(path.join(dist, name))
    total.raw += raw
    total.gzip += bytesOf(path.join(dist, `${name}.gz`)) ?? raw
    total.brotli += bytesOf(path.join(dist, `${name}.br`)) ?? raw
  }
  return total
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const describe = ({ raw, gzip, brotli }) => `${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli`

const entries = chunks.filter((chunk) => chunk.isEntry)
if (entries.length !== 1) {
  console.error(`check-employee-bundle: expected one entry chunk, found ${entries.length}`)
  process.exit(1)
}
const entry = entries[0]
const firstLoad = closure(entry.fileName, { lazy: false })
const offending = []
for (const name of firstLoad) {
  for (const id of byName.get(name).modules) {
    if (FORBIDDEN.some((pattern) => pattern.test(id))) offending.push(`${name}: ${id}`)
  }
}

const lazy = [...closure(entry.fileName, { lazy: true })].filter((name) => !firstLoad.has(name))
const consoleChunks = lazy.filter((name) => byName.get(name).modules.some((id) => id.startsWith('src/admin/')))
if (consoleChunks.length === 0) {
  console.error('check-employee-bundle: no lazy chunk holds src/admin/ — is /admin still a React.lazy route?')
  process.exit(1)
}

const consoleLoad = new Set(consoleChunks.flatMap((name) => [...closure(name, { lazy: true })]).filter((name) => !firstLoad.has(name)))
const first = sizes(firstLoad)
console.log(`employee first load (${firstLoad.size} chunks: ${[...firstLoad].join(', ')}): ${describe(first)} — budget ${kb(FIRST_LOAD_BUDGET)} gzip`)
console.log(`loaded only for /admin (${consoleLoad.size} chunks): ${describe(sizes(consoleLoad))}`)
const unserved = ['.gz', '.br'].filter((suffix) => bytesOf(path.join(dist, entry.fileName + suffix)) === null)
if (unserved.length > 0) {
  console.error(`check-employee-bundle: the entry chunk has no ${unserved.join(' or ')} copy — is build/precompress.ts still in vite.config.ts?`)
  process.exit(1)
}
if (first.gzip > FIRST_LOAD_BUDGET) {
  console.error(
    `check-employee-bundle: the employee first load is ${kb(first.gzip)} of gzip JavaScript, over the ${kb(FIRST_LOAD_BUDGET)} budget (see docs/decisions/014-employee-first-load.md)`,
  )
  process.exit(1)
}
if (offending.length > 0) {
  console.error(`check-employee-bundle: console code in the employee's first load:\n  ${offending.join('\n  ')}`)
  process.exit(1)
}
console.log('check-employee-bundle: the employee first load is within budget and holds no src/admin/ module and no react-query')
