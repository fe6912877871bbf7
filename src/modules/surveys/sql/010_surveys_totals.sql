-- Survey responses are append-only, and every INSERT adds its rows to the per-day roll-up
-- surveys_totals in the same statement's transaction (a statement-level trigger with a transition
-- table: one aggregate per INSERT, however many rows it adds). Idempotent; runs after every migration.
-- The profile columns match src/modules/surveys/profile-columns.ts.

CREATE OR REPLACE FUNCTION surveys_add_to_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO surveys_totals AS t (
    agency_id, unit_id, service_key, submitted_on, n, s1, s2, s3, s4, s5, s6, s7, s8, s9,
    jk_l, jk_p,
    umur_lt20, umur_20_29, umur_30_39, umur_40_49, umur_50_59, umur_60_plus,
    pend_sd, pend_smp, pend_sma, pend_diploma, pend_s1, pend_s2_plus,
    pek_pns, pek_tni, pek_polri, pek_swasta, pek_wirausaha, pek_lainnya)
  SELECT
    r.agency_id, r.unit_id, coalesce(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid), r.submitted_on,
    count(*), sum(r.u1), sum(r.u2), sum(r.u3), sum(r.u4), sum(r.u5), sum(r.u6), sum(r.u7), sum(r.u8), sum(r.u9),
    count(*) FILTER (WHERE r.jenis_kelamin = 'L'), count(*) FILTER (WHERE r.jenis_kelamin = 'P'),
    count(*) FILTER (WHERE r.umur = '<20'), count(*) FILTER (WHERE r.umur = '20-29'),
    count(*) FILTER (WHERE r.umur = '30-39'), count(*) FILTER (WHERE r.umur = '40-49'),
    count(*) FILTER (WHERE r.umur = '50-59'), count(*) FILTER (WHERE r.umur = '60+'),
    count(*) FILTER (WHERE r.pendidikan = 'SD'), count(*) FILTER (WHERE r.pendidikan = 'SMP'),
    count(*) FILTER (WHERE r.pendidikan = 'SMA'), count(*) FILTER (WHERE r.pendidikan = 'D1-D3-D4'),
    count(*) FILTER (WHERE r.pendidikan = 'S1'), count(*) FILTER (WHERE r.pendidikan = 'S2+'),
    count(*) FILTER (WHERE r.pekerjaan = 'PNS'), count(*) FILTER (WHERE r.pekerjaan = 'TNI'),
    count(*) FILTER (WHERE r.pekerjaan = 'POLRI'), count(*) FILTER (WHERE r.pekerjaan = 'SWASTA'),
    count(*) FILTER (WHERE r.pekerjaan = 'WIRAUSAHA'), count(*) FILTER (WHERE r.pekerjaan = 'LAINNYA')
  FROM surveys_new_responses r
  GROUP BY r.agency_id, r.unit_id, coalesce(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid), r.submitted_on
  ON CONFLICT (unit_id, service_key, submitted_on) DO UPDATE SET
    n = t.n + excluded.n,
    s1 = t.s1 + excluded.s1, s2 = t.s2 + excluded.s2, s3 = t.s3 + excluded.s3,
    s4 = t.s4 + excluded.s4, s5 = t.s5 + excluded.s5, s6 = t.s6 + excluded.s6,
    s7 = t.s7 + excluded.s7, s8 = t.s8 + excluded.s8, s9 = t.s9 + excluded.s9,
    jk_l = t.jk_l + excluded.jk_l, jk_p = t.jk_p + excluded.jk_p,
    umur_lt20 = t.umur_lt20 + excluded.umur_lt20, umur_20_29 = t.umur_20_29 + excluded.umur_20_29,
    umur_30_39 = t.umur_30_39 + excluded.umur_30_39, umur_40_49 = t.umur_40_49 + excluded.umur_40_49,
    umur_50_59 = t.umur_50_59 + excluded.umur_50_59, umur_60_plus = t.umur_60_plus + excluded.umur_60_plus,
    pend_sd = t.pend_sd + excluded.pend_sd, pend_smp = t.pend_smp + excluded.pend_smp,
    pend_sma = t.pend_sma + excluded.pend_sma, pend_diploma = t.pend_diploma + excluded.pend_diploma,
    pend_s1 = t.pend_s1 + excluded.pend_s1, pend_s2_plus = t.pend_s2_plus + excluded.pend_s2_plus,
    pek_pns = t.pek_pns + excluded.pek_pns, pek_tni = t.pek_tni + excluded.pek_tni,
    pek_polri = t.pek_polri + excluded.pek_polri, pek_swasta = t.pek_swasta + excluded.pek_swasta,
    pek_wirausaha = t.pek_wirausaha + excluded.pek_wirausaha, pek_lainnya = t.pek_lainnya + excluded.pek_lainnya;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS surveys_responses_totals ON surveys_responses;
CREATE TRIGGER surveys_responses_totals
  AFTER INSERT ON surveys_responses
  REFERENCING NEW TABLE AS surveys_new_responses
  FOR EACH STATEMENT EXECUTE FUNCTION surveys_add_to_totals();

CREATE OR REPLACE FUNCTION surveys_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Jawaban survei hanya dapat ditambah: % ditolak. / Survey responses are append-only: % is rejected.',
    TG_OP, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

DROP TRIGGER IF EXISTS surveys_responses_append_only ON surveys_responses;
CREATE TRIGGER surveys_responses_append_only
  BEFORE UPDATE OR DELETE ON surveys_responses
  FOR EACH ROW EXECUTE FUNCTION surveys_reject_change();

DROP TRIGGER IF EXISTS surveys_responses_no_truncate ON surveys_responses;
CREATE TRIGGER surveys_responses_no_truncate
  BEFORE TRUNCATE ON surveys_responses
  FOR EACH STATEMENT EXECUTE FUNCTION surveys_reject_change();
