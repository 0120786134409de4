-- clvkit's aggregates against PostgreSQL's own, on a seeded synthetic table
-- (:customers customers, :transactions transactions over three years).
-- Run by bench/postgres/run (a throwaway server); prints seconds and ratios.
\pset footer off
\set ON_ERROR_STOP 1
CREATE EXTENSION clvkit;
SET work_mem = '2GB';
SELECT setseed(0.42);
CREATE TABLE tx AS
SELECT (random() * (:customers - 1))::int AS customer_id,
       date '2020-01-01' + (random() * 1095)::int AS tx_date,
       round((random() * 100)::numeric, 2)::float8 AS amount
FROM generate_series(1, :transactions);
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
\set native 'SELECT count(*) FROM (SELECT customer_id, count(*), min(tx_date), max(tx_date), avg(amount) FROM tx GROUP BY customer_id) s'
\set rfm 'SELECT count(*) FROM (SELECT customer_id, rfm(tx_date, amount, ''2021-12-31'', ''week'') AS s FROM tx GROUP BY customer_id) s'
SET max_parallel_workers_per_gather = 0;
INSERT INTO result VALUES ('native count/min/max/avg', 0, seconds(:'native')),
                          ('rfm()', 0, seconds(:'rfm'));
SET max_parallel_workers_per_gather = 2;
INSERT INTO result VALUES ('native count/min/max/avg', 2, seconds(:'native')),
                          ('rfm()', 2, seconds(:'rfm'));

CREATE TABLE summary AS
SELECT customer_id, (rfm(tx_date, amount, '2021-12-31', 'week')).* FROM tx GROUP BY customer_id;
VACUUM ANALYZE summary;
\set fit 'SELECT bgnbd_fit(x, t_x, "T") FROM summary'
SET max_parallel_workers_per_gather = 0;
INSERT INTO result VALUES ('bgnbd_fit() over the summary', 0, seconds(:'fit'));
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
INSERT INTO result VALUES ('bgnbd_fit() over the summary', 2, seconds(:'fit'));
COPY (SELECT x, t_x, "T" FROM summary) TO :'summary_csv' (FORMAT csv, HEADER true);

SELECT (SELECT count(*) FROM tx) AS transactions, (SELECT count(*) FROM summary) AS customers,
       (SELECT count(DISTINCT (x, t_x, "T")) FROM summary) AS distinct_rows;
SELECT r.what, r.workers, round(r.seconds::numeric, 3) AS seconds,
       round((r.seconds / n.seconds)::numeric, 2) AS "x native"
FROM result r LEFT JOIN result n ON n.what = 'native count/min/max/avg' AND n.workers = r.workers
     AND r.what = 'rfm()'
ORDER BY r.what DESC, r.workers;
