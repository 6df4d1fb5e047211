/**
 * Crash injection (test/crash-injection.test.ts): named points along an upload and along
 * 「完了」 where a test can have the server SIGKILL itself, to prove that a crash at any step
 * loses nothing acknowledged and leaves nothing half done. Inert unless server.ts arms one
 * from config (BANGO_TEST_KILL_AT, accepted only with BANGO_TEST_HOOKS=1); `killPoint()` is
 * then a string comparison. Every name a test can choose is listed here, so the test tries
 * them all and a point added in code without a trial fails it.
 */

export const KILL_POINTS = [
  // POST /api/employee/persons/:id/images (routes/employee/images.ts, domain/drafts.ts)
  'upload.received', // the whole body read, nothing decoded yet
  'upload.normalised', // decoded, rotated, re-encoded; nothing written
  'upload.encrypted', // ciphertext in memory; nothing written
  'blob.temp-written', // file store: temp file written, not yet fsynced nor renamed
  'blob.renamed', // file store: renamed into place, directory not yet fsynced
  'upload.blob-durable', // blob stored; no row names it yet
  'upload.row-written', // inside the transaction: the draft row (and the one it replaces) written, not committed
  'upload.committed', // committed; the replaced draft's blob not yet deleted, no response yet
  'upload.cleaned-up', // replaced blob deleted; no response yet
  // POST /api/employee/submission (domain/submissions.ts)
  'submit.before-transaction',
  'submit.submission-created', // inside the transaction (first 完了 only)
  'submit.replaced-rows-deleted', // inside the transaction (完了 after 差し戻し only): the earlier documents' rows deleted
  'submit.documents-submitted', // inside the transaction: drafts now SUBMITTED
  'submit.audited', // inside the transaction: audit row written
  'submit.progress-updated', // inside the transaction: the last write, not committed
  'submit.committed', // committed; replaced blobs not yet deleted, no response yet
  'submit.cleaned-up', // replaced blobs deleted; no response yet
] as const

export type KillPointName = (typeof KILL_POINTS)[number]

/** `name` or `name#N` (die at the Nth time the point is reached; the first by default). */
export interface KillPlan {
  point: KillPointName
  hit: number
}

export function parseKillPlan(spec: string): KillPlan {
  const match = /^([a-z.-]+)(?:#([1-9]\d*))?$/.exec(spec)
  const point = match?.[1] as KillPointName | undefined
  if (!match || !point || !KILL_POINTS.includes(point))
    throw new Error(`unknown kill point "${spec}" (expected one of ${KILL_POINTS.join(', ')}, optionally #N)`)
  return { point, hit: Number(match[2] ?? 1) }
}

let armed: (KillPlan & { seen: number }) | null = null

/** Called once at start by server.ts when the test hooks are on; never in tests that build the app in-process. */
export function armKillPoint(plan: KillPlan | null) {
  armed = plan ? { ...plan, seen: 0 } : null
}

/** Dies here, without any cleanup, when this is the armed point's Nth hit; otherwise nothing. */
export function killPoint(name: KillPointName) {
  if (armed === null || armed.point !== name) return
  armed.seen += 1
  if (armed.seen === armed.hit) process.kill(process.pid, 'SIGKILL')
}
