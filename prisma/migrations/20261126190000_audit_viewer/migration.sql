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
CREATE INDEX "audit_events_actor_id_at_id_idx" ON "audit_events"("actor_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_events_target_id_at_id_idx" ON "audit_events"("target_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_events_action_at_id_idx" ON "audit_events"("action", "at", "id");
