-- Fits as parallel aggregates: PostgreSQL splits the rows among workers,
-- each builds a partial tally, the leader combines them (after a trip
-- through bytea) and fits once.  The parallel fit equals the serial one.
\getenv srcdir PG_ABS_SRCDIR
\set cbs_file :srcdir '/../data/refdata/btyd_cdnowSummary_cbs.csv'
CREATE TABLE cbs (cust text, x float8, t_x float8, "T" float8, x_star float8, m_x float8);
COPY cbs FROM :'cbs_file' (FORMAT csv, HEADER true);
-- CDNOW twenty times over: 47,140 rows, the same maximum.
CREATE TABLE big AS SELECT c.*, copy FROM cbs c, generate_series(1, 20) copy;
ANALYZE big;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT bgnbd_fit(x, t_x, "T"), gg_fit(x, m_x) FROM big;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
  SELECT bgnbd_fit(x, t_x, "T") FROM big;
CREATE TABLE parallel_fits AS
SELECT bgnbd_fit(x, t_x, "T", 'week')::text AS bg, pnbd_fit(x, t_x, "T")::text AS pn,
       gg_fit(x, m_x)::text AS gg FROM big;
-- per group, in parallel too
EXPLAIN (COSTS OFF) SELECT copy % 2, mbgnbd_fit(x, t_x, "T") FROM big GROUP BY 1;

SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT bgnbd_fit(x, t_x, "T") FROM big;
SELECT bgnbd_fit(x, t_x, "T", 'week')::text = bg AS bgnbd_same,
       pnbd_fit(x, t_x, "T")::text = pn AS pnbd_same,
       gg_fit(x, m_x)::text = gg AS gg_same
FROM big, parallel_fits GROUP BY bg, pn, gg;
-- and twenty copies of CDNOW fit as CDNOW does (FHL 2005: 0.243, 4.414, 0.793, 2.426)
SELECT round(param(m, 'r')::numeric, 3) AS r, round(param(m, 'alpha')::numeric, 3) AS alpha,
       round(param(m, 'a')::numeric, 3) AS a, round(param(m, 'b')::numeric, 3) AS b,
       round((loglik(m) / 20)::numeric, 1) AS ll_per_copy, customers(m)
FROM (SELECT bg::clv_model AS m FROM parallel_fits) f;

-- Ten million rows in one group (CDNOW 4,243 times): memory grows with the
-- distinct rows only, and the fit is CDNOW's.
RESET max_parallel_workers_per_gather;
SELECT customers(m), round(param(m, 'r')::numeric, 3) AS r, round(param(m, 'b')::numeric, 3) AS b
FROM (SELECT bgnbd_fit(x, t_x, "T") AS m FROM cbs, generate_series(1, 4243) g) s;
