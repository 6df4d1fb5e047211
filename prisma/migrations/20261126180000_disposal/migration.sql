-- CreateEnum
CREATE TYPE "DisposalTrigger" AS ENUM ('PERSON', 'CAMPAIGN', 'RETENTION');

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "disposed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "disposal_records" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "disposed_at" TIMESTAMPTZ(3) NOT NULL,
    "disposed_by_id" UUID,
    "trigger" "DisposalTrigger" NOT NULL,
    "reason" TEXT NOT NULL,
    "document_kinds" TEXT[],
    "image_count" INTEGER NOT NULL,

    CONSTRAINT "disposal_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "disposal_records_company_id_disposed_at_id_idx" ON "disposal_records"("company_id", "disposed_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "disposal_records_person_id_idx" ON "disposal_records"("person_id");

-- AddForeignKey
ALTER TABLE "disposal_records" ADD CONSTRAINT "disposal_records_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disposal_records" ADD CONSTRAINT "disposal_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

