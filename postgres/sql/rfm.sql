-- The RFM summary of one customer's transactions, as an aggregate.
CREATE TYPE rfm_summary AS (x float8, t_x float8, "T" float8, mean_value float8,
                            x_holdout float8, value_holdout float8, first_purchase date);
CREATE FUNCTION clvkit_rfm_add(internal, tx_date date, amount float8, calibration_end date,
                               unit text) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_rfm_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_rfm_add(internal, tx_date date, amount float8, calibration_end date,
                               unit text, holdout_end date) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_rfm_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
-- Aggregates cannot take named arguments; this function can.
CREATE TYPE rfm_options AS (calibration_end date, unit text, holdout_end date);
CREATE FUNCTION rfm_options(calibration_end date, unit text, holdout_end date DEFAULT NULL)
  RETURNS rfm_options LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ROW(calibration_end, unit, holdout_end)::rfm_options $$;
CREATE FUNCTION clvkit_rfm_add(internal, tx_date date, amount float8, options rfm_options)
  RETURNS internal AS 'MODULE_PATHNAME', 'clvkit_rfm_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_rfm_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_rfm_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_rfm_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'clvkit_rfm_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clvkit_rfm_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_rfm_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clvkit_rfm_final(internal) RETURNS rfm_summary
  AS 'MODULE_PATHNAME', 'clvkit_rfm_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE rfm(tx_date date, amount float8, calibration_end date, unit text) (
  SFUNC = clvkit_rfm_add, STYPE = internal, FINALFUNC = clvkit_rfm_final,
  COMBINEFUNC = clvkit_rfm_combine, SERIALFUNC = clvkit_rfm_serialize,
  DESERIALFUNC = clvkit_rfm_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE rfm(tx_date date, amount float8, calibration_end date, unit text,
                     holdout_end date) (
  SFUNC = clvkit_rfm_add, STYPE = internal, FINALFUNC = clvkit_rfm_final,
  COMBINEFUNC = clvkit_rfm_combine, SERIALFUNC = clvkit_rfm_serialize,
  DESERIALFUNC = clvkit_rfm_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE rfm(tx_date date, amount float8, options rfm_options) (
  SFUNC = clvkit_rfm_add, STYPE = internal, FINALFUNC = clvkit_rfm_final,
  COMBINEFUNC = clvkit_rfm_combine, SERIALFUNC = clvkit_rfm_serialize,
  DESERIALFUNC = clvkit_rfm_deserialize, PARALLEL = SAFE);
