"""Checks what `normalize` writes with the tools its users load it into.

A measuring instrument run by Scripts/test-records, Scripts/test-loading and Scripts/eval-apa
inside the venv Scripts/test-venv makes (jsonschema, citeproc-py, duckdb, pandas); never a
runtime dependency of Normalize. Subcommands:

  records SCHEMA CSL_SCHEMA FILE…      validate every record (JSON Lines) against the record
                                        schema, CSL items included; then the mutants, which must fail
  csl CSL_SCHEMA APA_CSL FILE…         CSL items (from records' references or `ref --jsonl`
                                        output): valid against csl-data.json, rendered by citeproc-py
  apa APA_CSL FILE [--show N]          `normalize ref --jsonl` output: its `canonical` against
                                        citeproc-py's APA rendering of its `csl`
  duckdb SQL FILE…                     the shipped DuckDB recipe loads the records, types fixed
  pandas FILE                          the pandas recipe loads the records

Prints one summary line per check and exits 1 when a check fails.
"""
import copy
import json
import re
import sys
import time
import unicodedata

CSL_ID = "https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json"


def read_jsonl(paths):
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield path, number, json.loads(line)


def validators(schema_path, csl_schema_path):
    import jsonschema
    from referencing import Registry, Resource

    with open(csl_schema_path, encoding="utf-8") as handle:
        csl = json.load(handle)
    registry = Registry().with_resource(CSL_ID, Resource.from_contents(csl))
    record_validator = None
    if schema_path:
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        record_validator = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    csl_cls = jsonschema.validators.validator_for(csl)
    csl_validator = csl_cls(csl, format_checker=csl_cls.FORMAT_CHECKER)
    return record_validator, csl_validator


def error_text(error):
    where = "/".join(str(part) for part in error.absolute_path)
    return f"{where}: {error.message[:200]}"


# Each mutant breaks one promise of the schema; (label, function of a valid record).
def _first(record, key, default):
    items = record.setdefault(key, [])
    if not items:
        items.append(copy.deepcopy(default))
    return items[0]


DATE = {"start": 0, "end": 4, "text": "2025", "type": "DATE", "value": "2025"}
NAME = {"start": 0, "end": 4, "text": "Kim", "kind": "person", "canonical": "Kim"}
FINDING = {"code": "placeholder", "severity": "warning", "message": "m"}
REFERENCE = {"raw": "r", "csl": {"id": "x-ref-0", "type": "article", "title": "t"}, "canonical": "t.", "findings": []}
REMOVAL = {"text": "LEAVE A REPLY", "rule": "comment-heading"}


def _set(path_fn, value):
    def apply(record):
        target, key = path_fn(record)
        target[key] = value
    return apply


MUTANTS = [
    ("date value that is not a TIMEX3 value", _set(lambda r: (_first(r, "dates", DATE), "value"), "not a timex")),
    ("date value with a one-digit month", _set(lambda r: (_first(r, "dates", DATE), "value"), "2025-5-07")),
    ("date value month 13", _set(lambda r: (_first(r, "dates", DATE), "value"), "2025-13")),
    ("duration without a number", _set(lambda r: (_first(r, "dates", DATE), "value"), "P")),
    ("unknown TIMEX3 type", _set(lambda r: (_first(r, "dates", DATE), "type"), "DAY")),
    ("unknown mod", _set(lambda r: (_first(r, "dates", DATE), "mod"), "WHATEVER")),
    ("unknown anchor", _set(lambda r: (_first(r, "dates", DATE), "anchor"), "yesterday")),
    ("negative date offset", _set(lambda r: (_first(r, "dates", DATE), "start"), -1)),
    ("impossible published date", _set(lambda r: (r.setdefault("published", {"from": "input"}) or r, "value"), "2025-13-45")),
    ("published hour 25", _set(lambda r: (r.setdefault("published", {"from": "input"}) or r, "value"), "2025-02-03T25:00")),
    ("lang that is not BCP 47", _set(lambda r: (r, "lang"), "!!")),
    ("lang as a language name", _set(lambda r: (r, "lang"), "english")),
    ("unknown finding code", _set(lambda r: (_first(r, "findings", FINDING), "code"), "no-such-code")),
    ("unknown severity", _set(lambda r: (_first(r, "findings", FINDING), "severity"), "fatal")),
    ("unknown removal rule", _set(lambda r: (_first(r, "removed", REMOVAL), "rule"), "no-such-rule")),
    ("negative name offset", _set(lambda r: (_first(r, "names", NAME), "end"), -3)),
    ("CSL item without id", lambda r: _first(r, "references", REFERENCE)["csl"].pop("id", None)),
    ("CSL item with a non-CSL variable", _set(lambda r: (_first(r, "references", REFERENCE)["csl"], "title-romanized"), "x")),
    ("CSL item with an unknown type", _set(lambda r: (_first(r, "references", REFERENCE)["csl"], "type"), "newspaper")),
    ("CSL date-parts as text", _set(lambda r: (_first(r, "references", REFERENCE)["csl"], "issued"), {"date-parts": "2025"})),
    ("reference finding with an unknown code", lambda r: _first(r, "references", REFERENCE)["findings"].append(
        {"code": "made-up", "severity": "info", "message": "m"})),
    ("unknown top-level field", _set(lambda r: (r, "extra"), 1)),
    ("another schema version", _set(lambda r: (r, "schema"), "normalize.article/2")),
]


