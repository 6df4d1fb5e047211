#!/usr/bin/env node
/**
 * `pnpm build`: the SPA (apps/web/dist, vite) and then the API artifact (apps/api/dist, see
 * apps/api/build.mjs), which carries a copy of the SPA and the migrations.
 *
 *   node scripts/build.mjs [--if-stale]
 *
 * `--if-stale` (pnpm start, admin:create, keys:generate, the e2e and artifact tests) builds a
 * part only when its output is missing or older than any of its sources: file and folder mtimes
 * (a folder's changes when a file is added or removed), test files left out. One build at a
 * time: parallel callers wait on a lock folder and then find the build fresh.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const at = (...parts) => path.join(repo, ...parts)

const PARTS = {
  web: {
    sources: [
      'apps/web/src',
      'apps/web/build',
      'apps/web/index.html',
      'apps/web/vite.config.ts',
      'apps/web/package.json',
      'packages/shared/src',
      'pnpm-lock.yaml',
    ],
    // vite empties dist/ first, so a failed build leaves these missing.
    outputs: ['apps/web/dist/index.html', 'apps/web/dist/chunk-report.json'],
    command: ['pnpm', ['--filter', '@bango/web', 'build']],
  },
  api: {
    sources: ['apps/api/src', 'apps/api/build.mjs', 'apps/api/package.json', 'packages/shared/src', 'prisma/migrations', 'apps/web/dist', 'pnpm-lock.yaml'],
    // build.mjs swaps the whole folder in at the end: server.js present means complete.
    outputs: ['apps/api/dist/server.js'],
    command: [process.execPath, [at('apps/api/build.mjs')]],
  },
}

const TEST_FILE = /\.test\.[cm]?[jt]sx?$/

/** Newest mtime under `entry` (files and folders; test files skipped), 0 when it does not exist. */
function newestMtime(entry) {
  let stat
  try {
    stat = fs.statSync(entry)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return TEST_FILE.test(entry) ? 0 : stat.mtimeMs
  let newest = stat.mtimeMs
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)))
  return newest
}

/** Why the part needs building, or null when its outputs are newer than every source. */
function staleness(part) {
  const outputTimes = part.outputs.map((file) => newestMtime(at(file)))
  if (outputTimes.some((time) => time === 0)) return 'missing'
  const built = Math.min(...outputTimes)
  const changed = part.sources.find((source) => newestMtime(at(source)) > built)
  return changed ? `${changed} changed` : null
}

const LOCK = at('node_modules', '.bango-build-lock')
const STALE_LOCK_MS = 10 * 60_000

function withLock(run) {
  for (;;) {
    try {
      fs.mkdirSync(LOCK)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      // A build killed midway leaves its lock: taken over once it is older than any real build.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true })
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
    }
  }
  try {
    return run()
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true })
  }
}

const ifStale = process.argv.includes('--if-stale')

withLock(() => {
  // In this order: the API artifact carries a copy of the SPA.
  for (const name of ['web', 'api']) {
    const reason = ifStale ? staleness(PARTS[name]) : 'requested'
    if (!reason) continue
    if (ifStale) console.error(`build: ${name} (${reason})`)
    const [command, commandArgs] = PARTS[name].command
    // Build output goes to stderr: stdout stays for what the caller prints (keys:generate).
    const result = spawnSync(command, commandArgs, { cwd: repo, stdio: ['ignore', process.stderr, 'inherit'] })
    if (result.status !== 0) {
      console.error(`build: ${name} failed`)
      process.exit(result.status ?? 1)
    }
  }
})
