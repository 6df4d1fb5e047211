-- Disposal (廃棄) now ends the employee's login and empties every field marked as the person's data
-- (apps/api/src/domain/admin/personal-data.ts). The same for the persons disposed of before:
-- their credential is revoked, its sessions end, its pending hand-off codes go, and HR's return
-- reason and note and the relay replies of their e-mails (which name the address) are emptied.
UPDATE "credentials" AS c SET "revoked_at" = p."disposed_at"
FROM "persons" AS p
WHERE p."id" = c."employee_id" AND p."disposed_at" IS NOT NULL AND c."revoked_at" IS NULL;

UPDATE "employee_sessions" AS s SET "revoked_at" = p."disposed_at"
FROM "credentials" AS c JOIN "persons" AS p ON p."id" = c."employee_id"
WHERE c."id" = s."credential_id" AND p."disposed_at" IS NOT NULL AND s."revoked_at" IS NULL;

DELETE FROM "session_handoffs" AS h
USING "credentials" AS c JOIN "persons" AS p ON p."id" = c."employee_id"
WHERE c."id" = h."credential_id" AND p."disposed_at" IS NOT NULL;

UPDATE "persons" SET "return_reason" = NULL, "return_note" = NULL
WHERE "disposed_at" IS NOT NULL AND ("return_reason" IS NOT NULL OR "return_note" IS NOT NULL);

UPDATE "email_messages" AS m SET "error" = NULL
FROM "persons" AS p
WHERE p."id" = m."employee_id" AND p."disposed_at" IS NOT NULL AND m."error" IS NOT NULL;
