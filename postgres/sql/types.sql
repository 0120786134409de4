-- The model type and what SQL reads off a model.
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

