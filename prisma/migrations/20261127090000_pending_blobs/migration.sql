-- Blobs that may exist without a document naming them (domain/pending-blobs.ts).
-- CreateTable
CREATE TABLE "pending_blobs" (
    "blob_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pending_blobs_pkey" PRIMARY KEY ("blob_key")
);

-- CreateIndex
CREATE INDEX "pending_blobs_created_at_idx" ON "pending_blobs"("created_at");

-- Whatever deletes a document (replacement, discard, purge, re-submission after 差し戻し, disposal)
-- records its blob for deletion in the same transaction: a crash between the commit and the
-- blob delete leaves this row, and the sweeper retries it. No code path can forget it.
-- The octal escape 073 stands for a semicolon (see the init migration: the WASM migration
-- engine splits statements at every semicolon).
CREATE FUNCTION "documents_deleted_blobs_pending"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "pending_blobs" ("blob_key") SELECT "blob_key" FROM "deleted_documents" ON CONFLICT DO NOTHING\073 RETURN NULL\073 END';

CREATE TRIGGER "documents_deleted_blobs_pending"
  AFTER DELETE ON "documents"
  REFERENCING OLD TABLE AS "deleted_documents"
  FOR EACH STATEMENT EXECUTE FUNCTION "documents_deleted_blobs_pending"();
