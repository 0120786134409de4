-- Models: the clv_model type, fits as aggregates, predictions.

CREATE TYPE clv_model;
CREATE FUNCTION clv_model_in(cstring) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clv_model_out(clv_model) RETURNS cstring
  AS 'MODULE_PATHNAME', 'clvkit_model_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clv_model_recv(internal) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clv_model_send(clv_model) RETURNS bytea
  AS 'MODULE_PATHNAME', 'clvkit_model_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE clv_model (
  INPUT = clv_model_in, OUTPUT = clv_model_out,
  RECEIVE = clv_model_recv, SEND = clv_model_send,
  INTERNALLENGTH = 88, ALIGNMENT = double);

CREATE FUNCTION param(model clv_model, name text) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_model_param' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stderr(model clv_model, name text) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_model_stderr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION loglik(model clv_model) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_model_loglik' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION customers(model clv_model) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_model_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kind(model clv_model) RETURNS text
  AS 'MODULE_PATHNAME', 'clvkit_model_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- The fit aggregates' state: the core's tally of distinct rows with counts.
CREATE FUNCTION clvkit_tx_add(internal, x float8, t_x float8, "T" float8) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_tx_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_tx_add(internal, x float8, t_x float8, "T" float8, unit text)
  RETURNS internal AS 'MODULE_PATHNAME', 'clvkit_tx_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_bgbb_add(internal, x float8, t_x float8, n float8) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_bgbb_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_gg_add(internal, x float8, mean_value float8) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_gg_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_tally_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_tally_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_tally_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'clvkit_tally_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clvkit_tally_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'clvkit_tally_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clvkit_bgnbd_final(internal) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_bgnbd_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_mbgnbd_final(internal) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_mbgnbd_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_pnbd_final(internal) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_pnbd_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_gg_final(internal) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_gg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION clvkit_bgbb_final(internal) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_bgbb_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE bgnbd_fit(x float8, t_x float8, "T" float8) (
  SFUNC = clvkit_tx_add, STYPE = internal, FINALFUNC = clvkit_bgnbd_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE bgnbd_fit(x float8, t_x float8, "T" float8, unit text) (
  SFUNC = clvkit_tx_add, STYPE = internal, FINALFUNC = clvkit_bgnbd_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE mbgnbd_fit(x float8, t_x float8, "T" float8) (
  SFUNC = clvkit_tx_add, STYPE = internal, FINALFUNC = clvkit_mbgnbd_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE mbgnbd_fit(x float8, t_x float8, "T" float8, unit text) (
  SFUNC = clvkit_tx_add, STYPE = internal, FINALFUNC = clvkit_mbgnbd_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE pnbd_fit(x float8, t_x float8, "T" float8) (
  SFUNC = clvkit_tx_add, STYPE = internal, FINALFUNC = clvkit_pnbd_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE pnbd_fit(x float8, t_x float8, "T" float8, unit text) (
  SFUNC = clvkit_tx_add, STYPE = internal, FINALFUNC = clvkit_pnbd_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE gg_fit(x float8, mean_value float8) (
  SFUNC = clvkit_gg_add, STYPE = internal, FINALFUNC = clvkit_gg_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);
CREATE AGGREGATE bgbb_fit(x float8, t_x float8, n float8) (
  SFUNC = clvkit_bgbb_add, STYPE = internal, FINALFUNC = clvkit_bgbb_final,
  COMBINEFUNC = clvkit_tally_combine, SERIALFUNC = clvkit_tally_serialize,
  DESERIALFUNC = clvkit_tally_deserialize, PARALLEL = SAFE);

CREATE FUNCTION sbg_fit(survivors bigint[]) RETURNS clv_model
  AS 'MODULE_PATHNAME', 'clvkit_sbg_fit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Predictions (arguments in the core's order).
CREATE FUNCTION palive(model clv_model, x float8, t_x float8, "T" float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_palive' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION conditional_expected(model clv_model, t float8, x float8, t_x float8,
                                     "T" float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_conditional_expected' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION expected(model clv_model, t float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_expected' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmf(model clv_model, n float8, t float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_pmf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION spend(gg_model clv_model, x float8, mean_value float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_spend' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION sbg_survival(model clv_model, t float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_sbg_survival' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION sbg_retention(model clv_model, t float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_sbg_retention' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION sbg_del(model clv_model, discount float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_sbg_del' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION sbg_derl(model clv_model, discount float8, periods float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_sbg_derl' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION clv_predict(model clv_model, gg_model clv_model, x float8, t_x float8,
                            "T" float8, mean_value float8, horizon float8 DEFAULT 12,
                            unit text DEFAULT 'model', discount float8 DEFAULT 0,
                            margin float8 DEFAULT 1) RETURNS float8
  AS 'MODULE_PATHNAME', 'clvkit_clv_predict' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
