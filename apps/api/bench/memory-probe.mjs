/**
 * Preloaded into the server by bench/memory.ts (`node --import <this> dist/server.js`), in the
 * main thread and in every worker thread: notes each WebAssembly memory as it is created (and
 * by whom: PGlite, Prisma's query compiler…), and on SIGUSR2 writes, to $BANGO_MEMORY_PROBE,
 * every thread's V8 heap and live WASM memories, and the main thread's event-loop delay since the
 * previous report. When a file named $BANGO_MEMORY_PROBE.gc exists,
 * every thread runs a full garbage collection first (needs --expose-gc). A bench instrument: the
 * product never loads it.
 */
import fs from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import v8 from 'node:v8'
import { isMainThread, threadId } from 'node:worker_threads'

const memories = []
const seen = new WeakSet()

/** The package that created a memory, from the stack. */
function creator() {
  const stack = new Error().stack ?? ''
  for (const [pattern, name] of [
    [/pglite[^\n]*initdb|initdb\.js/, 'PGlite initdb'],
    [/@electric-sql\+pglite|@electric-sql\/pglite/, 'PGlite'],
    [/query_compiler|@prisma/, "Prisma's query compiler"],
    [/tesseract/, 'tesseract.js'],
  ]) {
    if (pattern.test(stack)) return name
  }
  return 'other'
}

function note(memory, by) {
  if (!(memory instanceof WebAssembly.Memory) || seen.has(memory)) return
  seen.add(memory)
  memories.push({ by, ref: new WeakRef(memory) })
}
function noteExports(instance, by) {
  for (const value of Object.values(instance?.exports ?? {})) note(value, by)
}

const OriginalMemory = WebAssembly.Memory
WebAssembly.Memory = new Proxy(OriginalMemory, {
  construct(target, args, newTarget) {
    const memory = Reflect.construct(target, args, newTarget)
    note(memory, creator())
    return memory
  },
})
const OriginalInstance = WebAssembly.Instance
WebAssembly.Instance = new Proxy(OriginalInstance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget)
    noteExports(instance, creator())
    return instance
  },
})
const originalInstantiate = WebAssembly.instantiate
WebAssembly.instantiate = async function instantiate(...args) {
  const by = creator()
  const result = await originalInstantiate.apply(this, args)
  noteExports(result.instance ?? result, by)
  return result
}

function report(collect) {
  if (collect) globalThis.gc?.()
  const heap = v8.getHeapStatistics()
  return {
    thread: isMainThread ? 'main' : `worker ${threadId}`,
    heapPhysical: heap.total_physical_size,
    heapUsed: heap.used_heap_size,
    external: heap.external_memory,
    wasm: memories.flatMap(({ by, ref }) => {
      const memory = ref.deref()
      return memory ? [{ by, bytes: memory.buffer.byteLength }] : []
    }),
  }
}

// Signals reach the main thread only; it asks the workers over a broadcast channel.
const channel = new BroadcastChannel('bango-memory-probe')
channel.unref()
if (isMainThread) {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  process.on('SIGUSR2', () => {
    const collect = fs.existsSync(`${process.env.BANGO_MEMORY_PROBE}.gc`)
    const eventLoopDelay = { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 }
    delay.reset()
    const reports = [{ ...report(collect), memoryUsage: process.memoryUsage(), eventLoopDelay }]
    const listener = (event) => reports.push(event.data)
    channel.addEventListener('message', listener)
    channel.postMessage({ report: true, collect })
    setTimeout(() => {
      channel.removeEventListener('message', listener)
      fs.writeFileSync(process.env.BANGO_MEMORY_PROBE, JSON.stringify(reports))
    }, 300)
  })
} else {
  channel.onmessage = (event) => {
    if (event.data.report === true) channel.postMessage(report(event.data.collect))
  }
}
