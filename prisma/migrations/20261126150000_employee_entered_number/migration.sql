-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "employee_entered_number" BYTEA;
