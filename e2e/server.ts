/**
 * Starts the real product the way `pnpm start` does — the built artifact, `node
 * apps/api/dist/server.js` (built by e2e/global-setup.ts), with an embedded database in a
 * fresh data folder (its database copied from the run's migrated one) — and reads the demo login it prints. One server per test
 * (the `server` fixture of fixtures.ts): each test starts from the demo employee with two pre-registered dependents and leaves
 * nothing behind.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../apps/api/src/db/database.ts'
import { recordSecret, serverLogFile } from './server-logs.ts'
import { freePort } from '../apps/api/test/free-port.ts'
import { type DemoLogin, demoLoginOf } from '../apps/api/test/instances.ts'

const ARTIFACT = path.resolve('apps/api/dist/server.js')
/** A migrated embedded database made once per run (global-setup.ts); each server starts on a copy. */
export const PGLITE_TEMPLATE_ENV = 'BANGO_E2E_PGLITE_TEMPLATE'

export interface ProductServer {
  baseUrl: string
  loginUrl: string
  password: string
  /** The demo administrator printed on a fresh data folder. */
  admin: { url: string; email: string; password: string }
  dataDir: string
  /** Stops the server (gracefully) and opens its database for inspection. */
  stopAndOpenDatabase(): ReturnType<typeof openDatabase>
  stop(): Promise<void>
}

export async function startProduct(options: { env?: Record<string, string> } = {}): Promise<ProductServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-e2e-'))
  const port = await freePort()
  const template = process.env[PGLITE_TEMPLATE_ENV]
  if (template) await fs.cp(template, path.join(dataDir, 'pglite'), { recursive: true })
  // Always the embedded database, whatever the caller's environment says.
  const { DATABASE_URL: _ignored, ...env } = process.env
  const child: ChildProcess = spawn(process.execPath, [ARTIFACT], {
    // Any folder: the artifact finds its SPA and migrations next to itself.
    cwd: dataDir,
    // info: request lines and security events go to the captured log (scanned after the run).
    // SHUTDOWN_GRACE_SECONDS: the page is still open when a test stops its server, and a request it
    // has in flight must not hold the stop for the production grace (25 s).
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', SHUTDOWN_GRACE_SECONDS: '5', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Everything the server prints, for the log scan of the whole run (server-logs.ts).
  const logFile = serverLogFile(`server-${new Date().toISOString().replace(/[:.]/g, '-')}-${port}`)
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' })
    child.stdout!.pipe(log, { end: false })
    child.stderr!.pipe(log, { end: false })
    child.once('close', () => log.end())
  }
  let output = ''
  const demo = await new Promise<DemoLogin & Pick<ProductServer, 'admin'>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print the demo lines:\n${output}`)), 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const login = demoLoginOf(output)
      if (login?.admin) {
        clearTimeout(timer)
        resolve({ ...login, admin: login.admin })
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}):\n${output}`))
    })
  })

  recordSecret('employee URL token', demo.token)
  recordSecret('employee password', demo.password)
  recordSecret('admin password', demo.admin.password)
  // The server's own keys (keys.json): no log line may carry them either.
  const keys = JSON.parse(await fs.readFile(path.join(dataDir, 'keys.json'), 'utf8')) as Record<string, string>
  for (const [name, value] of Object.entries(keys)) recordSecret(`key ${name}`, name === 'keks' ? value.split(':')[1] : value)

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    // A server that died during the test is the failure to read about, whatever the test saw of it
    // (a refused connection, a timeout): its exit and its last words.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited during the test (code ${child.exitCode}, signal ${child.signalCode}); its last output:\n${output.slice(-8_000)}`)
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    // A graceful stop takes well under a second; a hang is a product bug worth reading about.
    const timeout = new Promise((_, reject) =>
      setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`server did not stop on SIGTERM within 20 s:\n${output}`))
      }, 20_000).unref(),
    )
    await Promise.race([exited, timeout])
  }
  return {
    loginUrl: demo.loginUrl,
    password: demo.password,
    admin: demo.admin,
    baseUrl: `http://localhost:${port}`,
    dataDir,
    async stopAndOpenDatabase() {
      await stop()
      return openDatabase({ pgliteDir: path.join(dataDir, 'pglite') })
    },
    async stop() {
      try {
        await stop()
      } finally {
        await fs.rm(dataDir, { recursive: true, force: true })
      }
    },
  }
}
