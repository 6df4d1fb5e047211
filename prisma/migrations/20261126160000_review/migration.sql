-- HR review of submitted persons (承認 / 差し戻し) and the two dashboard statuses it adds.

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'RETURNED');

-- AlterEnum
-- PostgreSQL (12+) allows ADD VALUE inside a transaction, but a value added there cannot be
-- used before the transaction commits: nothing below refers to RETURNED or APPROVED.
ALTER TYPE "EmployeeProgress" ADD VALUE 'RETURNED';
ALTER TYPE "EmployeeProgress" ADD VALUE 'APPROVED';

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "return_note" TEXT,
ADD COLUMN     "return_reason" TEXT,
ADD COLUMN     "review_status" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_by_id" UUID;
