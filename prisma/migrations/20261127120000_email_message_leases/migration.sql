-- AlterTable
ALTER TABLE "email_messages" ADD COLUMN     "lease_owner" TEXT,
ADD COLUMN     "lease_until" TIMESTAMPTZ(3);
