-- CreateTable
CREATE TABLE "employee_sessions" (
    "id" UUID NOT NULL,
    "credential_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "employee_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "employee_sessions_credential_id_idx" ON "employee_sessions"("credential_id");

-- AddForeignKey
ALTER TABLE "employee_sessions" ADD CONSTRAINT "employee_sessions_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