def cmd_records(args):
    schema_path, csl_schema_path, files = args[0], args[1], args[2:]
    validator, _ = validators(schema_path, csl_schema_path)
    total = valid = 0
    base = None
    started = time.time()
    for path, number, record in read_jsonl(files):
        total += 1
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
        if errors:
            if total - valid <= 10:
                print(f"  INVALID {path}:{number} ({record.get('id')}): " + "; ".join(error_text(e) for e in errors[:3]))
        else:
            valid += 1
            richness = sum(bool(record.get(k)) for k in ("dates", "names", "references", "findings", "removed"))
            if base is None or richness > base[0]:
                base = (richness, record)
    print(f"records valid: {valid}/{total} ({time.time() - started:.1f} s)")
    ok = total > 0 and valid == total
    if base is None:
        print("mutants: no valid record to mutate")
        return 1
    rejected = 0
    for label, mutate in MUTANTS:
        mutant = copy.deepcopy(base[1])
        mutate(mutant)
        if list(validator.iter_errors(mutant)):
            rejected += 1
        else:
            print(f"  MUTANT ACCEPTED: {label}")
    print(f"mutants rejected: {rejected}/{len(MUTANTS)}")
    return 0 if ok and rejected == len(MUTANTS) else 1


def csl_items(files):
    for path, number, value in read_jsonl(files):
        if isinstance(value.get("references"), list):
            for reference in value["references"]:
                if reference.get("csl"):
                    yield f"{path}:{number}", reference["csl"], reference.get("canonical")
        elif value.get("csl"):
            yield f"{path}:{number}", value["csl"], value.get("canonical")


class Renderer:
    """citeproc-py with a CSL style, one item per bibliography (no sorting or disambiguation
    across items)."""

    def __init__(self, style_path):
        from citeproc import CitationStylesStyle
        self.style = CitationStylesStyle(style_path, validate=False)

    def render(self, item):
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = CiteProcJSON([copy.deepcopy(item)])
            bibliography = CitationStylesBibliography(self.style, source, formatter.plain)
            bibliography.register(Citation([CitationItem(str(item["id"]))]))
            return "".join(str(part) for part in bibliography.bibliography()[0])


def cmd_csl(args):
    csl_schema_path, style_path, files = args[0], args[1], args[2:]
    _, csl_validator = validators(None, csl_schema_path)
    try:
        renderer = Renderer(style_path)
    except ImportError:
        renderer = None
        print("csl: citeproc-py is not installed; rendering skipped")
    total = valid = rendered = 0
    ids = {}
    failures = 0
    for where, item, _ in csl_items(files):
        total += 1
        errors = list(csl_validator.iter_errors([item]))
        if errors:
            if total - valid <= 10:
                print(f"  INVALID CSL {where}: " + "; ".join(error_text(e) for e in errors[:3]))
        else:
            valid += 1
        if ids.setdefault(item.get("id"), where) != where:
            print(f"  DUPLICATE id {item.get('id')} at {where} and {ids[item.get('id')]}")
            failures += 1
        if renderer:
            try:
                text = renderer.render(item)
                if text.strip():
                    rendered += 1
            except Exception as error:  # the processor's own failure is what is measured
                if total - rendered <= 10:
                    print(f"  RENDER FAILED {where}: {type(error).__name__}: {error}")
    print(f"CSL items valid: {valid}/{total}")
    if renderer:
        print(f"CSL items rendered by citeproc-py without error: {rendered}/{total}")
    ok = total > 0 and valid == total and failures == 0 and (renderer is None or rendered == total)
    return 0 if ok else 1


def plain(text):
    """What is compared: NFC, spaces folded, citeproc-py's entity escapes undone."""
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#38;", "&")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


# Where citeproc-py, not the rendering, departs from APA 7 and apa.csl (see the Citations
# documentation): lowercase contributor labels (apa.csl asks for title case, which citeproc-py
# applies only to text with a language) and a full stop after a title ending in "?" or "!".
PROCESSOR_FAULTS = [
    ("(ed.)", "(Ed.)"), ("(eds.)", "(Eds.)"), (", ed.)", ", Ed.)"), (", eds.)", ", Eds.)"), (", ed.;", ", Ed.;"),
    (", eds.;", ", Eds.;"), (", trans.)", ", Trans.)"), (", trans.;", ", Trans.;"), ("?. ", "? "), ("!. ", "! "),
]


