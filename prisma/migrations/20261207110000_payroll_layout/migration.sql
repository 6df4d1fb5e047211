-- The payroll file layout of a company (ADR 045): columns, headers, date format. NULL is the 標準 preset.
ALTER TABLE "company_settings" ADD COLUMN "payroll_layout" JSONB;
