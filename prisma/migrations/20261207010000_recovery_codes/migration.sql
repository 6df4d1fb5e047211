-- Recovery codes for an operator who lost the authenticator app (docs/decisions/031-operator-account-recovery.md).
CREATE TABLE "operator_recovery_codes" (
    "id" UUID NOT NULL,
    "operator_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "operator_recovery_codes_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "operator_recovery_codes_operator_id_code_hash_key" ON "operator_recovery_codes"("operator_id", "code_hash");

ALTER TABLE "operator_recovery_codes" ADD CONSTRAINT "operator_recovery_codes_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
