-- clvkit's aggregates against PostgreSQL's own, on the seeded synthetic log
-- of bench/bench_e2e (BG/NBD customers with Gamma-Gamma spends, three years
-- of days), loaded from :'log_csv'.  Run by bench/postgres/run (a throwaway
-- server); prints seconds (best of 3) and ratios, and writes the summary's
-- x, t_x, T to :'summary_csv' for the Lua fit of the same rows.
\pset footer off
\set ON_ERROR_STOP 1
CREATE EXTENSION clvkit;
SET work_mem = '2GB';
CREATE TABLE tx (customer_id text, tx_date date, amount float8);
COPY tx FROM :'log_csv' (FORMAT csv, HEADER true);
VACUUM ANALYZE tx;

CREATE FUNCTION seconds(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best float8 := 'infinity';
BEGIN
  FOR i IN 1..3 LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    best := least(best, extract(epoch FROM clock_timestamp() - t0));
  END LOOP;
  RETURN best;
END $$;
CREATE TABLE result (what text, workers int, seconds float8);

-- Per customer: PostgreSQL's count/min/max/avg against rfm(), grouped alike.
\set native 'SELECT count(*) FROM (SELECT customer_id, count(*), min(tx_date), max(tx_date), avg(amount) FROM tx GROUP BY customer_id) s'
\set rfm 'SELECT count(*) FROM (SELECT customer_id, rfm(tx_date, amount, ''2023-12-31'', ''week'') AS s FROM tx GROUP BY customer_id) s'
SET max_parallel_workers_per_gather = 0;
INSERT INTO result VALUES ('native count/min/max/avg', 0, seconds(:'native')),
                          ('rfm()', 0, seconds(:'rfm'));
SET max_parallel_workers_per_gather = 2;
INSERT INTO result VALUES ('native count/min/max/avg', 2, seconds(:'native')),
                          ('rfm()', 2, seconds(:'rfm'));

-- The fit over the summary rows.
CREATE TABLE summary AS
SELECT customer_id, (rfm(tx_date, amount, '2023-12-31', 'week')).* FROM tx GROUP BY customer_id;
VACUUM ANALYZE summary;
\set fit 'SELECT bgnbd_fit(x, t_x, "T") FROM summary'
SET max_parallel_workers_per_gather = 0;
INSERT INTO result VALUES ('bgnbd_fit() over the summary', 0, seconds(:'fit'));
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
INSERT INTO result VALUES ('bgnbd_fit() over the summary', 2, seconds(:'fit'));
COPY (SELECT x, t_x, "T" FROM summary) TO :'summary_csv' (FORMAT csv);

SELECT (SELECT count(*) FROM tx) AS transactions, (SELECT count(*) FROM summary) AS customers,
       (SELECT count(*) FROM (SELECT DISTINCT x, t_x, "T" FROM summary) d) AS distinct_rows,
       (SELECT bgnbd_fit(x, t_x, "T", 'week')::text FROM summary) AS fit;
SELECT r.what, r.workers, round(r.seconds::numeric, 3) AS seconds,
       round((r.seconds / n.seconds)::numeric, 2) AS "x native"
FROM result r LEFT JOIN result n ON n.what = 'native count/min/max/avg' AND n.workers = r.workers
     AND r.what = 'rfm()'
ORDER BY r.what DESC, r.workers;
