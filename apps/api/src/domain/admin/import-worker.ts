/**
 * The thread of one import (started by import-thread.ts): answers each call of the server's
 * thread with import-job.ts, in the order the calls came. It ends when the server terminates it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createImportJob } from './import-job.ts'
import type { ImportCall, ImportReply, ImportThreadData } from './import-thread.ts'

const port = parentPort!
const job = createImportJob((workerData as ImportThreadData).today)

function answer(call: ImportCall): unknown {
  switch (call.method) {
    case 'bytes':
      return job.addBytes(call.bytes)
    case 'read':
      return job.read()
    case 'stored':
      return job.addStored(call.page)
    case 'plan':
      return job.plan()
    case 'nextWrite':
      return job.nextWrite()
  }
}

port.on('message', (call: ImportCall) => {
  let reply: ImportReply
  try {
    reply = { ok: true, value: answer(call) }
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error))
    reply = { ok: false, message, stack }
  }
  // Chunks of the file and pages of stored persons are posted without waiting: they need no answer.
  if ((call.method !== 'bytes' && call.method !== 'stored') || !reply.ok) port.postMessage(reply)
})
