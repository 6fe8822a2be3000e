#!/usr/bin/env python3
"""Helpers for Scripts/bench: corpus preparation, the Python NFC peer, timing, and the report.

Subcommands (all called by Scripts/bench; usable alone):

  extract CORPUS TEXT_OUT           write the `text` fields, one after another, to TEXT_OUT (the
                                    uconv peer's input); print {"records", "text_bytes"} as JSON
  scale CORPUS N OUT                write CORPUS N times to OUT, ids made unique ("<id>#<k>")
  nfc CORPUS                        the Python peer: json.loads each line, NFC-normalise `text`,
                                    write the normalised text to stdout
  measure LABEL [--stdin F] [--stdout F] -- CMD...
                                    run CMD once, print {"label", "wall_s", "cpu_s", "rss_kb", "rc",
                                    "via"} (cpu_s: user + system seconds of CMD and its children)
                                    (peak RSS from /usr/bin/time -v when present, else from
                                    resource.getrusage(RUSAGE_CHILDREN) in this fresh process)
  report RESULTS.jsonl INFO.json    print the table and, last, one JSON object with the figures

Only the standard library is used; nothing is installed.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata

GNU_TIME = "/usr/bin/time"


def cmd_extract(corpus, text_out):
    records = 0
    text_bytes = 0
    with open(corpus, encoding="utf-8") as src, open(text_out, "w", encoding="utf-8", newline="") as dst:
        for line in src:
            if not line.strip():
                continue
            text = json.loads(line).get("text") or ""
            dst.write(text)
            if not text.endswith("\n"):
                dst.write("\n")
            records += 1
            text_bytes += len(text.encode("utf-8"))
    print(json.dumps({"records": records, "text_bytes": text_bytes}))


def cmd_scale(corpus, n, out):
    n = int(n)
    with open(corpus, encoding="utf-8") as src:
        lines = [line for line in src if line.strip()]
    with open(out, "w", encoding="utf-8") as dst:
        for k in range(n):
            for line in lines:
                record = json.loads(line)
                if k:
                    record["id"] = f"{record.get('id', '')}#{k}"
                dst.write(json.dumps(record, ensure_ascii=False))
                dst.write("\n")


def cmd_nfc(corpus):
    out = sys.stdout
    with open(corpus, encoding="utf-8") as src:
        for line in src:
            if not line.strip():
                continue
            record = json.loads(line)
            out.write(unicodedata.normalize("NFC", record.get("text") or ""))
            out.write("\n")


def cmd_measure(argv):
    label = argv.pop(0)
    stdin_path = stdout_path = None
    while argv and argv[0] != "--":
        opt = argv.pop(0)
        if opt == "--stdin":
            stdin_path = argv.pop(0)
        elif opt == "--stdout":
            stdout_path = argv.pop(0)
        else:
            sys.exit(f"bench-peers.py measure: unknown option {opt}")
    if not argv or argv[0] != "--" or len(argv) < 2:
        sys.exit("bench-peers.py measure: expected -- CMD...")
    cmd = argv[1:]

    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    use_time = os.access(GNU_TIME, os.X_OK)
    report = None
    if use_time:
        fd, report = tempfile.mkstemp(prefix="bench-time-")
        os.close(fd)
        cmd = [GNU_TIME, "-v", "-o", report] + cmd
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdin=stdin, stdout=stdout)
    wall = time.perf_counter() - start
    # This fresh process has waited for the one command (and /usr/bin/time for its child).
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    rss_kb = None
    via = "getrusage"
    if use_time:
        via = "/usr/bin/time -v"
        with open(report, encoding="utf-8", errors="replace") as f:
            for line in f:
                if "Maximum resident set size" in line:
                    rss_kb = int(line.rsplit(":", 1)[1])
        os.unlink(report)
    if rss_kb is None:
        # Linux reports ru_maxrss in kilobytes. This process has run only the one child.
        rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        via = "getrusage"
    print(f"  {label:<24} {wall:8.3f} s {cpu:8.3f} CPU-s {rss_kb / 1024:8.1f} MB  exit {proc.returncode}",
          file=sys.stderr)
    print(json.dumps({"label": label, "wall_s": wall, "cpu_s": cpu, "rss_kb": rss_kb, "rc": proc.returncode,
                      "via": via}))


def fmt(x, spec):
    return format(x, spec) if x is not None else "-"


def cmd_report(results_path, info_path):
    with open(info_path, encoding="utf-8") as f:
        info = json.load(f)
    runs = {}
    with open(results_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                runs.setdefault(r["label"], []).append(r)

    mb = info["text_bytes"] / 1e6
    records = info["records"]
    tools = {}
    for label, rs in runs.items():
        if label.startswith(("scale:", "startup:")):
            continue
        best = min(r["wall_s"] for r in rs)
        cpu = min((r["cpu_s"] for r in rs if r.get("cpu_s") is not None), default=None)
        startup = min((r["wall_s"] for r in runs.get("startup:" + label, [])), default=None)
        net = best - startup if startup is not None else None
        tools[label] = {
            "wall_s": round(best, 4),
            "startup_s": round(startup, 4) if startup is not None else None,
            "mb_per_s": round(mb / best, 3) if best > 0 else None,
            "net_mb_per_s": round(mb / net, 3) if net and net > 0 else None,
            "articles_per_s": round(records / best, 1) if best > 0 else None,
            "cpu_s": round(cpu, 4) if cpu is not None else None,
            "mb_per_cpu_s": round(mb / cpu, 3) if cpu else None,
            "peak_rss_mb": round(max(r["rss_kb"] for r in rs) / 1024, 1),
            "exit_status": max(r["rc"] for r in rs),
            "runs": len(rs),
        }
    base_u = tools.get("uconv-nfc", {}).get("mb_per_s")
    base_p = tools.get("python-nfc", {}).get("mb_per_s")
    for t in tools.values():
        t["x_uconv"] = round(t["mb_per_s"] / base_u, 3) if base_u and t["mb_per_s"] else None
        t["x_python"] = round(t["mb_per_s"] / base_p, 3) if base_p and t["mb_per_s"] else None
    # The same ratios per CPU-second: what a machine shared with other jobs can still compare.
    cpu_p = tools.get("python-nfc", {}).get("mb_per_cpu_s")
    for t in tools.values():
        t["x_python_cpu"] = round(t["mb_per_cpu_s"] / cpu_p, 3) if cpu_p and t["mb_per_cpu_s"] else None

    order = ["normalize-j1", "normalize-j2", "baseline-j1", "baseline-j2", "normalize-j1-without-names", "normalize-j1-bare",
             "normalize-clean-j1", "normalize-clean-j2", "normalize-clean-2proc", "uconv-nfc", "python-nfc"]
    names = {
        "normalize-j1": "normalize --jobs 1",
        "normalize-j2": "normalize --jobs 2",
        "baseline-j1": "  baseline --jobs 1",
        "baseline-j2": "  baseline --jobs 2",
        "normalize-j1-without-names": "  --jobs 1 without names",
        "normalize-j1-bare": "  … and without dates",
        "normalize-clean-j1": "cleaning+structure --jobs 1",
        "normalize-clean-j2": "cleaning+structure --jobs 2",
        "normalize-clean-2proc": "  2 processes x --jobs 1",
        "uconv-nfc": "uconv -x nfc (text only)",
        "python-nfc": "python json + NFC",
    }
    print()
    times = f"{info['scale']}x " if info.get("scale") else ""
    print(f"corpus: {times}{info['corpus']}  ({records} articles, {mb:.3f} MB of text; best of {info['runs']} runs)")
    if info.get("normalize_error"):
        print(f"normalize: NOT MEASURED: {info['normalize_error']}")
    if info.get("normalize_warning"):
        print(f"normalize: WARNING: {info['normalize_warning']}")
    print()
    header = (f"{'tool':<28} {'MB/s':>9} {'articles/s':>11} {'peak RSS MB':>12} {'x uconv':>8} {'x python':>9}"
              f" {'start-up s':>11} {'net MB/s':>9} {'MB/CPU-s':>9} {'x python CPU':>13}")
    print(header)
    print("-" * len(header))
    for label in order:
        t = tools.get(label)
        if not t:
            continue
        warn = "" if t["exit_status"] == 0 else f"  (exit {t['exit_status']})"
        print(f"{names[label]:<28} {fmt(t['mb_per_s'], '9.2f')} {fmt(t['articles_per_s'], '11.0f')} "
              f"{fmt(t['peak_rss_mb'], '12.1f')} {fmt(t['x_uconv'], '8.2f')} {fmt(t['x_python'], '9.2f')} "
              f"{fmt(t['startup_s'], '11.3f')} {fmt(t['net_mb_per_s'], '9.2f')} "
              f"{fmt(t['mb_per_cpu_s'], '9.2f')} {fmt(t['x_python_cpu'], '13.2f')}{warn}")

    summary = {
        "corpus": info["corpus"],
        "records": records,
        "text_mb": round(mb, 6),
        "runs": info["runs"],
        "rss_via": next(iter(runs.values()))[0]["via"] if runs else None,
        "mb_definition": "10^6 bytes of the UTF-8 text fields",
        "tools": tools,
    }
    j1 = tools.get("normalize-j1", {}).get("wall_s")
    j2 = tools.get("normalize-j2", {}).get("wall_s")
    speedup = round(j1 / j2, 3) if j1 and j2 else None
    summary["speedup_2_jobs_over_1"] = speedup
    if speedup is not None:
        print(f"\n2 jobs / 1 job speed-up: {speedup:.2f}x")
    c1cpu = tools.get("normalize-j1", {}).get("cpu_s")
    c2cpu = tools.get("normalize-j2", {}).get("cpu_s")
    if c1cpu and c2cpu:
        # Two jobs can at best be 2 x (one job's CPU-s / two jobs' CPU-s) faster on two free cores.
        summary["cpu_2_jobs_over_1"] = round(c2cpu / c1cpu, 3)
        print(f"2 jobs use {c2cpu / c1cpu:.2f}x the CPU-s of 1 job: at most {2 * c1cpu / c2cpu:.2f}x "
              f"on two free cores")
    for jobs in ("1", "2"):
        new, old = tools.get("normalize-j" + jobs, {}).get("wall_s"), tools.get("baseline-j" + jobs, {}).get("wall_s")
        if new and old:
            summary["speedup_over_baseline_j" + jobs] = round(old / new, 3)
            print(f"--jobs {jobs}: this binary {old / new:.2f}x the baseline's speed (alternating runs)")
        new_cpu = tools.get("normalize-j" + jobs, {}).get("cpu_s")
        old_cpu = tools.get("baseline-j" + jobs, {}).get("cpu_s")
        if new_cpu and old_cpu:
            summary["cpu_speedup_over_baseline_j" + jobs] = round(old_cpu / new_cpu, 3)
            print(f"--jobs {jobs}: this binary needs {new_cpu:.2f} CPU-s, the baseline {old_cpu:.2f} "
                  f"({old_cpu / new_cpu:.2f}x)")

    c1 = tools.get("normalize-clean-j1", {}).get("wall_s")
    c2 = tools.get("normalize-clean-j2", {}).get("wall_s")
    cp = tools.get("normalize-clean-2proc", {}).get("wall_s")
    if c1 and c2:
        summary["clean_speedup_2_jobs_over_1"] = round(c1 / c2, 3)
        line = f"cleaning + structure: 2 jobs / 1 job speed-up {c1 / c2:.2f}x"
        if cp:
            summary["clean_speedup_2_processes_over_1"] = round(c1 / cp, 3)
            line += f"; two separate one-job processes on the halves {c1 / cp:.2f}x (the machine's own ceiling)"
        print(line)
        # The same net of start-up (loading the lexicons runs on one thread whatever --jobs says;
        # each of the two processes loads them at the same time as the other).
        s1 = tools.get("normalize-clean-j1", {}).get("startup_s")
        s2 = min((r["wall_s"] for r in runs.get("startup:normalize-clean-j2", [])), default=None)
        if s1 is not None and s2 is not None and c2 > s2:
            net_line = f"  net of start-up: 2 jobs / 1 job {(c1 - s1) / (c2 - s2):.2f}x"
            summary["clean_speedup_2_jobs_over_1_net"] = round((c1 - s1) / (c2 - s2), 3)
            if cp and cp > s1:
                net_line += f"; two processes {(c1 - s1) / (cp - s1):.2f}x"
                summary["clean_speedup_2_processes_over_1_net"] = round((c1 - s1) / (cp - s1), 3)
            print(net_line)

    # What names and dates add to one core's time (wall time net of start-up, which is shown apart).
    def net(label):
        t = tools.get(label, {})
        return (t["wall_s"] - (t.get("startup_s") or 0)) if t.get("wall_s") else None
    full, no_names, bare = net("normalize-j1"), net("normalize-j1-without-names"), net("normalize-j1-bare")
    if full and no_names and bare:
        summary["names_added"] = round(full / no_names - 1, 3)
        summary["dates_added"] = round(no_names / bare - 1, 3)
        print(f"names add {100 * (full / no_names - 1):.0f}% to the pipeline with dates, "
              f"dates add {100 * (no_names / bare - 1):.0f}% to the bare pipeline (one core, net of start-up)")

    scale = info.get("scale")
    if scale:
        rows = {}
        for label, rs in runs.items():
            if label.startswith("scale:"):
                _, tool, factor = label.split(":")
                rows.setdefault(tool, {})[factor] = round(max(r["rss_kb"] for r in rs) / 1024, 1)
        for tool, by in rows.items():
            if tool in tools:
                by[str(scale)] = tools[tool]["peak_rss_mb"]
        summary["scale"] = {"n": scale, "peak_rss_mb": rows}
        print(f"\npeak RSS at 1x vs {scale}x corpus (memory should stay flat when streaming):")
        for tool, by in rows.items():
            one, many = by.get("1"), by.get(str(scale))
            growth = f"{many / one:.2f}x" if one and many else "-"
            print(f"  {tool:<24} 1x {fmt(one, '.1f')} MB   {scale}x {fmt(many, '.1f')} MB   growth {growth}")
    for key in ("normalize_error", "normalize_warning"):
        if info.get(key):
            summary[key] = info[key]
    print()
    print(json.dumps(summary, ensure_ascii=False))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sub, args = sys.argv[1], sys.argv[2:]
    if sub == "extract" and len(args) == 2:
        cmd_extract(*args)
    elif sub == "scale" and len(args) == 3:
        cmd_scale(*args)
    elif sub == "nfc" and len(args) == 1:
        cmd_nfc(*args)
    elif sub == "measure" and args:
        cmd_measure(args)
    elif sub == "report" and len(args) == 2:
        cmd_report(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
