-- The audit log's person filter also finds the events about a person's documents: a
-- document.viewed targets the document, and records the person in its detail (ADR 047). A
-- partial expression index in the viewer's (at, id) order finds them — even once the document
-- is disposed of — as one ordered range read (apps/api/bench/audit-log.ts). schema.prisma
-- cannot express it (like audit_events_installation_actor_idx).
CREATE INDEX "audit_events_detail_person_idx" ON "audit_events" ((detail->>'personId'), "at", "id") WHERE detail->>'personId' IS NOT NULL;
