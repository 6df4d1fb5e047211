-- A shortened retention period waits a grace period before the retention job acts on it, and the
-- disposal records it causes name it (docs/decisions/030-campaign-settings-policy.md).

-- AlterTable
ALTER TABLE "disposal_records" ADD COLUMN     "retention_shortening_id" UUID;

-- CreateTable
CREATE TABLE "retention_shortenings" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "from_months" INTEGER NOT NULL,
    "to_months" INTEGER NOT NULL,
    "changed_by_id" UUID NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,
    "undone_by_id" UUID,
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "retention_shortenings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "retention_shortenings_campaign_id_effective_at_idx" ON "retention_shortenings"("campaign_id", "effective_at");

-- AddForeignKey
ALTER TABLE "retention_shortenings" ADD CONSTRAINT "retention_shortenings_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disposal_records" ADD CONSTRAINT "disposal_records_retention_shortening_id_fkey" FOREIGN KEY ("retention_shortening_id") REFERENCES "retention_shortenings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

