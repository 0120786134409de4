-- On the coordinator: CDNOW's transactions spread over two shards by a hash
-- of customer_id.  The RFM summary is computed on each shard (partitionwise
-- aggregation pushed down through postgres_fdw) and only the summaries
-- travel; the fit runs here.
\set ON_ERROR_STOP 1
CREATE EXTENSION clvkit;
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host :'sock', port :'shard1', dbname 'postgres', extensions 'clvkit');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host :'sock', port :'shard2', dbname 'postgres', extensions 'clvkit');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1;
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2;
CREATE TABLE tx (customer_id int, tx_date date, amount float8) PARTITION BY HASH (customer_id);
CREATE FOREIGN TABLE tx_1 PARTITION OF tx FOR VALUES WITH (MODULUS 2, REMAINDER 0)
  SERVER shard1 OPTIONS (table_name 'tx');
CREATE FOREIGN TABLE tx_2 PARTITION OF tx FOR VALUES WITH (MODULUS 2, REMAINDER 1)
  SERVER shard2 OPTIONS (table_name 'tx');

\set elog_file :srcdir '/../data/refdata/btyd_cdnowElog.csv'
CREATE TEMP TABLE elog (masterid int, sampleid int, date int, cds int, sales float8);
COPY elog FROM :'elog_file' (FORMAT csv, HEADER true);
INSERT INTO tx SELECT sampleid, to_date(date::text, 'YYYYMMDD'), sales FROM elog;
SELECT tableoid::regclass AS shard, count(*) AS transactions,
       count(DISTINCT customer_id) AS customers FROM tx GROUP BY 1 ORDER BY 1;

-- Grouped by the partition key, each shard summarises its own customers.
-- The options go in as one rfm_options value: postgres_fdw ships an
-- aggregate only when no argument is text (a collation it will not assume).
SET enable_partitionwise_aggregate = on;
EXPLAIN (VERBOSE, COSTS OFF)
SELECT customer_id, rfm(tx_date, amount, rfm_options('1997-09-30', 'week')) AS s
FROM tx GROUP BY customer_id;

CREATE TEMP TABLE summary AS
SELECT customer_id, (rfm(tx_date, amount, rfm_options('1997-09-30', 'week'))).*
FROM tx GROUP BY customer_id;
SELECT count(*) AS customers, sum(x) AS repeat_purchases, sum(x_holdout) AS holdout FROM summary;
-- the fit over the shards' summaries: FHL 2005's r 0.243, alpha 4.414, a 0.793, b 2.426
SELECT round(param(m, 'r')::numeric, 3) AS r, round(param(m, 'alpha')::numeric, 3) AS alpha,
       round(param(m, 'a')::numeric, 3) AS a, round(param(m, 'b')::numeric, 3) AS b,
       round(loglik(m)::numeric, 1) AS ll
FROM (SELECT bgnbd_fit(x, t_x, "T", 'week') AS m FROM summary) f;
-- the top customers by predicted value of the next year
WITH fit AS (SELECT bgnbd_fit(x, t_x, "T", 'week') AS bg, gg_fit(x, mean_value) AS gg FROM summary)
SELECT customer_id, x, round(clv_predict(bg, gg, x, t_x, "T", mean_value, horizon => 12,
                                         unit => 'month', discount => 0.01)::numeric, 2) AS value
FROM summary, fit ORDER BY value DESC, customer_id LIMIT 5;
