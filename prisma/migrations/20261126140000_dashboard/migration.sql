-- The list of employees (apps/api/src/domain/admin/employee-list.ts): one
-- index per sort key, each (campaign, key, id) so that a page — deep ones included — is an
-- index-only walk, and each carrying `progress` so a status filter needs no table access.
-- Keys are compared in the "C" collation: code-point order (gojūon for katakana), and
-- a LIKE with a constant prefix can use the btree whatever the locale of the database.
-- Search keys are NFKC-normalised with spaces removed (full-width spaces become ASCII spaces under
-- NFKC), and the API normalises the query the same way. Expression and partial indexes cannot be
-- written in schema.prisma, so they live here only.

-- CreateIndex
CREATE INDEX "persons_dashboard_employee_number_idx" ON "persons"
  ("campaign_id", ("employee_number") COLLATE "C", "id") INCLUDE ("progress") WHERE "kind" = 'EMPLOYEE';

-- CreateIndex
CREATE INDEX "persons_dashboard_kana_idx" ON "persons"
  ("campaign_id", (replace(normalize("kana", NFKC), ' ', '')) COLLATE "C", "id") INCLUDE ("progress") WHERE "kind" = 'EMPLOYEE';

-- CreateIndex
CREATE INDEX "persons_dashboard_name_idx" ON "persons"
  ("campaign_id", (replace(normalize("name", NFKC), ' ', '')) COLLATE "C") WHERE "kind" = 'EMPLOYEE';

-- CreateIndex
CREATE INDEX "persons_dashboard_progress_idx" ON "persons" ("campaign_id", "progress", "id") WHERE "kind" = 'EMPLOYEE';

-- Back-fill correction for 20261126100000_hr_console: an employee whose only draft change was
-- 対象外 (no image) counts as 登録中 too. Progress only moves forward, so re-deriving is safe.
UPDATE "persons" p SET "progress" = 'IN_PROGRESS'
WHERE p."kind" = 'EMPLOYEE' AND p."progress" < 'IN_PROGRESS'
  AND EXISTS (SELECT 1 FROM "persons" q WHERE (q."id" = p."id" OR q."employee_id" = p."id") AND q."status" <> 'PENDING');
