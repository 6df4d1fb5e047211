/**
 * V8's heap, tuned for a server that passes 10 MB uploads through (ADR 029, 057, 058). Imported
 * first by server.ts, for its effect, before any other module is evaluated:
 *
 * - At run time: the old generation grows by a fixed factor of 2 (ADR 029), and the uploads'
 *   buffers (external memory) count in the heap's global limit instead of a fixed 64 MB (ADR 057).
 * - At start-up only: the old generation starts at 256 MB (`--initial-old-space-size`), so the
 *   garbage of uploads in flight stays under the first limit instead of starting a full GC every
 *   few uploads (ADR 058). V8 reads it when the heap is made, so the built server, run as
 *   production runs it (`node apps/api/dist/server.js`), replaces itself once with the same
 *   command and the flag (`process.execve`: the same process id, nothing started yet). A value
 *   given on the command line is kept, and so is a process that talks to a parent over an IPC
 *   channel, which an exec would cut.
 */
import v8 from 'node:v8'

declare const BANGO_BUNDLED: boolean | undefined

// An upload passes about 10 MB of network buffers through this process. V8 counts them as
// old-generation growth, and with its own growing factor (about 1.5× a 50 MB heap) it ran more
// than one full mark-compact per upload. A fixed factor of 2 made that about one in three and took
// the server's own CPU per 12 Mpx upload from 73–91 ms to 40–52 ms (ADR 029). V8 reads it at every GC.
v8.setFlagsFromString('--heap-growing-percent=100')
// Those buffers (and each upload's image coming back and being encrypted) are external memory, which
// V8 otherwise weighs against a limit of its own a fixed 64 MB above what survived the last GC:
// four uploads at once crossed it twice a second, each time a full mark-compact whose 4–19 ms pause
// fell on the requests of that moment. Counted in the heap's global limit instead, which grows with
// the heap, a full GC came once in 11–14 uploads instead of once in 3 (ADR 057).
v8.setFlagsFromString('--external-memory-accounted-in-global-limit')

/** Where the old generation starts: above the ~45 MB the server keeps plus four uploads' garbage (ADR 058). */
export const INITIAL_OLD_SPACE = '--initial-old-space-size=256'

/** The command line this process runs again with, or null when it is as it should be or must not be replaced. */
export function startUpCommand(process: Pick<NodeJS.Process, 'execPath' | 'execArgv' | 'argv' | 'env'>): string[] | null {
  if (process.execArgv.some((arg) => /^--initial[-_]old[-_]space[-_]size\b/.test(arg))) return null
  if (process.env.NODE_CHANNEL_FD !== undefined) return null
  return [process.execPath, INITIAL_OLD_SPACE, ...process.execArgv, ...process.argv.slice(1)]
}

const bundled = typeof BANGO_BUNDLED !== 'undefined' && BANGO_BUNDLED
const command = bundled ? startUpCommand(process) : null
if (command && process.execve) {
  try {
    process.execve(command[0]!, command, process.env)
  } catch (error) {
    // Not permitted here (a sandbox refusing exec): the server runs on, with V8's first limit.
    console.error(`Could not restart with ${INITIAL_OLD_SPACE} (ADR 058); running without it: ${String(error)}`)
  }
}
