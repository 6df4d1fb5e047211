/**
 * Instances of the built artifact as child processes (`node apps/api/dist/server.js`), and a
 * round-robin proxy in front of them: for the three-instance test and the benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './free-port.ts'

const SERVER = path.resolve(import.meta.dirname, '../dist/server.js')

export interface LogLine {
  time: number
  msg: string
  job?: string
  level: number
}

export interface Instance {
  name: string
  port: number
  child: ChildProcess
  logs: LogLine[]
  output: () => string
  /** SIGTERM, and wait for the exit. */
  stop: () => Promise<void>
}

/**
 * `node dist/server.js` until it answers /api/health. Its output and JSON log lines are kept in
 * memory, or with `logFile` written to that file (a benchmark's request log: a pipe read by a
 * busy load generator would fill and block the server's synchronous log writes).
 */
export async function startInstance(name: string, env: Record<string, string>, options: { logFile?: string; nodeArgs?: string[] } = {}): Promise<Instance> {
  const port = await freePort()
  const logFd = options.logFile ? openSync(options.logFile, 'a') : null
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER], {
    cwd: await fs.mkdtemp(path.join(os.tmpdir(), `bango-${name}-`)),
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: logFd === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
  })
  if (logFd !== null) closeSync(logFd)
  let output = ''
  const logs: LogLine[] = []
  let partial = ''
  const keep = (chunk: Buffer) => {
    output += chunk.toString()
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine)
      } catch {
        // Not a log line.
      }
    }
  }
  const keepError = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keepError)
  const printed = () => (options.logFile ? readFileSync(options.logFile, 'utf8') : output)
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${printed()}`)
    if ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok) break
    if (attempt > 600) throw new Error(`${name} did not answer /api/health within 60 s:\n${printed()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return { name, port, child, logs, output: printed, stop }
}

/**
 * A load balancer in miniature: each request goes to the next instance; one that refuses the
 * connection (dead) is skipped, as a health-checked balancer would. It writes the client's
 * address into X-Forwarded-For (a test names it in `x-test-client`, as if calling from there).
 */
export async function startProxy(instances: Instance[]) {
  let next = 0
  const served: { url: string; instance: string }[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const { 'x-test-client': client, ...headers } = request.headers
      headers['x-forwarded-for'] = String(client ?? request.socket.remoteAddress)
      const attempt = (tries: number) => {
        const target = instances[next++ % instances.length]!
        const upstream = http.request({ host: '127.0.0.1', port: target.port, method: request.method, path: request.url, headers, agent: false }, (answer) => {
          served.push({ url: request.url ?? '', instance: target.name })
          response.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(response)
        })
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && tries < instances.length) return attempt(tries + 1)
          response.writeHead(502).end(error.code)
        })
        upstream.end(body)
      }
      attempt(1)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return { url: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** The lines a fresh embedded database prints for the operator (src/server.ts), one each. */
export const DEMO_LINES = {
  employee: /^Demo login: (\S+) {2}password: (\S+)$/,
  admin: /^Admin login: (\S+) {2}email: (\S+) {2}one-time password: (\S+)$/,
}

export interface DemoLogin {
  /** `<PUBLIC_URL>/t/<token>` */
  loginUrl: string
  token: string
  password: string
  /** The demo administrator; null until its line is printed. */
  admin: { url: string; email: string; password: string } | null
}

/** The demo logins in what the server printed so far; null until the employee's line is there. */
export function demoLoginOf(output: string): DemoLogin | null {
  const line = (pattern: RegExp) => new RegExp(pattern.source, 'm').exec(output)
  const employee = line(DEMO_LINES.employee)
  if (!employee) return null
  const admin = line(DEMO_LINES.admin)
  return {
    loginUrl: employee[1]!,
    token: new URL(employee[1]!).pathname.split('/').pop()!,
    password: employee[2]!,
    admin: admin ? { url: admin[1]!, email: admin[2]!, password: admin[3]! } : null,
  }
}

/** Signs an employee in over HTTP, as the SPA does: their bearer header. */
export async function signInOverHttp(base: string, login: { token: string; password: string }): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/employee/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: login.token, password: login.password }),
  })
  if (!response.ok) throw new Error(`login: ${response.status} ${await response.text()}`)
  return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` }
}

/** Agrees to the purposes of use over HTTP (refused unless they are the campaign's current ones). */
export async function consentOverHttp(base: string, auth: Record<string, string>, purposes: string[]): Promise<void> {
  const response = await fetch(`${base}/api/employee/consent`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ purposes }),
  })
  if (response.status !== 201) throw new Error(`consent: ${response.status} ${await response.text()}`)
}
