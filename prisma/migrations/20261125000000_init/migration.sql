-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PersonKind" AS ENUM ('EMPLOYEE', 'DEPENDENT');

-- CreateEnum
CREATE TYPE "PersonStatus" AS ENUM ('PENDING', 'REGISTERED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "DocumentRole" AS ENUM ('NUMBER', 'IDENTITY');

-- CreateEnum
CREATE TYPE "DocumentSide" AS ENUM ('FRONT', 'BACK');

-- CreateEnum
CREATE TYPE "DocumentState" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateTable
CREATE TABLE "companies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "purposes" TEXT[],
    "deadline" TIMESTAMPTZ(3),
    "draft_lifetime_hours" INTEGER NOT NULL DEFAULT 24,
    "status" "CampaignStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "employee_id" UUID,
    "kind" "PersonKind" NOT NULL,
    "name" TEXT NOT NULL,
    "kana" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "status" "PersonStatus" NOT NULL DEFAULT 'PENDING',
    "registration" JSONB,
    "registered_at" TIMESTAMPTZ(3),
    "added_by_employee" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credentials" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consents" (
    "id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "purposes" TEXT[],
    "consented_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "role" "DocumentRole" NOT NULL,
    "slot" INTEGER NOT NULL,
    "side" "DocumentSide" NOT NULL,
    "type" TEXT NOT NULL,
    "state" "DocumentState" NOT NULL DEFAULT 'DRAFT',
    "submission_id" UUID,
    "blob_key" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" UUID NOT NULL,
    "employee_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "company_id" UUID,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "target_id" TEXT,
    "detail" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "campaigns_company_id_idx" ON "campaigns"("company_id");

-- CreateIndex
CREATE INDEX "persons_campaign_id_idx" ON "persons"("campaign_id");

-- CreateIndex
CREATE INDEX "persons_employee_id_idx" ON "persons"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_employee_id_key" ON "credentials"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_token_hash_key" ON "credentials"("token_hash");

-- CreateIndex
CREATE INDEX "consents_employee_id_idx" ON "consents"("employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "documents_blob_key_key" ON "documents"("blob_key");

-- CreateIndex
CREATE INDEX "documents_person_id_state_idx" ON "documents"("person_id", "state");

-- CreateIndex
CREATE INDEX "documents_state_created_at_idx" ON "documents"("state", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_employee_id_key" ON "submissions"("employee_id");

-- CreateIndex
CREATE INDEX "audit_events_company_id_at_idx" ON "audit_events"("company_id", "at");

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consents" ADD CONSTRAINT "consents_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit log is append-only: nobody, not even the application, rewrites history.
-- The octal escape 073 stands for a semicolon: the WASM migration engine used on these
-- machines splits statements at every semicolon, even inside strings.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''audit_events is append-only''\073 END';

CREATE TRIGGER "audit_events_no_update_delete"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
