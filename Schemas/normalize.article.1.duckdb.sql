-- DuckDB: load normalize.article/1 records (JSON Lines) with explicit column types, so a batch
-- whose fields are all empty or null loads with the same types as any other (read_json would
-- otherwise infer them from the data: `names` of an article without names would become JSON[]
-- or NULL). Replace 'records.jsonl' with your file(s) or a glob ('batch/*.jsonl').
-- `references[].csl` and `input` stay JSON (open-ended); everything else is typed.
-- Tested by Scripts/test-loading.
SET VARIABLE record_columns = {
  'schema': 'VARCHAR',
  'id': 'VARCHAR',
  'source': 'STRUCT("file" VARCHAR, line BIGINT, url VARCHAR, publisher VARCHAR)',
  'published': 'STRUCT("value" VARCHAR, "from" VARCHAR)',
  'lang': 'VARCHAR',
  'scripts': 'VARCHAR[]',
  'title': 'VARCHAR',
  'standfirst': 'VARCHAR',
  'text': 'VARCHAR',
  'paragraphs': 'STRUCT(start BIGINT, "end" BIGINT, kind VARCHAR)[]',
  'metadata': 'STRUCT(credits VARCHAR[], tags VARCHAR[], source_line VARCHAR, breadcrumb VARCHAR)',
  'removed': 'STRUCT("text" VARCHAR, "rule" VARCHAR)[]',
  'names': 'STRUCT(start BIGINT, "end" BIGINT, "text" VARCHAR, kind VARCHAR, canonical VARCHAR, family VARCHAR, given VARCHAR, origin VARCHAR, "order" VARCHAR, hangul VARCHAR[], "key" VARCHAR, lexicon VARCHAR, field VARCHAR, "partial" BOOLEAN)[]',
  'dates': 'STRUCT(start BIGINT, "end" BIGINT, "text" VARCHAR, "type" VARCHAR, "value" VARCHAR, "mod" VARCHAR, anchor VARCHAR, field VARCHAR)[]',
  'references': 'STRUCT(raw VARCHAR, csl JSON, canonical VARCHAR, findings STRUCT(code VARCHAR, severity VARCHAR, "start" BIGINT, "end" BIGINT, field VARCHAR, byte_offset BIGINT, message VARCHAR)[])[]',
  'findings': 'STRUCT(code VARCHAR, severity VARCHAR, "start" BIGINT, "end" BIGINT, field VARCHAR, byte_offset BIGINT, message VARCHAR)[]',
  'input': 'JSON'
};
CREATE TABLE records AS
  SELECT * FROM read_json('records.jsonl', format = 'newline_delimited', columns = getvariable('record_columns'));
