-- The catalogue in SQL: each function's worked example (economics.h, from the
-- articles), named arguments with defaults, and bad input as errors that
-- name the function and the parameter, with SQLSTATE 22023.
\getenv srcdir PG_ABS_SRCDIR
\set helpers :srcdir '/sql/helpers.inc'
\i :helpers

SELECT clv(50, 12, 3) AS "1800", clv(50, 12, 3, 100) AS "1700",
       clv(2000, 1, 8, 500, 200) AS "13900";
SELECT clv(aov => 50, freq => 12, years => 3) AS "1800",
       clv(aov => 50, freq => 12, years => 3, cost => 100) AS "1700";
SELECT clv_margin(50, 12, 3, 0.4) AS "720";
SELECT round(clv_ret(100, 0.8, 0.1)::numeric, 4) AS "266.6667";
SELECT ltv_churn(50, 0.8, 0.02) AS "2000", clv_avg(120000, 45000, 300) AS "250",
       lifetime(0.025) AS "40";
SELECT round(churn_period(0.02, 12)::numeric, 6) AS "0.215283",
       round(discount_period(0.1, 1.0 / 12)::numeric, 7) AS "0.0079741";
SELECT cac(ARRAY[5000, 3000, 2000], ARRAY[20, 20, 10]) AS "200",
       cac_payback(200, 50, 0.4) AS "10", ltv_cac(1800, 600) AS "3",
       max_cac(1800, 3) AS "600", max_cac(1800) AS "600 (ratio 3)",
       sql_budget(200, 0.05) AS "10", funnel_budget(200, ARRAY[0.2, 0.05]) AS "2",
       roas_breakeven(0.25) AS "4";
SELECT v, clv_segment(v, ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) FROM (VALUES (10), (5), (1)) t(v);

-- Every function is immutable, strict and parallel safe, but for the
-- aggregates' support functions (on internal states) and rfm_options (its
-- holdout_end may be NULL).
SELECT string_agg(p.proname, ', ') AS "not immutable strict parallel safe"
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'clvkit'
WHERE p.prokind = 'f' AND NOT 'internal'::regtype = ANY (p.proargtypes::regtype[] || p.prorettype)
  AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's');

-- NULL in, NULL out (STRICT).
SELECT clv(NULL, 12, 3) IS NULL AS "null";

-- Bad input: an error naming the function and the parameter.
SELECT try($$SELECT clv(50, 12, -1)$$);
SELECT try($$SELECT clv(aov => 50, freq => 12, years => 3, cost => -5)$$);
SELECT try($$SELECT clv('NaN', 12, 3)$$);
SELECT try($$SELECT clv(50, 'Infinity', 3)$$);
SELECT try($$SELECT clv(1e308, 1e308, 3)$$);
SELECT try($$SELECT lifetime(0)$$);
SELECT try($$SELECT sql_budget(200, 1.5)$$);
SELECT try($$SELECT clv('abc', 12, 3)$$);
SELECT try($$SELECT cac(ARRAY[5000, -3000], ARRAY[20, 20])$$);
SELECT try($$SELECT cac(ARRAY[5000, 3000], ARRAY[20, NULL])$$);
SELECT try($$SELECT cac(ARRAY[5000, 3000], ARRAY[20])$$);
SELECT try($$SELECT cac(ARRAY[]::float8[], ARRAY[]::float8[])$$);
SELECT try($$SELECT cac(ARRAY[[1, 2], [3, 4]], ARRAY[1, 2])$$);
SELECT try($$SELECT funnel_budget(200, ARRAY[0.2, 0])$$);
SELECT try($$SELECT funnel_budget('NaN', ARRAY[0.2])$$);
SELECT try($$SELECT clv_segment(5, ARRAY[1, 2, 'NaN'::float8])$$);
SELECT try($$SELECT clv_segment(5, ARRAY[1, 2, 3], high_share => 0.8)$$);
