/**
 * Where the time of an authenticated read goes: the built server (`node --cpu-prof
 * apps/api/dist/server.js`) on a fresh PostgreSQL database answers `GET /api/employee/me` at 50
 * connections for SECONDS (default 8); then the profile's self time is summed by package (or
 * our bundle, Node's internals, the kernel calls V8 sees as natives such as `writev`) and by
 * function. The .cpuprofile is kept (open it in Chrome DevTools). With PROFILE_LOAD=uploads, four
 * employees upload 12 Mpx photos back to back instead (bench/upload-loop.ts).
 * Run: pnpm --filter @bango/api bench:profile
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { createEmployeeWithLogin } from '../test/factories.ts'
import { generateKeySet } from '../src/lib/keys.ts'
import { createServices } from '../src/services.ts'
import { openTestDatabase, testSecrets } from '../test/harness.ts'
import { consentOverHttp, signInOverHttp, startInstance } from '../test/instances.ts'

const SECONDS = Number(process.env.SECONDS ?? 8)
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-profile-'))
const database = await openTestDatabase(process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
try {
  const services = createServices({ db: database.prisma, blobs: null as never, secrets: testSecrets() })
  const instance = await startInstance(
    'profiled',
    {
      DATABASE_URL: database.url!,
      ...generateKeySet(),
      DATA_DIR: dir,
      LOG_LEVEL: 'info',
      // Four uploaders from one address pass the per-client limit within a minute here.
      UPLOAD_RATE_LIMIT_PER_MINUTE: '100000',
    },
    {
      logFile: path.join(dir, 'server.log'),
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    },
  )
  const base = `http://127.0.0.1:${instance.port}`
  const seeded = await createEmployeeWithLogin(database.prisma, services.credentials)
  const auth = await signInOverHttp(base, seeded)
  await consentOverHttp(base, auth, seeded.campaign.purposes)
  if (process.env.PROFILE_LOAD === 'uploads') {
    const uploaders = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const uploader = await createEmployeeWithLogin(database.prisma, services.credentials)
        const uploaderAuth = await signInOverHttp(base, uploader)
        await consentOverHttp(base, uploaderAuth, uploader.campaign.purposes)
        return { auth: uploaderAuth, personId: uploader.employee.id }
      }),
    )
    const photo = path.join(dir, 'photo.jpg')
    // As pnpm bench's: 12 Mpx of noise at quality 90 (about 10 MB), turned by EXIF.
    const noise = sharp(randomBytes(4000 * 3000 * 3), { raw: { width: 4000, height: 3000, channels: 3 } })
    await fs.writeFile(photo, await noise.jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer())
    const loop = spawn(process.execPath, [...process.execArgv, path.join(import.meta.dirname, 'upload-loop.ts')], {
      env: { ...process.env, BENCH_UPLOADS: JSON.stringify({ base, photo, uploaders }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let done = 0
    loop.stdout!.on('data', (chunk: Buffer) => (done += chunk.length))
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))
    loop.kill('SIGTERM')
    await new Promise((resolve) => loop.once('exit', resolve))
    await instance.stop()
    console.log(`uploads: ${done} in ${SECONDS} s`)
  } else {
    const result = await autocannon({ url: `${base}/api/employee/me`, connections: 50, duration: SECONDS, headers: auth })
    await instance.stop()
    console.log(`GET /me: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} not 2xx`)
  }

  const file = (await fs.readdir(dir)).find((name) => name.endsWith('.cpuprofile'))!
  const profile = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
    samples: number[]
    timeDeltas: number[]
  }
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const byPlace = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id)!
    const time = profile.timeDeltas[i] ?? 0
    total += time
    const inModules = frame.url.split('node_modules/').pop()!
    const place = frame.url.includes('node_modules/')
      ? inModules
          .split('/')
          .slice(0, inModules.startsWith('@') ? 2 : 1)
          .join('/')
      : frame.url.startsWith('node:')
        ? 'node (internals)'
        : frame.url.startsWith('wasm:')
          ? 'WebAssembly (Prisma query compiler)'
          : frame.url
            ? path.basename(frame.url)
            : `${frame.functionName || 'native'} (native)`
    byPlace.set(place, (byPlace.get(place) ?? 0) + time)
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${path.basename(frame.url)}:${frame.lineNumber}` : ''}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + time)
  })
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((x, y) => y[1] - x[1])
      .slice(0, count)
      .map(([name, time]) => `${((time / total) * 100).toFixed(1).padStart(6)} %  ${name}`)
      .join('\n')
  console.log(`\nself time over the server's whole life (${(total / 1e6).toFixed(1)} s, start-up included), by place:\n${top(byPlace, 15)}`)
  console.log(`\nby function:\n${top(byFunction, 15)}`)
  console.log(`\nprofile: ${path.join(dir, file)}`)
} finally {
  await database.close()
}
