-- The payroll file layout of a company (ADR 046): columns, headers, date format. NULL is the 標準 preset.
ALTER TABLE "company_settings" ADD COLUMN "payroll_layout" JSONB;
