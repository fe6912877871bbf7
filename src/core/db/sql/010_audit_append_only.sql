-- The audit ledger is append-only: rows of core_audit_entries and core_audit_checkpoints may be
-- inserted and read, never changed or removed. Idempotent; runs after every migration.
--
-- The trigger stops the application (and anyone else) from UPDATE, DELETE and TRUNCATE by mistake.
-- It cannot stop a table owner or superuser, who may disable triggers: in production the tables
-- should be owned by a separate migration role, and the application's role should hold only
-- SELECT and INSERT on them (see the README, "Audit ledger"). Tampering by such a role is what the
-- hash chain and the signed checkpoints (`pamong audit verify`) detect.

CREATE OR REPLACE FUNCTION core_audit_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Buku besar audit hanya dapat ditambah: % pada % ditolak. / The audit ledger is append-only: % on % is rejected.',
    TG_OP, TG_TABLE_NAME, TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;

DROP TRIGGER IF EXISTS core_audit_entries_append_only ON core_audit_entries;
CREATE TRIGGER core_audit_entries_append_only
  BEFORE UPDATE OR DELETE ON core_audit_entries
  FOR EACH ROW EXECUTE FUNCTION core_audit_reject_change();

DROP TRIGGER IF EXISTS core_audit_entries_no_truncate ON core_audit_entries;
CREATE TRIGGER core_audit_entries_no_truncate
  BEFORE TRUNCATE ON core_audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION core_audit_reject_change();

DROP TRIGGER IF EXISTS core_audit_checkpoints_append_only ON core_audit_checkpoints;
CREATE TRIGGER core_audit_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON core_audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION core_audit_reject_change();

DROP TRIGGER IF EXISTS core_audit_checkpoints_no_truncate ON core_audit_checkpoints;
CREATE TRIGGER core_audit_checkpoints_no_truncate
  BEFORE TRUNCATE ON core_audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION core_audit_reject_change();

-- No role gets these through PUBLIC (PostgreSQL grants them only to the owner by default; this states
-- the intent and undoes any broad grant made by hand).
REVOKE UPDATE, DELETE, TRUNCATE ON core_audit_entries, core_audit_checkpoints FROM PUBLIC;
