#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (one file per seed) from ../shared/eval and
Samples/: Scripts/fuzz/seed.py OUT_DIR. Seeds are cut to 16 kB; at most 400 per target."""
import glob, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
shared = os.path.join(os.path.dirname(repo), "shared", "eval")
out = sys.argv[1]
LIMIT, PER_TARGET = 16_000, 400


def lines(path, limit=PER_TARGET):
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n >= limit:
                    return
                try:
                    yield json.loads(line)
                except ValueError:
                    continue
    except OSError:
        return


def write(target, seeds):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    count = 0
    for seed in seeds:
        if count >= PER_TARGET:
            break
        data = seed.encode("utf-8", "surrogatepass") if isinstance(seed, str) else seed
        if not data:
            continue
        with open(os.path.join(folder, "seed-%04d" % count), "wb") as f:
            f.write(data[:LIMIT])
        count += 1
    print(f"{target}: {count} seeds")


samples = []
for path in sorted(glob.glob(os.path.join(repo, "Samples", "*", "*.txt"))):
    with open(path, encoding="utf-8", errors="replace") as f:
        samples.append(f.read())

def jsonl_seeds():
    for path in sorted(glob.glob(os.path.join(shared, "*", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n >= 40:
                    break
                yield line.rstrip("\n")[:LIMIT]
    for text in samples:
        yield json.dumps({"id": "s", "text": text[:4000], "published": "2025-05-28", "extra": [1, {"a": None}]}, ensure_ascii=False)

write("jsonl", jsonl_seeds())
write("clean", samples + [o.get("text", "") for o in lines(os.path.join(shared, "structure", "news.dev.jsonl"), 150)]
      + [o.get("text", "") for o in lines(os.path.join(shared, "boilerplate", "text_dev.jsonl"), 150)])
write("date", [o.get("text", "")[:4000] for o in lines(os.path.join(shared, "timex", "train.jsonl"))]
      + [o.get("text", "")[:4000] for p in sorted(glob.glob(os.path.join(shared, "timex", "multilingual", "*.jsonl"))) for o in lines(p, 15)])
names = []
for path in sorted(glob.glob(os.path.join(shared, "names", "*.tsv"))):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n == 0 or n > 150:
                continue
            names.extend(line.rstrip("\n").split("\t")[:2])
write("name", names)
write("ref", [o.get("text", "") for o in lines(os.path.join(shared, "refs", "dev.jsonl"))])
write("mojibake", [o.get("original", "") for o in lines(os.path.join(shared, "unicode", "ftfy_cases.jsonl"))])

def html_seeds():
    for path in sorted(glob.glob(os.path.join(repo, "Samples", "*", "*.html"))):
        with open(path, "rb") as f:
            yield f.read()
    # Real pages: the head, and the stretch where the article starts (16 kB each).
    for o in lines(os.path.join(shared, "boilerplate", "dev.jsonl"), 60):
        page = o.get("html", "")
        yield page[:LIMIT]
        start = page.find("<article")
        if start < 0:
            start = page.find("<p")
        if start > 0:
            yield page[start:start + LIMIT]
    yield "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000
    yield "<html><head><meta charset=windows-1251></head><body><p>".encode() + "Привет, мир".encode("cp1251")
    yield b"<html><body><p>\xff\xfe\x00binary\x00\x01\x02</p>"

write("html", html_seeds())
