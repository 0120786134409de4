-- sBG, fitted on one cohort's survivors (not on customers: a function, not
-- an aggregate), and discounted customer value from two models.
CREATE FUNCTION sbg_fit(survivors bigint[]) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_sbg_fit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clv_predict(model clv_model, gg_model clv_model, x float8, t_x float8,
                            "T" float8, mean_value float8, horizon float8 DEFAULT 12,
                            unit text DEFAULT 'model', discount float8 DEFAULT 0,
                            margin float8 DEFAULT 1) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_clv_predict' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
