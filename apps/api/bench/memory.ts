/**
 * `pnpm --filter @bango/api bench:memory`: where the resident memory of an idle server goes, on
 * the built artifact (`node dist/server.js`, as `pnpm bench` starts it), and the embedded
 * database's authenticated read (the /me figure of `pnpm bench`, alone).
 *
 * Instances: bare Fastify (the yardstick), PostgreSQL (this machine's server), the embedded
 * database on a fresh DATA_DIR (the first `pnpm start`, what `pnpm bench` measures) and the same
 * folder started again. For each,
 * the resident set is split by /proc/<pid>/smaps and bench/memory-probe.mjs (preloaded into the
 * server: V8 heap and WASM memories per thread, their creators noted when created):
 *   WASM memories   the resident part of each memory's mapping (found by its size)
 *   V8 heaps        every thread's total_physical_size
 *   node, libraries file-backed mappings: the node binary, sharp/libvips, other shared objects
 *   malloc & other  the rest of the anonymous memory: glibc arenas ([heap] and 64 MB arenas),
 *                   V8's code space, Node's and the libraries' native allocations
 * then the same after a full garbage collection in every thread (garbage that is only waiting).
 *
 * Run: pnpm --filter @bango/api bench:memory   (SECONDS_PER_RUN, default 8; BENCH_DATABASE_URL;
 * glibc's MALLOC_* variables, e.g. MALLOC_MMAP_THRESHOLD_=131072, are passed on to the servers)
 */
import autocannon from 'autocannon'
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { generateKeySet } from '../src/lib/keys.ts'
import { freePort } from '../test/free-port.ts'
import { openTestDatabase } from '../test/harness.ts'
import { type Instance, demoLoginOf, signInOverHttp, startInstance } from '../test/instances.ts'

const SECONDS = Number(process.env.SECONDS_PER_RUN ?? 8)
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const PROBE = path.join(import.meta.dirname, 'memory-probe.mjs')
const MB = 1024 * 1024
/** glibc's allocator settings of this run, for the servers too (they start with a bare environment). */
const MALLOC = Object.fromEntries(
  Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith('MALLOC_') && entry[1] !== undefined),
)

interface Vma {
  perms: string
  file: string
  sizeKb: number
  rssKb: number
}
interface ThreadReport {
  thread: string
  heapPhysical: number
  wasm: { by: string; bytes: number }[]
  eventLoopDelay?: { p50: number; p99: number; max: number }
}

async function mappings(pid: number): Promise<Vma[]> {
  const vmas: Vma[] = []
  for (const line of (await fs.readFile(`/proc/${pid}/smaps`, 'utf8')).split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (header) vmas.push({ perms: header[1]!, file: header[2]!, sizeKb: 0, rssKb: 0 })
    else if (line.startsWith('Size:')) vmas.at(-1)!.sizeKb = Number(line.split(/\s+/)[1])
    else if (line.startsWith('Rss:')) vmas.at(-1)!.rssKb = Number(line.split(/\s+/)[1])
  }
  return vmas
}

/** The probe's reports from every thread of the process. */
async function probe(child: ChildProcess, file: string, collect: boolean): Promise<ThreadReport[]> {
  await fs.rm(file, { force: true })
  if (collect) await fs.writeFile(`${file}.gc`, '')
  else await fs.rm(`${file}.gc`, { force: true })
  child.kill('SIGUSR2')
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const text = await fs.readFile(file, 'utf8').catch(() => null)
    if (text) return JSON.parse(text) as ThreadReport[]
  }
  throw new Error('the memory probe did not answer')
}

type Breakdown = Record<string, number>
/** The main thread's event-loop delay over the last interval between two reports. */
let lastDelay = ''

async function breakdown(child: ChildProcess, file: string, collect = false): Promise<Breakdown> {
  const reports = await probe(child, file, collect)
  const delay = reports[0]!.eventLoopDelay!
  lastDelay = `event-loop delay p50 ${delay.p50.toFixed(1)} ms, p99 ${delay.p99.toFixed(1)} ms, max ${delay.max.toFixed(0)} ms`
  const vmas = await mappings(child.pid!)
  const parts: Breakdown = {}
  const add = (key: string, kb: number) => {
    parts[key] = (parts[key] ?? 0) + kb / 1024
  }
  const claimed = new Set<Vma>()
  // A WASM memory is one read-write anonymous mapping of its size (V8 may add a page).
  const memories = new Map<string, { count: number; rssKb: number }>()
  for (const { by, bytes } of reports.flatMap((report) => report.wasm)) {
    const kb = bytes / 1024
    const vma = vmas.find((v) => !claimed.has(v) && v.file === '' && v.perms.startsWith('rw') && v.sizeKb >= kb && v.sizeKb <= kb + 64)
    if (!vma) continue
    claimed.add(vma)
    const key = `${by}, ${(bytes / MB).toFixed(0)} MB mapped`
    const seen = memories.get(key) ?? { count: 0, rssKb: 0 }
    memories.set(key, { count: seen.count + 1, rssKb: seen.rssKb + vma.rssKb })
  }
  for (const [key, { count, rssKb }] of memories) add(`WASM: ${count > 1 ? `${count} × ` : ''}${key}`, rssKb)
  const heaps = reports.reduce((sum, report) => sum + report.heapPhysical, 0) / 1024
  for (const vma of vmas) {
    if (claimed.has(vma) || vma.rssKb === 0) continue
    if (vma.file.endsWith('/node') || vma.file.endsWith('/bin/node')) add('node binary (file)', vma.rssKb)
    else if (/sharp|libvips/.test(vma.file)) add('sharp + libvips (file)', vma.rssKb)
    else if (vma.file.startsWith('/')) add('other shared objects (file)', vma.rssKb)
    else add('anonymous', vma.rssKb)
  }
  // V8's heap pages are anonymous mappings: what they hold is taken out of the anonymous total.
  parts['V8 heaps (all threads)'] = heaps / 1024
  parts['malloc & other anonymous'] = (parts.anonymous ?? 0) - heaps / 1024
  delete parts.anonymous
  parts.total = vmas.reduce((sum, vma) => sum + vma.rssKb, 0) / 1024
  parts.threads = reports.length
  return parts
}

