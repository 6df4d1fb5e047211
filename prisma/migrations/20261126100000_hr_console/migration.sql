-- CreateEnum
CREATE TYPE "EmployeeProgress" AS ENUM ('UNISSUED', 'ISSUED', 'LOGGED_IN', 'CONSENTED', 'IN_PROGRESS', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "CompanyRole" AS ENUM ('ADMINISTRATOR', 'OPERATOR');

-- CreateEnum
CREATE TYPE "AdminSessionStage" AS ENUM ('TOTP_REQUIRED', 'ENROLMENT_REQUIRED', 'PASSWORD_CHANGE_REQUIRED', 'ACTIVE');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('CREDENTIALS', 'REMINDER');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN');

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "employee_enters_number" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "retention_months" INTEGER NOT NULL DEFAULT 84;

-- AlterTable
ALTER TABLE "credentials" ADD COLUMN     "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "email" TEXT,
ADD COLUMN     "employee_number" TEXT,
ADD COLUMN     "progress" "EmployeeProgress" NOT NULL DEFAULT 'UNISSUED';

-- CreateTable
CREATE TABLE "operators" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "totp_secret" BYTEA,
    "totp_enabled_at" TIMESTAMPTZ(3),
    "totp_last_step" INTEGER,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "is_system_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "operators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "company_assignments" (
    "operator_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "role" "CompanyRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_assignments_pkey" PRIMARY KEY ("operator_id","company_id")
);

-- CreateTable
CREATE TABLE "admin_sessions" (
    "id" UUID NOT NULL,
    "operator_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "stage" "AdminSessionStage" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "admin_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "require_totp" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_batches" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_messages" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "operators_email_key" ON "operators"("email");

-- CreateIndex
CREATE INDEX "company_assignments_company_id_idx" ON "company_assignments"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "admin_sessions_token_hash_key" ON "admin_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "admin_sessions_operator_id_idx" ON "admin_sessions"("operator_id");

-- CreateIndex
CREATE INDEX "email_batches_campaign_id_idx" ON "email_batches"("campaign_id");

-- CreateIndex
CREATE INDEX "email_messages_status_idx" ON "email_messages"("status");

-- CreateIndex
CREATE UNIQUE INDEX "email_messages_batch_id_employee_id_key" ON "email_messages"("batch_id", "employee_id");

-- CreateIndex
CREATE INDEX "persons_campaign_id_kind_progress_idx" ON "persons"("campaign_id", "kind", "progress");

-- CreateIndex
CREATE UNIQUE INDEX "persons_campaign_id_employee_number_key" ON "persons"("campaign_id", "employee_number");

-- AddForeignKey
ALTER TABLE "company_assignments" ADD CONSTRAINT "company_assignments_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "company_assignments" ADD CONSTRAINT "company_assignments_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_sessions" ADD CONSTRAINT "admin_sessions_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_batches" ADD CONSTRAINT "email_batches_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "email_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_messages" ADD CONSTRAINT "email_messages_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Existing employees: derive how far they got (progress only moves forward from here).
UPDATE "persons" p SET "progress" = CASE
    WHEN EXISTS (SELECT 1 FROM "submissions" s WHERE s."employee_id" = p."id") THEN 'SUBMITTED'
    WHEN EXISTS (SELECT 1 FROM "documents" d JOIN "persons" q ON q."id" = d."person_id" WHERE q."id" = p."id" OR q."employee_id" = p."id") THEN 'IN_PROGRESS'
    WHEN EXISTS (SELECT 1 FROM "consents" c WHERE c."employee_id" = p."id") THEN 'CONSENTED'
    WHEN EXISTS (SELECT 1 FROM "credentials" c WHERE c."employee_id" = p."id" AND c."last_login_at" IS NOT NULL) THEN 'LOGGED_IN'
    WHEN EXISTS (SELECT 1 FROM "credentials" c WHERE c."employee_id" = p."id") THEN 'ISSUED'
    ELSE 'UNISSUED' END::"EmployeeProgress"
WHERE p."kind" = 'EMPLOYEE';
