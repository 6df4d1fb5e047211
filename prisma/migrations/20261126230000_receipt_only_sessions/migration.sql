-- AlterTable
ALTER TABLE "employee_sessions" ADD COLUMN     "receipt_only_at" TIMESTAMPTZ(3);