const columns: { name: string; values: Breakdown }[] = []
const loads: string[] = []

async function measure(name: string, env: Record<string, string>, options: { read?: (instance: Instance) => Promise<Record<string, string> | null> } = {}) {
  const dataDir = env.DATA_DIR!
  const file = path.join(dataDir, 'memory-probe.json')
  const instance = await startInstance(
    name,
    { ...env, ...MALLOC, LOG_LEVEL: 'info', BANGO_MEMORY_PROBE: file },
    { logFile: path.join(dataDir, 'server.log'), nodeArgs: ['--expose-gc', '--import', PROBE] },
  )
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000))
    columns.push({ name: `${name}, idle`, values: await breakdown(instance.child, file) })
    const headers = await options.read?.(instance)
    if (headers) {
      const url = `http://127.0.0.1:${instance.port}/api/employee/me`
      await autocannon({ url, connections: 50, duration: 2, headers })
      const result = await autocannon({ url, connections: 50, duration: SECONDS, headers })
      const values = await breakdown(instance.child, file)
      loads.push(
        `GET /me, ${name}, 50 connections: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${result.non2xx + result.errors ? `, ${result.non2xx + result.errors} failed` : ''}; server's ${lastDelay}`,
      )
      columns.push({ name: `${name}, after the load`, values })
    }
    columns.push({ name: `${name}, after a full GC`, values: await breakdown(instance.child, file, true) })
  } finally {
    await instance.stop()
  }
}

/** The demo employee's bearer header, from the login line a fresh embedded database prints. */
async function demoLogin(instance: Instance) {
  const demo = demoLoginOf(instance.output())
  return demo ? signInOverHttp(`http://127.0.0.1:${instance.port}`, demo) : null
}

/** Bare Fastify (the yardstick of `pnpm bench`), idle. */
async function measureBare(dir: string) {
  const port = await freePort()
  const file = path.join(dir, 'memory-probe.json')
  const child = spawn(process.execPath, ['--expose-gc', '--import', PROBE, path.join(import.meta.dirname, 'bare-fastify.mjs')], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), BANGO_MEMORY_PROBE: file, ...MALLOC },
    stdio: 'ignore',
  })
  try {
    for (let i = 0; !(await fetch(`http://127.0.0.1:${port}/`).catch(() => null))?.ok; i++) {
      if (i > 100) throw new Error('bare Fastify did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
    columns.push({ name: 'bare Fastify, idle', values: await breakdown(child, file) })
  } finally {
    child.kill('SIGTERM')
  }
}

const database = await openTestDatabase(serverUrl)
const pgDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-memory-pg-'))
const embeddedDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-memory-pglite-'))
try {
  await measureBare(pgDir)
  await measure('PostgreSQL', { DATABASE_URL: database.url!, ...generateKeySet(), DATA_DIR: pgDir })
  await measure('embedded, fresh DATA_DIR', { DATA_DIR: embeddedDir }, { read: demoLogin })
  await measure('embedded, started again', { DATA_DIR: embeddedDir })
} finally {
  await database.close()
  await fs.rm(pgDir, { recursive: true, force: true })
  await fs.rm(embeddedDir, { recursive: true, force: true })
}

const keys = [...new Set(columns.flatMap((column) => Object.keys(column.values)))].sort((a, b) =>
  a === 'total' ? 1 : b === 'total' ? -1 : a === 'threads' ? 1 : b === 'threads' ? -1 : a.localeCompare(b),
)
console.log(
  `\nresident memory in MB — ${os.cpus().length} cores, ${new Date().toISOString()}${
    Object.keys(MALLOC).length
      ? `, ${Object.entries(MALLOC)
          .map(([key, value]) => `${key}=${value}`)
          .join(' ')}`
      : ''
  }\n`,
)
console.log(`| component | ${columns.map((column) => column.name).join(' | ')} |`)
console.log(`|---|${columns.map(() => '---:').join('|')}|`)
for (const key of keys)
  console.log(`| ${key} | ${columns.map((column) => (column.values[key] === undefined ? '' : column.values[key]!.toFixed(0))).join(' | ')} |`)
console.log('')
for (const line of loads) console.log(line)
