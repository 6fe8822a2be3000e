-- PostgreSQL: normalize.article/1 records (JSON Lines) into a jsonb column, with GIN indexes
-- for "which articles mention this person" (by name key) and "which articles mention this
-- date" (by TIMEX3 value). Run with psql; replace 'records.jsonl' with your file.
-- Tested by Scripts/test-loading (a private cluster, the bench sample's records).
CREATE TABLE records (id text PRIMARY KEY, record jsonb NOT NULL);

-- One JSON line per row: CSV mode with a quote and a delimiter that valid JSON Lines never
-- contain raw (0x01, 0x02), so backslashes and quotes reach the jsonb parser untouched.
CREATE TEMP TABLE records_in (line text);
\copy records_in FROM 'records.jsonl' WITH (FORMAT csv, QUOTE e'\x01', DELIMITER e'\x02')
INSERT INTO records SELECT line::jsonb ->> 'id', line::jsonb FROM records_in;

-- jsonb_path_ops indexes answer containment (@>) queries on the arrays.
CREATE INDEX records_names ON records USING gin ((record -> 'names') jsonb_path_ops);
CREATE INDEX records_dates ON records USING gin ((record -> 'dates') jsonb_path_ops);
ANALYZE records;
