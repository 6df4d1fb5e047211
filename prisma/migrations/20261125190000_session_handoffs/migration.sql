-- CreateTable
CREATE TABLE "session_handoffs" (
    "id" UUID NOT NULL,
    "credential_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_handoffs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "session_handoffs_code_hash_key" ON "session_handoffs"("code_hash");

-- CreateIndex
CREATE INDEX "session_handoffs_credential_id_idx" ON "session_handoffs"("credential_id");

-- AddForeignKey
ALTER TABLE "session_handoffs" ADD CONSTRAINT "session_handoffs_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

