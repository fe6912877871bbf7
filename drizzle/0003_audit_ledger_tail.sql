-- The ledger's tail under its lock, in one round trip (core/audit/record-audit.ts chainAuditRows).
-- plpgsql, VOLATILE: the SELECT takes its snapshot after the lock is granted, so it sees the entry of
-- the appender that held the lock before. (In one plain SQL statement the snapshot would predate the
-- lock wait, and two appenders could chain to the same entry.)
CREATE FUNCTION core_audit_ledger_tail(lock_key bigint, OUT seq bigint, OUT hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  SELECT e.seq, e.hash INTO seq, hash FROM core_audit_entries e ORDER BY e.seq DESC LIMIT 1;
END
$$;
