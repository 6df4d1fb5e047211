import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { generateKeySet } from '../src/lib/keys.ts'
import { freePort } from '../test/free-port.ts'
import { openTestDatabase } from '../test/harness.ts'
import { startInstance } from '../test/instances.ts'
const load = async (url: string) => {
  const r = await autocannon({ url, connections: 50, duration: 6 })
  return `${r.requests.average} req/s p99 ${r.latency.p99} non2xx ${r.non2xx}`
}
const barePort = await freePort()
const bare = spawn(process.execPath, [path.join(import.meta.dirname, 'bare-fastify.mjs')], { env: { ...process.env, PORT: String(barePort) }, stdio: 'ignore' })
await new Promise((r) => setTimeout(r, 1500))
console.log('bare', await load(`http://127.0.0.1:${barePort}/`))
bare.kill()
const database = await openTestDatabase('postgresql://postgres@127.0.0.1:5432/postgres')
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ceil-'))
for (const level of ['info', 'silent']) {
  const a = await startInstance('a', { DATABASE_URL: database.url!, ...generateKeySet(), DATA_DIR: dataDir, LOG_LEVEL: level })
  console.log(level, 'live', await load(`http://127.0.0.1:${a.port}/api/health/live`))
  console.log(level, 'live', await load(`http://127.0.0.1:${a.port}/api/health/live`))
  await a.stop?.()
  a.child.kill()
}
process.exit(0)
