-- Every write to what the sessions and summaries of employees are read from announces whose rows
-- changed, so that every instance forgets what it had read of them (apps/api/src/lib/change-feed.ts,
-- docs/decisions/028-read-cache.md). The payload is the person id of the employee, or * for all.
-- PostgreSQL delivers a notification when its transaction commits, and folds repeats within one.
-- (The bodies spell semicolons as \073: the migration runner splits statements at them.)

-- persons, credentials, consents, submissions: a dependent names its employee, an employee is one.
CREATE FUNCTION bango_notify_employee_row() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP <> ''INSERT'' THEN PERFORM pg_notify(''bango_changes'', coalesce(OLD.employee_id, OLD.id)::text)\073 END IF\073 IF TG_OP <> ''DELETE'' THEN PERFORM pg_notify(''bango_changes'', coalesce(NEW.employee_id, NEW.id)::text)\073 END IF\073 RETURN NULL\073 END';

-- employee_sessions name their credential (a credential deleted with its sessions announces itself).
CREATE FUNCTION bango_notify_session_row() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE employee uuid\073 BEGIN SELECT c.employee_id INTO employee FROM credentials c WHERE c.id = (CASE WHEN TG_OP = ''DELETE'' THEN OLD.credential_id ELSE NEW.credential_id END)\073 IF employee IS NOT NULL THEN PERFORM pg_notify(''bango_changes'', employee::text)\073 END IF\073 RETURN NULL\073 END';

-- campaigns and companies (purposes, names, deadlines) and any TRUNCATE: everyone.
CREATE FUNCTION bango_notify_everyone() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN PERFORM pg_notify(''bango_changes'', ''*'')\073 RETURN NULL\073 END';

CREATE TRIGGER persons_changed AFTER INSERT OR UPDATE OR DELETE ON "persons" FOR EACH ROW EXECUTE FUNCTION bango_notify_employee_row();
CREATE TRIGGER credentials_changed AFTER INSERT OR UPDATE OR DELETE ON "credentials" FOR EACH ROW EXECUTE FUNCTION bango_notify_employee_row();
CREATE TRIGGER consents_changed AFTER INSERT OR UPDATE OR DELETE ON "consents" FOR EACH ROW EXECUTE FUNCTION bango_notify_employee_row();
CREATE TRIGGER submissions_changed AFTER INSERT OR UPDATE OR DELETE ON "submissions" FOR EACH ROW EXECUTE FUNCTION bango_notify_employee_row();
CREATE TRIGGER employee_sessions_changed AFTER UPDATE OR DELETE ON "employee_sessions" FOR EACH ROW EXECUTE FUNCTION bango_notify_session_row();
CREATE TRIGGER campaigns_changed AFTER UPDATE OR DELETE ON "campaigns" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER companies_changed AFTER UPDATE OR DELETE ON "companies" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER persons_truncated AFTER TRUNCATE ON "persons" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER credentials_truncated AFTER TRUNCATE ON "credentials" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER consents_truncated AFTER TRUNCATE ON "consents" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER submissions_truncated AFTER TRUNCATE ON "submissions" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER employee_sessions_truncated AFTER TRUNCATE ON "employee_sessions" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER campaigns_truncated AFTER TRUNCATE ON "campaigns" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
CREATE TRIGGER companies_truncated AFTER TRUNCATE ON "companies" FOR EACH STATEMENT EXECUTE FUNCTION bango_notify_everyone();
