-- The audit-log viewer pages newest first by (at, id), and every filter gets an index in that
-- order, so a filtered page is an ordered index range read (apps/api/bench/audit-log.ts). The
-- append-only trigger of the init migration already refuses UPDATE, DELETE and TRUNCATE.

-- DropIndex
DROP INDEX "audit_events_company_id_at_idx";

-- CreateIndex
CREATE INDEX "audit_events_at_id_idx" ON "audit_events"("at", "id");

-- CreateIndex
CREATE INDEX "audit_events_company_id_at_id_idx" ON "audit_events"("company_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_events_company_id_action_at_id_idx" ON "audit_events"("company_id", "action", "at", "id");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_id_idx" ON "audit_events"("actor_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_events_target_id_at_id_idx" ON "audit_events"("target_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_events_action_at_id_idx" ON "audit_events"("action", "at", "id");

-- A company administrator also sees the installation-wide events (company NULL: sign-ins,
-- password and 2FA changes) of their own operators. A partial index (which schema.prisma cannot
-- express) finds those by actor without walking every installation-wide event.
CREATE INDEX "audit_events_installation_actor_idx" ON "audit_events"("actor_id", "at", "id") WHERE "company_id" IS NULL;
