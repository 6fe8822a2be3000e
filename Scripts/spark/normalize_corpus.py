#!/usr/bin/env python3
"""Normalize a JSON Lines corpus with Apache Spark, `normalize` running as a pipe stage.

Each partition of the corpus is streamed through one `normalize` process on an executor:

    normalize --rejects - --jobs <spark.task.cpus> --stdin-name <corpus> --line-offset <K> -

which answers every input line with exactly one output line, in order (a record, or a
`normalize.reject/1` line), and exits 0 when every line is in its stream (README, "As a pipe
stage"). The partition's first global line number K (from zipWithIndex) keeps `file`, `line`
and default ids ("file:line") what one run over the whole file gives. A partition whose
process exits non-zero, or answers a different number of lines, fails its task with the
process's message, instead of vanishing into an executor's log.

The corpus name lexicon is built map-reduce style: `normalize lexicon build` per partition
(the map), then `normalize lexicon merge` of the partitions' lexicons, in partition order, on
the driver (the reduce).

The binary is shipped to the executors with SparkContext.addFile (it carries its lexicons; it
needs the system ICU library, libicu72, on every node), or taken from a path present on every
node with --binary-on-nodes.

Writes into OUTDIR (which must not exist):
    records/part-*    records, in input order across the part files
    rejects/part-*    reject lines, in input order
    names.tsv         the merged name lexicon
    stats.json        per partition: lines, seconds to the first output line, wall seconds,
                      peak RSS of the normalize process (KiB, its VmHWM sampled every 64 lines
                      and at the end of its output)

Local mode:
    python3 Scripts/spark/normalize_corpus.py corpus.jsonl out/ --master 'local[2]' --partitions 4
Cluster:
    spark-submit --master yarn --deploy-mode cluster --num-executors 20 --executor-cores 4 \
        --conf spark.task.cpus=4 Scripts/spark/normalize_corpus.py \
        hdfs:///corpora/news.jsonl hdfs:///out/news --normalize ./normalize --partitions 400
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

from pyspark import SparkConf, SparkContext, SparkFiles

REJECT_PREFIX = '{"schema":"normalize.reject/1"'


def parse_arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="JSON Lines corpus (a local path, or any URI Spark reads)")
    p.add_argument("outdir", help="output folder (local path or URI); must not exist")
    p.add_argument("--normalize", default=None,
                   help="the normalize binary to ship with addFile (default: .build/release/normalize beside this script's repository)")
    p.add_argument("--binary-on-nodes", default=None,
                   help="use this path on every node instead of shipping the binary")
    p.add_argument("--partitions", type=int, default=None, help="minimum number of partitions (textFile minPartitions)")
    p.add_argument("--master", default=None, help="Spark master when run without spark-submit, e.g. local[2]")
    p.add_argument("--name", default=None,
                   help="the file name records carry (default: the corpus argument, as one normalize run over it would)")
    p.add_argument("--published", default=None, help="passed to normalize --published")
    p.add_argument("--lexicons", action="append", default=[],
                   help="extra lexicon file or folder on every node (passed to --lexicons)")
    p.add_argument("--no-lexicon", action="store_true", help="skip the name lexicon")
    return p.parse_args(argv)


def default_binary():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(repo, ".build", "release", "normalize")


def resolve_binary(shipped_name, on_nodes):
    """The binary's path on this executor: the addFile copy, made executable, or the node path."""
    if on_nodes:
        return on_nodes
    path = SparkFiles.get(shipped_name)
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def run_stage(command, lines, tag):
    """Streams `lines` (str, without newline) through `command`; yields its output lines as they
    come and finally a dict of figures. Raises RuntimeError when the process fails."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
        fed = [0]
        failure = []

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line.encode("utf-8") + b"\n")
                    fed[0] += 1
                process.stdin.close()
            except BrokenPipeError:
                failure.append("normalize closed its input early")
            except Exception as error:  # reading the partition failed: report it, stop the stage
                failure.append("reading the partition failed: %r" % (error,))
                try:
                    process.stdin.close()
                except OSError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        first = None
        produced = 0
        peak = [0]

        def sample_peak():
            # VmHWM of the normalize process itself (getrusage's ru_maxrss would include the
            # forking Python worker's size: Linux carries the high-water mark across exec).
            try:
                with open("/proc/%d/status" % process.pid) as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak[0] = max(peak[0], int(line.split()[1]))
            except (OSError, ValueError):
                pass

        for raw in process.stdout:
            if first is None:
                first = time.monotonic() - started
            produced += 1
            if produced % 64 == 1:
                sample_peak()
            yield raw.decode("utf-8").rstrip("\n")
        sample_peak()
        writer.join()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace")
        if failure or process.returncode not in (0,) and not (tag == "lexicon" and process.returncode == 1):
            raise RuntimeError("%s stage %s exited with %s%s:\n%s" % (
                tag, command, process.returncode, "; " + "; ".join(failure) if failure else "", message[-4000:]))
        yield {"lines_in": fed[0], "lines_out": produced, "first_output_seconds": first,
               "wall_seconds": time.monotonic() - started, "peak_rss_kib": peak[0] or usage.ru_maxrss,
               "summary": message.strip().splitlines()[-1] if message.strip() else ""}


def main(argv):
    options = parse_arguments(argv)
    conf = SparkConf().setAppName("normalize_corpus")
    if options.master:
        conf.setMaster(options.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    task_cpus = int(sc.getConf().get("spark.task.cpus", "1"))

    shipped_name = "normalize"
    if not options.binary_on_nodes:
        binary = options.normalize or default_binary()
        if not os.access(binary, os.X_OK):
            sys.exit("normalize_corpus: %s is not an executable; build it (swift build -c release --product normalize) or pass --normalize" % binary)
        shipped_name = os.path.basename(binary)
        sc.addFile(binary)
    on_nodes = options.binary_on_nodes
    name = options.name or options.corpus
    extra = [] if not options.published else ["--published", options.published]
    for lexicon in options.lexicons:
        extra += ["--lexicons", lexicon]

    lines = sc.textFile(options.corpus, minPartitions=options.partitions) if options.partitions else sc.textFile(options.corpus)
    indexed = lines.zipWithIndex().cache()  # (line, 0-based position in the corpus)

    def split_partition(items):
        """(offset of the partition's first line in the corpus, its texts), or None when empty."""
        items = iter(items)
        head = next(items, None)
        if head is None:
            return None

        def texts():
            yield head[0]
            for text, _ in items:
                yield text

        return head[1], texts()

    def normalize_partition(partition, items):
        split = split_partition(items)
        if split is None:
            return
        offset, texts = split
        command = [resolve_binary(shipped_name, on_nodes), "--rejects", "-", "--jobs", str(task_cpus),
                   "--stdin-name", name, "--line-offset", str(offset), "-"] + extra
        position = offset
        for out in run_stage(command, texts, "normalize"):
            if isinstance(out, dict):
                out["partition"] = partition
                out["first_line"] = offset + 1
                if out["lines_in"] != out["lines_out"]:
                    raise RuntimeError("partition %d: %d lines in, %d out: the pipe-stage contract is broken"
                                       % (partition, out["lines_in"], out["lines_out"]))
                yield ("stat", position, json.dumps(out, sort_keys=True))
            else:
                yield ("reject" if out.startswith(REJECT_PREFIX) else "record", position, out)
                position += 1

    outcomes = indexed.mapPartitionsWithIndex(normalize_partition).cache()
    outcomes.filter(lambda o: o[0] == "record").map(lambda o: o[2]).saveAsTextFile(options.outdir.rstrip("/") + "/records")
    outcomes.filter(lambda o: o[0] == "reject").map(lambda o: o[2]).saveAsTextFile(options.outdir.rstrip("/") + "/rejects")
    stats = [json.loads(o[2]) for o in outcomes.filter(lambda o: o[0] == "stat").collect()]

    lexicon_entries = None
    if not options.no_lexicon:
        def build_partition(partition, items):
            split = split_partition(items)
            if split is None:
                return
            offset, texts = split
            command = [resolve_binary(shipped_name, on_nodes), "lexicon", "build", "--jobs", str(task_cpus),
                       "--stdin-name", name, "--line-offset", str(offset), "-"] + extra
            tsv = []
            for out in run_stage(command, texts, "lexicon"):
                if not isinstance(out, dict):
                    tsv.append(out)
            yield (partition, "\n".join(tsv) + "\n")

        # Map: one lexicon per partition; reduce: one merge of them, in partition order.
        parts = sorted(indexed.mapPartitionsWithIndex(build_partition).collect())
        work = tempfile.mkdtemp(prefix="normalize-lexicons-")
        try:
            files = []
            for partition, text in parts:
                path = os.path.join(work, "part-%05d.tsv" % partition)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                files.append(path)
            driver_binary = options.binary_on_nodes or options.normalize or default_binary()
            merged = os.path.join(work, "names.tsv")
            subprocess.run([driver_binary, "lexicon", "merge"] + files + ["-o", merged], check=True,
                           stderr=subprocess.DEVNULL)
            with open(merged, encoding="utf-8") as f:
                lexicon_text = f.read()
        finally:
            shutil.rmtree(work, ignore_errors=True)
        lexicon_entries = sum(1 for l in lexicon_text.splitlines() if l and not l.startswith("#"))
        write_small_file(sc, options.outdir.rstrip("/") + "/names.tsv", lexicon_text)

    stats.sort(key=lambda s: s["partition"])
    write_small_file(sc, options.outdir.rstrip("/") + "/stats.json", json.dumps(stats, indent=1, sort_keys=True) + "\n")
    totals = {k: sum(s[k] for s in stats) for k in ("lines_in", "lines_out")}
    rejects = outcomes.filter(lambda o: o[0] == "reject").count()
    print("normalize_corpus: %d partitions, %d lines in, %d out (%d records, %d rejects)%s; driver peak RSS %d KiB"
          % (len(stats), totals["lines_in"], totals["lines_out"], totals["lines_out"] - rejects, rejects,
             "" if lexicon_entries is None else ", %d lexicon entries" % lexicon_entries,
             resource.getrusage(resource.RUSAGE_SELF).ru_maxrss), file=sys.stderr)
    sc.stop()


def write_small_file(sc, path, text):
    """A small text file next to the RDD outputs: local paths directly, URIs through Hadoop."""
    if "://" not in path or path.startswith("file://"):
        local = path[len("file://"):] if path.startswith("file://") else path
        with open(local, "w", encoding="utf-8") as f:
            f.write(text)
        return
    jvm = sc._jvm
    target = jvm.org.apache.hadoop.fs.Path(path)
    stream = target.getFileSystem(sc._jsc.hadoopConfiguration()).create(target, True)
    stream.write(bytearray(text.encode("utf-8")))
    stream.close()


if __name__ == "__main__":
    main(sys.argv[1:])
