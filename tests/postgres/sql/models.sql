-- Fits as aggregates over CDNOW's calibration summary (BTYD's cbs, 2357
-- customers), against the published figures: Fader, Hardie & Lee (2005)
-- BG/NBD r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4; Fader & Hardie
-- (2013) Gamma-Gamma p 6.25, q 3.74, gamma 15.44; and the independent
-- high-precision fits of reference_values.csv (1e-4 relative).
\getenv srcdir PG_ABS_SRCDIR
\set helpers :srcdir '/sql/helpers.inc'
\i :helpers

\getenv srcdir PG_ABS_SRCDIR
\set cbs_file :srcdir '/../data/refdata/btyd_cdnowSummary_cbs.csv'
CREATE TABLE cbs (cust text, x float8, t_x float8, "T" float8, x_star float8, m_x float8);
COPY cbs FROM :'cbs_file' (FORMAT csv, HEADER true);
SELECT count(*) AS customers, sum(x) AS repeat_purchases FROM cbs;

CREATE TABLE fits AS
SELECT bgnbd_fit(x, t_x, "T", 'week') AS bg, mbgnbd_fit(x, t_x, "T") AS mbg,
       pnbd_fit(x, t_x, "T") AS pn, gg_fit(x, m_x) AS gg FROM cbs;

SELECT round(param(bg, 'r')::numeric, 3) AS r, round(param(bg, 'alpha')::numeric, 3) AS alpha,
       round(param(bg, 'a')::numeric, 3) AS a, round(param(bg, 'b')::numeric, 3) AS b,
       round(loglik(bg)::numeric, 1) AS ll, customers(bg) FROM fits;
SELECT near(param(bg, 'r'), 0.2425945, 1e-4) AND near(param(bg, 'alpha'), 4.4136022, 1e-4)
   AND near(param(bg, 'a'), 0.7929219, 1e-4) AND near(param(bg, 'b'), 2.4259063, 1e-4)
   AND near(loglik(bg), -9582.429207, 1e-7) AS "BG/NBD exact",
       near(param(mbg, 'r'), 0.5248432, 1e-4) AND near(param(mbg, 'alpha'), 6.1830852, 1e-4)
   AND near(param(mbg, 'a'), 0.8913593, 1e-4) AND near(param(mbg, 'b'), 1.6140020, 1e-4)
   AND near(loglik(mbg), -9582.135716, 1e-7) AS "MBG/NBD exact",
       near(param(pn, 'r'), 0.5532771, 1e-3) AND near(param(pn, 'alpha'), 10.5776841, 1e-3)
   AND near(loglik(pn), -9594.976179, 1e-7) AS "Pareto/NBD exact",
       near(param(gg, 'p'), 6.2495730, 1e-4) AND near(param(gg, 'q'), 3.7442248, 1e-4)
   AND near(param(gg, 'gamma'), 15.4435198, 1e-4) AND customers(gg) = 946 AS "Gamma-Gamma exact"
FROM fits;
-- Standard errors (BTYD/CLVTools: 0.012557, 0.378221, 0.185719, 0.705345).
SELECT near(stderr(bg, 'r'), 0.012557, 1e-3) AND near(stderr(bg, 'alpha'), 0.378221, 1e-3)
   AND near(stderr(bg, 'a'), 0.185719, 1e-3) AND near(stderr(bg, 'b'), 0.705345, 1e-3) AS se
FROM fits;

-- The text form reads back to the same model.
SELECT bg::text = bg::text::clv_model::text AS round_trip, kind(bg) FROM fits;
SELECT 'bgnbd(r=0.243, alpha=4.414, a=0.793, b=2.426)'::clv_model;
SELECT 'pnbd( r = 0.55 , alpha=10.58, s=0.61, beta=11.67, unit=week )'::clv_model;

