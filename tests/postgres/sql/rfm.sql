-- The RFM summary as an aggregate: BTYD's CDNOW event log loaded with COPY
-- gives BTYD's calibration summary (btyd_cdnowSummary_cbs.csv) for every
-- customer: x, t.x, T.cal in weeks, holdout counts x.star, mean value m.x.
\getenv srcdir PG_ABS_SRCDIR
\set helpers :srcdir '/sql/helpers.inc'
\i :helpers
\getenv srcdir PG_ABS_SRCDIR
\set elog_file :srcdir '/../data/refdata/btyd_cdnowElog.csv'
\set cbs_file :srcdir '/../data/refdata/btyd_cdnowSummary_cbs.csv'
CREATE TABLE elog (masterid int, sampleid int, date int, cds int, sales float8);
COPY elog FROM :'elog_file' (FORMAT csv, HEADER true);
CREATE TABLE tx AS
SELECT sampleid AS customer_id, to_date(date::text, 'YYYYMMDD') AS tx_date, sales AS amount
FROM elog;
CREATE TABLE cbs (cust text, x float8, t_x float8, "T" float8, x_star float8, m_x float8);
COPY cbs FROM :'cbs_file' (FORMAT csv, HEADER true);
SELECT count(*) AS transactions, count(DISTINCT customer_id) AS customers FROM tx;

-- Aggregates take no named arguments (PostgreSQL): the options by position,
-- or named through rfm_options().
SELECT try($$SELECT rfm(tx_date, amount, calibration_end => '1997-09-30', unit => 'week') FROM tx$$);
CREATE TABLE summary AS
SELECT customer_id,
       (rfm(tx_date, amount, rfm_options(calibration_end => '1997-09-30', unit => 'week'))).*
FROM tx GROUP BY customer_id;
SELECT * FROM summary ORDER BY customer_id LIMIT 3;
SELECT count(*) AS customers, sum(x) AS repeat_purchases, count(*) FILTER (WHERE x > 0) AS repeat_buyers,
       sum(x_holdout) AS holdout_purchases FROM summary;
-- every customer as BTYD's summary has it (times to 1e-9 weeks, m.x to 1e-9)
SELECT count(*) AS customers_that_differ
FROM summary s JOIN cbs c ON c.cust = s.customer_id::text
WHERE s.x <> c.x OR abs(s.t_x - c.t_x) > 1e-9 OR abs(s."T" - c."T") > 1e-9
   OR s.x_holdout <> c.x_star OR abs(s.mean_value - c.m_x) > 1e-9;
SELECT count(*) AS missing FROM cbs c LEFT JOIN summary s ON c.cust = s.customer_id::text
WHERE s.customer_id IS NULL;

-- From the transactions to a fit in one statement, in parallel.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN (COSTS OFF)
SELECT customer_id, rfm(tx_date, amount, '1997-09-30', 'week') FROM tx GROUP BY customer_id;
SELECT round(param(m, 'r')::numeric, 3) AS r, round(param(m, 'alpha')::numeric, 3) AS alpha,
       round(param(m, 'a')::numeric, 3) AS a, round(param(m, 'b')::numeric, 3) AS b
FROM (SELECT bgnbd_fit((s).x, (s).t_x, (s)."T", 'week') AS m
      FROM (SELECT rfm(tx_date, amount, '1997-09-30', 'week') AS s FROM tx
            GROUP BY customer_id) per_customer) f;
CREATE TABLE summary_parallel AS
SELECT customer_id, (rfm(tx_date, amount, '1997-09-30', 'week')).* FROM tx GROUP BY customer_id;
EXPLAIN (COSTS OFF) CREATE TABLE t AS
SELECT customer_id, (rfm(tx_date, amount, '1997-09-30', 'week')).* FROM tx GROUP BY customer_id;
SELECT count(*) AS differ_from_serial FROM summary s JOIN summary_parallel p USING (customer_id)
WHERE (s.*)::text <> (p.*)::text;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- A holdout end, a customer who starts after the calibration end (NULL),
-- same-day purchases merged, NULL dates left out, a NULL amount counted as 0.
SELECT (rfm(d, a, '2020-01-31', 'day', '2020-02-10')).*
FROM (VALUES ('2020-01-01'::date, 10.0), ('2020-01-01', 5), ('2020-01-11', 20),
             ('2020-01-21', NULL), (NULL, 99), ('2020-02-05', 7), ('2020-02-20', 1)) v(d, a);
SELECT rfm(d, 1, '2020-01-31', 'day') IS NULL AS late_customer
FROM (VALUES ('2020-02-01'::date)) v(d);

-- Bad input.
SELECT try($$SELECT rfm(d, -1, '2020-01-31', 'day') FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 'NaN', '2020-01-31', 'day') FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 1, '2020-01-31', 'fortnight') FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 1, NULL, 'day') FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 1, NULL::rfm_options) FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 1, rfm_options('2020-01-31', 'year', '2020-01-01')) FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 1, 'infinity', 'day') FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 1, '2020-01-31', 'day', '2020-01-01') FROM (VALUES ('2020-01-01'::date)) v(d)$$);
SELECT try($$SELECT rfm(d, 1, c, 'day') FROM (VALUES ('2020-01-01'::date, '2020-01-31'::date),
                                                  ('2020-01-02', '2020-02-28')) v(d, c)$$);
SELECT try($$SELECT rfm(d, 1, '2020-01-31', 'day') FROM (VALUES ('abc')) v(d)$$);
