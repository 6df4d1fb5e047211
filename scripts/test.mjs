#!/usr/bin/env node
/**
 * `pnpm test`: everything, in three stages, each failing the run.
 *
 *   1. the static checks and the build, side by side (each is one process, mostly on one core):
 *      typecheck, lint, Prettier, and `pnpm build` followed by the employee bundle's check;
 *   2. vitest: every project, two files at a time, in groups (vitest.config.ts);
 *   3. Playwright against the built artifact, three tests at a time (playwright.config.ts).
 *
 * Playwright beside vitest's API projects was no faster (625 s against 596 s in all): the CPU,
 * not waiting, is what the run is made of by then. Typecheck and lint beside Playwright (which
 * leaves about 40 % of the CPU idle) were a wash too (10 + 148 s against 37 + 120 s): they stay
 * first, where their errors show before vitest's five minutes.
 *
 * Temporary files go to a folder in memory (/dev/shm) where the machine has room there: the suites
 * copy database folders and write blobs by the thousand (every crash-injection trial copies a 40 MB
 * PGlite folder: 0.9 s on this machine's disk, 0.05 s in memory). Each process sees it as its TMPDIR;
 * it is removed at the end.
 *
 * A step's output is printed whole when it ends, so that steps run side by side stay readable.
 * The time of each step is printed at the end.
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const times = []

/** A private folder in /dev/shm when it has 4 GiB free, else null (the system's TMPDIR is used). */
async function memoryScratch() {
  try {
    const { bavail, bsize } = await fs.statfs('/dev/shm')
    return bavail * bsize >= 4 * 2 ** 30 ? await fs.mkdtemp('/dev/shm/bango-test-') : null
  } catch {
    return null
  }
}
const scratch = await memoryScratch()
// Node's compile cache there too: the dozens of Node processes the suites start (servers, image
// children, CLI runs) compile the same modules once instead of each on its own.
const env = scratch ? { ...process.env, TMPDIR: scratch, NODE_COMPILE_CACHE: path.join(scratch, 'node-compile-cache') } : process.env
if (scratch) {
  console.log(`temporary files: ${scratch}`)
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))
}

/** Runs one command; resolves to its exit code and, unless it prints straight through, its output. */
function spawnCommand([command, ...args], inherit) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, env, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** Runs `commands` one after the other as one step, stopping at the first that fails; resolves to its exit code. */
async function run(name, commands, { inherit = false } = {}) {
  const started = performance.now()
  let code = 0
  let output = ''
  for (const command of commands) {
    const result = await spawnCommand(command, inherit)
    output += result.output
    code = result.code
    if (code !== 0) break
  }
  times.push([name, (performance.now() - started) / 1000])
  if (!inherit) process.stdout.write(`\n=== ${name}${code === 0 ? '' : ' FAILED'}\n${output}`)
  return code
}

function finish(code) {
  console.log('\n=== pnpm test: step times')
  for (const [name, seconds] of times) console.log(`${seconds.toFixed(0).padStart(5)}s  ${name}`)
  process.exit(code)
}

const pnpm = (...args) => ['pnpm', ...args]
const node = (...args) => [process.execPath, ...args]

const checks = await Promise.all([
  run('typecheck', [pnpm('run', 'typecheck')]),
  run('lint', [pnpm('run', 'lint')]),
  run('prettier', [pnpm('run', 'format:check')]),
  run('build, employee bundle', [pnpm('run', 'build'), node('scripts/check-employee-bundle.mjs')]),
])
if (checks.some((code) => code !== 0)) finish(1)

console.log('\n=== vitest')
if ((await run('vitest', [pnpm('exec', 'vitest', 'run')], { inherit: true })) !== 0) finish(1)

console.log('\n=== playwright')
finish(await run('playwright', [pnpm('exec', 'playwright', 'test')], { inherit: true }))