-- Predictions at the published parameters: P(alive | 2, 30.43, 38.86) 0.7266
-- (FHL 2005), customer 1516 E[Y(52)] 25.7565 and P(alive) 0.9689 (BTYD).
\set published '''bgnbd(r=0.243, alpha=4.414, a=0.793, b=2.426)''::clv_model'
SELECT round(palive(:published, 2, 30.43, 38.86)::numeric, 4) AS "0.7266",
       round(conditional_expected(:published, 52, 26, 30.857143, 31)::numeric, 4) AS "25.7565",
       round(palive(:published, 26, 30.857143, 31)::numeric, 4) AS "0.9689";
-- Gamma-Gamma: the population mean spend 35.1704, customers 1 and 2: 24.65, 18.91.
SELECT round(spend(gg, 0, 0)::numeric, 4) AS mean_spend,
       round(spend(gg, 2, 22.345)::numeric, 2) AS "24.65",
       round(spend(gg, 1, 11.77)::numeric, 2) AS "18.91" FROM fits;

-- Per-customer predictions over the summary table.
-- Customer 1 is FHL 2005's (2, 30.43, 38.86): E[Y(39)] 1.226 at the MLE.
SELECT cust, round(palive(bg, x, t_x, "T")::numeric, 4) AS palive,
       round(conditional_expected(bg, 39, x, t_x, "T")::numeric, 3) AS next_39_weeks
FROM cbs, fits WHERE cust = '1';
-- clv_predict is margin x expected spend x the discounted expected
-- transactions of each month (30.4375 / 7 weeks), summed here in SQL.
SELECT cust, near(clv_predict(bg, gg, x, t_x, "T", m_x, horizon => 12, unit => 'month',
                              discount => 0.01, margin => 0.3),
                  0.3 * spend(gg, x, m_x) * (SELECT sum(
                      (conditional_expected(bg, k * 30.4375 / 7, x, t_x, "T")
                       - conditional_expected(bg, (k - 1) * 30.4375 / 7, x, t_x, "T"))
                      / 1.01 ^ k) FROM generate_series(1, 12) k), 1e-12) AS clv_by_hand
FROM cbs, fits WHERE cust IN ('1', '2', '1516') ORDER BY cust;
SELECT try($$SELECT clv_predict(mbg, gg, 1, 1, 2, 10, unit => 'month') FROM fits$$);
SELECT try($$SELECT clv_predict(bg, gg, 1, 1, 2, 10, unit => 'fortnight') FROM fits$$);
SELECT try($$SELECT clv_predict(bg, gg, 1, 1, 2, 10, horizon => 0) FROM fits$$);
SELECT try($$SELECT clv_predict(bg, gg, 1, 1, 2, 10, margin => 2) FROM fits$$);
SELECT try($$SELECT bgnbd_fit(x, t_x, "T", CASE WHEN x > 1 THEN 'week' ELSE 'day' END) FROM cbs$$);

-- sBG on Fader & Hardie's High End survivors (2007): alpha 0.668, beta 3.806.
SELECT round(param(m, 'alpha')::numeric, 3) AS alpha, round(param(m, 'beta')::numeric, 3) AS beta,
       round(loglik(m)::numeric, 1) AS ll
FROM (SELECT sbg_fit(ARRAY[1000, 869, 743, 653, 593, 551, 517, 491]) AS m) s;

-- sBG's predictions, held together by their definitions: r(1) = S(1)/S(0) =
-- S(1), churn(1) = 1 - S(1), DEL = 1 + DERL(d, 1)/(1 + d) (FH 2010).
SELECT abs(retention(m, 1) - survival(m, 1)) < 1e-15 AS retention_1,
       abs(churn(m, 1) - (1 - survival(m, 1))) < 1e-15 AS churn_1,
       abs(del(m, 0.1) - (1 + derl(m, 0.1, 1) / 1.1)) < 1e-12 AS del_derl,
       abs(clv(m, 100, 0.1, 1) - 100 * derl(m, 0.1, 1)) < 1e-9 AS clv_margin_derl
FROM (SELECT sbg_fit(ARRAY[1000, 869, 743, 653, 593, 551, 517, 491]) AS m) s;

-- BG/BB on the donations data (Fader, Hardie & Shang 2010: 11,104 donors,
-- alpha 1.204, beta 0.750, gamma 0.657, delta 2.783; P(alive in 2002)
-- 0.11, 0.59, 0.93 for (x, t_x) = (0, 0), (2, 4), (6, 6); Hardie's
-- spreadsheet: 3454.9 donors expected with 0 donations in 6, 1253.1 with 6).
\set donations_file :srcdir '/../data/refdata/lifetimes_donations.csv'
CREATE TABLE donations (x float8, t_x float8, n float8, weight int);
COPY donations FROM :'donations_file' (FORMAT csv, HEADER true);
CREATE TABLE bgbb AS
SELECT bgbb_fit(x, t_x, n) AS m FROM donations, generate_series(1, weight);
SELECT customers(m), round(param(m, 'alpha')::numeric, 3) AS alpha,
       round(param(m, 'beta')::numeric, 3) AS beta, round(param(m, 'gamma')::numeric, 3) AS gamma,
       round(param(m, 'delta')::numeric, 3) AS delta,
       round(palive(m, 0, 0, 6)::numeric, 2) AS "0.11", round(palive(m, 2, 4, 6)::numeric, 2) AS "0.59",
       round(palive(m, 6, 6, 6)::numeric, 2) AS "0.93",
       round((11104 * pmf(m, 0, 6))::numeric, 1) AS "3454.9",
       round((11104 * pmf(m, 6, 6))::numeric, 1) AS "1253.1"
FROM bgbb;

-- DERT (discounted expected residual transactions) comes from the core's
-- description with no SQL face code: against the independent integral of
-- tests/independent_diag/dert.csv (mpmath, 30 digits) to 1e-7 relative.
\set dert_file :srcdir '/../independent_diag/dert.csv'
CREATE TABLE dert_ref (model text, delta float8, x float8, t_x float8, "T" float8,
                       integral float8, closed_form float8);
COPY dert_ref FROM :'dert_file' (FORMAT csv, HEADER true);
CREATE TABLE ref_models (model text, m clv_model);
INSERT INTO ref_models VALUES
  ('bgnbd', 'bgnbd(r=0.2425945, alpha=4.4136022, a=0.7929219, b=2.4259063)'),
  ('mbgnbd', 'mbgnbd(r=0.5248432, alpha=6.1830852, a=0.8913593, b=1.6140020)'),
  ('pnbd', 'pnbd(r=0.5532771, alpha=10.5776841, s=0.6062402, beta=11.6687412)');
SELECT d.model, count(*) AS customers,
       max(abs(dert(m.m, delta, x, t_x, d."T") - integral) / integral) < 1e-7 AS within_1e7
FROM dert_ref d JOIN ref_models m USING (model) GROUP BY d.model ORDER BY d.model;
SELECT try($$SELECT dert(gg, 0.01, 1, 1, 2) FROM fits$$);
SELECT try($$SELECT dert(bg, -0.01, 1, 1, 2) FROM fits$$);

-- Bad input: errors naming the function and the parameter.
SELECT try($$SELECT palive(bg, 2, 40, 38.86) FROM fits$$);
SELECT try($$SELECT palive(bg, -1, 0, 38.86) FROM fits$$);
SELECT try($$SELECT conditional_expected(bg, 'NaN', 2, 30, 38) FROM fits$$);
SELECT try($$SELECT spend(bg, 2, 10) FROM fits$$);
SELECT try($$SELECT palive(gg, 1, 2, 3) FROM fits$$);
SELECT try($$SELECT survival(bg, 1) FROM fits$$);
SELECT try($$SELECT palive(m, 3, 2, 6) FROM bgbb$$);
SELECT try($$SELECT param(bg, 'beta') FROM fits$$);
SELECT try($$SELECT 'bgnbd(r=0.243, alpha=4.414, a=0.793)'::clv_model$$);
SELECT try($$SELECT 'bgnbd(r=-1, alpha=4.414, a=0.793, b=2.4)'::clv_model$$);
SELECT try($$SELECT 'bgnbd(r=1, r=2)'::clv_model$$);
SELECT try($$SELECT 'nbd(r=1)'::clv_model$$);
SELECT try($$SELECT 'bgnbd(r=1, alpha=1, a=1, b=1) x'::clv_model$$);
SELECT try($$SELECT 'bgnbd(r=1e999, alpha=1, a=1, b=1)'::clv_model$$);
SELECT try($$SELECT bgnbd_fit(x, t_x, x) FROM (VALUES (1.0, 5.0)) v(x, t_x)$$);
SELECT try($$SELECT bgnbd_fit(x, t_x, "T") FROM (VALUES (1.0, 'NaN'::float8, 3.0)) v(x, t_x, "T")$$);
SELECT try($$SELECT sbg_fit(ARRAY[1000, 1100, 900])$$);
SELECT try($$SELECT sbg_fit(ARRAY[1000, NULL, 900])$$);
-- NULL rows are left out, as avg() does; no rows give no model.
SELECT bgnbd_fit(x, t_x, "T") IS NULL AS no_rows FROM cbs WHERE false;
SELECT param(bgnbd_fit(x, t_x, "T"), 'r') = (SELECT param(bg, 'r') FROM fits) AS nulls_skipped
FROM (SELECT x, t_x, "T" FROM cbs UNION ALL SELECT NULL, 1, 2 UNION ALL SELECT 1, NULL, 2) v;
