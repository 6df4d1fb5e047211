-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "my_number" BYTEA,
ADD COLUMN     "my_number_hash" TEXT,
ADD COLUMN     "my_number_recorded_at" TIMESTAMPTZ(3),
ADD COLUMN     "my_number_recorded_by_id" UUID;

-- CreateTable
CREATE TABLE "number_entries" (
    "person_id" UUID NOT NULL,
    "operator_id" UUID NOT NULL,
    "sealed" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "number_entries_pkey" PRIMARY KEY ("person_id")
);

-- CreateIndex
CREATE INDEX "persons_my_number_hash_idx" ON "persons"("my_number_hash");

-- AddForeignKey
ALTER TABLE "number_entries" ADD CONSTRAINT "number_entries_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