def processor_fixed(text):
    for wrong, right in PROCESSOR_FAULTS:
        text = text.replace(wrong, right)
    return text


def cmd_apa(args):
    style_path, path = args[0], args[1]
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    renderer = Renderer(style_path)
    total = same = errors = processor = 0
    shown = 0
    for where, item, canonical in csl_items([path]):
        total += 1
        try:
            theirs = plain(renderer.render(item))
        except Exception as error:
            errors += 1
            theirs = f"<{type(error).__name__}>"
        ours = plain(canonical or "")
        if ours == theirs:
            same += 1
        elif ours == processor_fixed(theirs):
            processor += 1
        elif shown < show:
            shown += 1
            print(f"- {where}\n  normalize: {ours}\n  citeproc:  {theirs}")
    print(f"APA agreement with citeproc-py: {same}/{total} = {same / max(total, 1):.3f} (citeproc-py errors: {errors})")
    print(f"  differing only where citeproc-py departs from APA (lowercase (ed.)/(eds.)/trans., '?.'): {processor}; "
          f"agreement counting them: {(same + processor) / max(total, 1):.3f}")
    return 0


def cmd_duckdb(args):
    try:
        import duckdb
    except ImportError:
        print("duckdb: not installed (pip install duckdb failed); DuckDB recipe not tested")
        return 0
    sql_path, files = args[0], args[1:]
    with open(sql_path, encoding="utf-8") as handle:
        recipe = "\n".join(line for line in handle.read().splitlines() if not line.lstrip().startswith("--"))
    expected = sum(1 for _ in read_jsonl(files))
    connection = duckdb.connect()
    started = time.time()
    for statement in recipe.replace("'records.jsonl'", "[" + ", ".join(f"'{f}'" for f in files) + "]").split(";"):
        if statement.strip():
            connection.execute(statement)
    loaded = connection.execute("select count(*) from records").fetchone()[0]
    types = dict(connection.execute("select column_name, data_type from information_schema.columns where table_name = 'records'").fetchall())
    # The README's query by name key, against the count read from the JSON Lines.
    import collections
    keys = collections.Counter()
    for _, _, record in read_jsonl(files):
        keys.update({n["key"] for n in record["names"] if n.get("key")})
    key, want = keys.most_common(1)[0] if keys else ("none", 0)
    named = connection.execute(
        "select count(distinct id) from records, unnest(names) as u(n) where n.key = ?", [key]).fetchone()[0]
    seconds = time.time() - started
    # An empty batch keeps the same column types: the schema is explicit, nothing is inferred.
    import os, tempfile
    with tempfile.NamedTemporaryFile(suffix=".jsonl", dir=os.path.dirname(files[0]), delete=False) as empty:
        pass  # an empty batch (not /dev/null, which other programs on a shared machine may have replaced)
    try:
        connection.execute(f"create temp table empty_probe as select * from read_json('{empty.name}', format='newline_delimited', columns=getvariable('record_columns'))")
    finally:
        os.unlink(empty.name)
    empty_types = dict(connection.execute("select column_name, data_type from information_schema.columns where table_name = 'empty_probe'").fetchall())
    ok = loaded == expected and named == want and empty_types == types and types.get("dates", "").startswith("STRUCT")
    print(f"duckdb: loaded {loaded}/{expected} records in {seconds:.2f} s; by name key {key}: {named} (want {want}); "
          f"column types the same for an empty batch: {empty_types == types}")
    return 0 if ok else 1


def cmd_pandas(args):
    try:
        import pandas
    except ImportError:
        print("pandas: not installed; pandas recipe not tested")
        return 0
    path = args[0]
    expected = sum(1 for _ in read_jsonl([path]))
    frame = pandas.read_json(path, lines=True, dtype=False)
    names = pandas.json_normalize(frame.to_dict("records"), record_path="names", meta=["id"], errors="ignore")
    dates = pandas.json_normalize(frame.to_dict("records"), record_path="dates", meta=["id"])
    ok = len(frame) == expected and {"key", "canonical", "id"} <= set(names.columns) and "value" in dates.columns
    print(f"pandas: {len(frame)}/{expected} records, {len(names)} names, {len(dates)} dates")
    return 0 if ok else 1


def main(argv):
    commands = {"records": cmd_records, "csl": cmd_csl, "apa": cmd_apa, "duckdb": cmd_duckdb, "pandas": cmd_pandas}
    if len(argv) < 2 or argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[argv[1]](argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
