-- The list of employees of the HR dashboard (apps/api/src/domain/admin/employee-list.ts).
-- Search keys: 氏名 and フリガナ NFKC-normalised with every space removed (full-width spaces
-- become ASCII spaces under NFKC), computed once on write by PostgreSQL, in the "C" collation
-- so that a LIKE with a constant prefix can use a btree whatever the locale of the database,
-- and so that sorting is by code point (gojuon order for katakana).
-- last_login_at: a copy of the credential one, written by the login, so it can be indexed here.

-- AlterTable
ALTER TABLE "persons"
ADD COLUMN "last_login_at" TIMESTAMPTZ(3),
ADD COLUMN "name_key" TEXT COLLATE "C" GENERATED ALWAYS AS (replace(normalize("name", NFKC), ' ', '')) STORED,
ADD COLUMN "kana_key" TEXT COLLATE "C" GENERATED ALWAYS AS (replace(normalize("kana", NFKC), ' ', '')) STORED;

-- One index per sort key, each (campaign, key, id) so that a page, however deep, is an
-- index-only walk, each carrying progress so that a status filter needs no table access.
-- Partial (employees only) and expression indexes cannot be written in schema.prisma.

-- CreateIndex
CREATE INDEX "persons_dashboard_employee_number_idx" ON "persons"
  ("campaign_id", "employee_number" COLLATE "C", "id") INCLUDE ("progress") WHERE "kind" = 'EMPLOYEE';

-- CreateIndex
CREATE INDEX "persons_dashboard_kana_idx" ON "persons"
  ("campaign_id", "kana_key", "id") INCLUDE ("progress") WHERE "kind" = 'EMPLOYEE';

-- CreateIndex
CREATE INDEX "persons_dashboard_name_idx" ON "persons" ("campaign_id", "name_key") WHERE "kind" = 'EMPLOYEE';

-- CreateIndex
CREATE INDEX "persons_dashboard_progress_idx" ON "persons" ("campaign_id", "progress", "id") WHERE "kind" = 'EMPLOYEE';

-- CreateIndex
CREATE INDEX "persons_dashboard_last_login_idx" ON "persons"
  ("campaign_id", "last_login_at" NULLS FIRST, "id") INCLUDE ("progress") WHERE "kind" = 'EMPLOYEE';

-- Back-fill
UPDATE "persons" p SET "last_login_at" = c."last_login_at" FROM "credentials" c WHERE c."employee_id" = p."id";

-- Back-fill correction for 20261126100000_hr_console: an employee whose only draft change was
-- 対象外 (no image) counts as 登録中 too. Progress only moves forward, so re-deriving is safe.
UPDATE "persons" p SET "progress" = 'IN_PROGRESS'
WHERE p."kind" = 'EMPLOYEE' AND p."progress" < 'IN_PROGRESS'
  AND EXISTS (SELECT 1 FROM "persons" q WHERE (q."id" = p."id" OR q."employee_id" = p."id") AND q."status" <> 'PENDING');
