-- Operators an administrator allowed to export for payroll.
ALTER TABLE "company_assignments" ADD COLUMN "can_export" BOOLEAN NOT NULL DEFAULT false;
