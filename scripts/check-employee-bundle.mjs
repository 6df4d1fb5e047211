#!/usr/bin/env node
/**
 * Proof from the build that the employee's first load holds no console code: walks the
 * static import graph of the entry chunk in apps/web/dist/chunk-report.json (written by
 * apps/web/build/chunk-report.ts) and fails if a module under src/admin/ or react-query is
 * in it. Prints the employee entry's size and the size of what only the console loads.
 * Run after `pnpm build`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web', 'dist')
const reportFile = path.join(dist, 'chunk-report.json')
if (!fs.existsSync(reportFile)) {
  console.error(`check-employee-bundle: ${reportFile} is missing; run pnpm build first`)
  process.exit(1)
}
const { chunks } = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))

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

function size(names) {
  let raw = 0
  let gzip = 0
  for (const name of names) {
    const bytes = fs.readFileSync(path.join(dist, name))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return `${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzip`
}

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
console.log(`employee first load (${[...firstLoad].join(', ')}): ${size(firstLoad)}`)
console.log(`loaded only for /admin (${consoleLoad.size} chunks): ${size(consoleLoad)}`)
if (offending.length > 0) {
  console.error(`check-employee-bundle: console code in the employee's first load:\n  ${offending.join('\n  ')}`)
  process.exit(1)
}
console.log('check-employee-bundle: the employee first load holds no src/admin/ module and no react-query')
