/**
 * Blobs that may exist without a document naming them, kept in `pending_blobs`: orphans are
 * found there, never by listing the store (which costs seconds and memory per 100k blobs, and
 * money on S3).
 *
 * - An upload records its key BEFORE putting the blob (`record`), and its transaction takes
 *   the row back (`adopt`) when the document commits.
 * - Deleting a document row records its blob in the same transaction (a trigger, see the
 *   pending_blobs migration), whichever code path deletes it.
 * - `release` deletes the blobs, then their rows: after a commit, and from the sweeper for
 *   rows older than a grace period (what a crash left behind).
 *
 * A blob is deleted only while its row is locked and no document names it, and `adopt` fails
 * when the row is gone: a document can never commit pointing at a deleted blob.
 * @see docs/decisions/016-s3-blob-store-and-pending-blobs.md
 */
import type { Db, Tx } from '../db/types.ts'
import type { BlobStore } from '../lib/blob-store.ts'

/** Rows per transaction: the rows stay locked while their blobs are deleted. */
const RELEASE_BATCH = 200
/** Blob deletes in flight at once (S3 round trips). */
const DELETE_CONCURRENCY = 16

async function deleteEach(blobs: BlobStore, keys: string[]): Promise<string[]> {
  const deleted: string[] = []
  for (let i = 0; i < keys.length; i += DELETE_CONCURRENCY) {
    const chunk = keys.slice(i, i + DELETE_CONCURRENCY)
    const results = await Promise.allSettled(chunk.map((key) => blobs.delete(key)))
    results.forEach((result, j) => result.status === 'fulfilled' && deleted.push(chunk[j]!))
  }
  return deleted
}

export function createPendingBlobs(db: Db, blobs: BlobStore) {
  /** Deletes these pending blobs that no document names, then their rows; returns how many. A failed delete keeps its row for the next try. */
  async function release(keys: readonly string[]): Promise<number> {
    let released = 0
    for (let i = 0; i < keys.length; i += RELEASE_BATCH) {
      const batch = keys.slice(i, i + RELEASE_BATCH)
      released += await db.$transaction(
        async (tx) => {
          // Locked until commit: an upload adopting one of these waits, then finds it gone and fails.
          // SKIP LOCKED: a row another instance is releasing (or an upload is adopting) is theirs.
          const claimed = await tx.$queryRaw<{ blob_key: string }[]>`
          SELECT blob_key FROM pending_blobs p WHERE blob_key = ANY(${batch}::text[])
            AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.blob_key = p.blob_key)
          FOR UPDATE SKIP LOCKED`
          const deleted = await deleteEach(
            blobs,
            claimed.map((row) => row.blob_key),
          )
          if (deleted.length > 0) await tx.$executeRaw`DELETE FROM pending_blobs WHERE blob_key = ANY(${deleted}::text[])`
          return deleted.length
        },
        { timeout: 60_000 },
      )
    }
    return released
  }

  return {
    /** Before a blob is put: from now on the sweeper will collect it unless a document adopts it. */
    async record(key: string): Promise<void> {
      await db.pendingBlob.create({ data: { blobKey: key } })
    },

    /**
     * In the transaction that creates the document naming `key`. Throws when the row is gone
     * (the sweeper collected the blob after the grace period): the transaction rolls back.
     */
    async adopt(tx: Tx, key: string): Promise<void> {
      const { count } = await tx.pendingBlob.deleteMany({ where: { blobKey: key } })
      if (count !== 1) throw new Error(`blob ${key} is no longer pending: it may have been collected`)
    },

    release,

    /** The sweeper: releases every pending blob recorded before `olderThan`, oldest first, in pages. */
    async collect(olderThan: Date): Promise<number> {
      let collected = 0
      let after: { createdAt: Date; blobKey: string } | null = null
      for (;;) {
        const page: { createdAt: Date; blobKey: string }[] = await db.pendingBlob.findMany({
          where: {
            createdAt: { lt: olderThan },
            // Keyset paging: a blob that cannot be deleted does not stop the pass.
            ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, blobKey: { gt: after.blobKey } }] } : {}),
          },
          orderBy: [{ createdAt: 'asc' }, { blobKey: 'asc' }],
          take: RELEASE_BATCH,
        })
        if (page.length === 0) return collected
        collected += await release(page.map((row) => row.blobKey))
        after = page.at(-1)!
        if (page.length < RELEASE_BATCH) return collected
      }
    },
  }
}
export type PendingBlobs = ReturnType<typeof createPendingBlobs>
