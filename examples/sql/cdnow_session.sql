-- A short clvkit session in SQL: the articles' examples, CDNOW's event log
-- summarised per customer, two fits and the customers worth the most.
\pset footer off
CREATE EXTENSION clvkit;
\echo 'The articles'' worked examples'
SELECT clv(aov => 50, freq => 12, years => 3) AS clv, sql_budget(200, 0.05) AS sql_budget,
       cac(ARRAY[5000, 3000, 2000], ARRAY[20, 20, 10]) AS cac, ltv_cac(1800, 600) AS ltv_cac;

\echo 'CDNOW: 6,919 transactions of 2,357 customers, summarised per customer'
CREATE TABLE tx (customer_id int, tx_date date, amount float8);
CREATE TEMP TABLE elog (masterid int, sampleid int, date int, cds int, sales float8);
\set elog_file :refdata '/btyd_cdnowElog.csv'
COPY elog FROM :'elog_file' (FORMAT csv, HEADER true);
INSERT INTO tx SELECT sampleid, to_date(date::text, 'YYYYMMDD'), sales FROM elog;
CREATE TABLE summary AS
SELECT customer_id, (rfm(tx_date, amount, '1997-09-30', 'week')).* FROM tx GROUP BY customer_id;
SELECT count(*) AS customers, sum(x) AS repeat_purchases, sum(x_holdout) AS holdout_purchases
FROM summary;

\echo 'BG/NBD and Gamma-Gamma, fitted as aggregates'
CREATE TABLE fit AS
SELECT bgnbd_fit(x, t_x, "T", 'week') AS bg, gg_fit(x, mean_value) AS gg FROM summary;
SELECT round(param(bg, 'r')::numeric, 4) AS r, round(param(bg, 'alpha')::numeric, 3) AS alpha,
       round(param(bg, 'a')::numeric, 4) AS a, round(param(bg, 'b')::numeric, 3) AS b,
       round(loglik(bg)::numeric, 2) AS loglik FROM fit;

\echo 'The top customers by the value of their next twelve months (1% a month)'
SELECT customer_id, x, round(palive(bg, x, t_x, "T")::numeric, 3) AS p_alive,
       round(clv_predict(bg, gg, x, t_x, "T", mean_value, horizon => 12, unit => 'month',
                         discount => 0.01)::numeric, 2) AS value
FROM summary, fit ORDER BY value DESC LIMIT 5;
