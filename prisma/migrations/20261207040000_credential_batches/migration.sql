-- Credentials issued for a download or a print wait in a batch until HR says it was handed out
-- (ADR 039): only then do they replace the employees' logins. Hashes only, as in "credentials".

-- CreateEnum
CREATE TYPE "CredentialBatchOutcome" AS ENUM ('DISTRIBUTED', 'CANCELLED', 'EXPIRED');

-- CreateTable
CREATE TABLE "credential_batches" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "issued_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "CredentialBatchOutcome",
    "ended_at" TIMESTAMPTZ(3),
    "ended_by_id" UUID,

    CONSTRAINT "credential_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pending_credentials" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,

    CONSTRAINT "pending_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "credential_batches_campaign_id_idx" ON "credential_batches"("campaign_id");

-- CreateIndex
CREATE UNIQUE INDEX "pending_credentials_token_hash_key" ON "pending_credentials"("token_hash");

-- CreateIndex
CREATE INDEX "pending_credentials_employee_id_idx" ON "pending_credentials"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "pending_credentials_batch_id_employee_id_key" ON "pending_credentials"("batch_id", "employee_id");

-- AddForeignKey
ALTER TABLE "credential_batches" ADD CONSTRAINT "credential_batches_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pending_credentials" ADD CONSTRAINT "pending_credentials_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "credential_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pending_credentials" ADD CONSTRAINT "pending_credentials_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

