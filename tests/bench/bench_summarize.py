"""Fast engine vs sumy: CPU time, peak memory and agreement, side by side (not a test).

Usage: .venv/bin/python tests/bench/bench_summarize.py [--sizes 100,300] [--algorithms lexrank]
       [--sumy-limit 60] [--repeat 3] [--no-sumy]

For each algorithm and each size (prefixes of 100 ... 10,000 sentences of Moby Dick, 30,000
of War and Peace from ../shared/data/long-texts) it runs, each in a fresh subprocess:
  * sumy (the reference engine, ``engine="sumy"``: its own tokenization included), after one
    untimed run on a 20-sentence prefix (so that sumy's modules and stop words are loaded, as
    ours are after their first run), --repeat times while its runs stay under 10 s CPU in
    all, reporting the median; with a CPU limit per run (default 60 s: then '>60 s') and an
    address-space cap (then 'out of memory'); once sumy exceeded the limit at a size,
    larger sizes are not tried ('>60 s*').
  * ours (``engine="fast"``), after the same untimed warm-up as sumy's, on a fresh Document
    each run, so word tokens are computed every run: '1st run' (which also stems every word
    new to the process), then --repeat runs or more (up to 5x, while they stay under 0.3 s
    CPU in all: a 20 ms run varies by +-30% with the machine), reporting the median CPU (they
    reuse the shared stem cache, as the app does from one document to the next); 'no cache':
    one more run after clearing the shared stem cache (a process's first document, modules
    loaded); 'alg only': the algorithm alone on the cached word features (the app switching
    algorithm on an open document).
At 1,000 sentences, where the speed-up targets apply, the two children run in turn --repeat
times (sumy, ours, sumy, ...) and each side reports the median of its children: a neighbour
busy on the other core slows a 20 ms run by up to ~1.5x, so two children a minute apart
could see different machines; in turn they see the same mix.
Both times are for a 5-sentence summary after sentence splitting. Peak RSS is the child's
ru_maxrss (Python, libraries and the Document included). 'agree' compares the selections:
'same', 'ties' (differ only among sentences sumy scores equal) or 'k/5' sentences in common.
Then: open + split + summarize of the whole of Moby Dick from the file (end to end), and a
~30-sentence news article (cnndm-dev200) with both engines in-process.
CPU time is process time (all threads); wall time is shown too (the machine may be shared).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "desktop"))

ALGORITHMS = ["lexrank", "textrank", "reduction", "kl-sum", "sumbasic", "lsa", "luhn", "edmundson"]
SIZES = [
    ("moby_dick", 100),
    ("moby_dick", 300),
    ("moby_dick", 1000),
    ("moby_dick", 3000),
    ("moby_dick", 10000),
    ("war_and_peace", 30000),
]
TARGETS = {  # issue 3
    "moby_alg": 1.5,
    "moby_e2e": 5.0,
    "wp_alg": 6.0,
    "wp_rss_mb": 1536,
    "x1000": {"lexrank": 50, "textrank": 50, "reduction": 50, "sumbasic": 50, "kl-sum": 500},
}
SUMY_MEMORY_CAP = 3 * 1024**3  # bytes of address space beyond the child's start
SUMY_REPEAT_BUDGET = 10.0  # CPU s: sumy runs --repeat times (median) until its runs exceed this
RATIO_SIZE = 1000  # the size of the speed-up targets: measured in alternating pairs (_paired)
OURS_REPEAT_BUDGET = 0.3  # CPU s: ours runs at least --repeat times, more (up to 5x) below this


def _book_prefix(book: str, size: int):
    from gistquiz.core.document import build_document

    text = (DATA / "long-texts" / f"{book}.txt").read_text(encoding="utf-8")
    doc = build_document(text, language="en")
    if size >= len(doc.sentences):
        return doc
    return build_document(text[: doc.sentences[size - 1].end], language="en")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn):
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def child(args: argparse.Namespace) -> None:
    from gistquiz.core.summarize import get
    from gistquiz.core.summarize.features import clear_shared_caches

    doc = _book_prefix(args.book, args.size)
    summarizer = get(args.algo)
    out: dict = {"n": len(doc.sentences)}
    if args.child == "sumy":
        import warnings

        warnings.simplefilter("ignore")
        # sumy's modules (and its stop words) load on first use: load them on a small other
        # document first, so that the timed runs measure summarizing, as ours do.
        summarizer.rank(_book_prefix(args.book, 20), 5, engine="sumy")
        used = resource.getrusage(resource.RUSAGE_SELF).ru_utime
        hard = int(used + (args.sumy_limit + 1) * args.repeat + 5)
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        cap = pages * resource.getpagesize() + SUMY_MEMORY_CAP
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        runs = []
        for _ in range(args.repeat):
            used = resource.getrusage(resource.RUSAGE_SELF).ru_utime
            resource.setrlimit(resource.RLIMIT_CPU, (int(used + args.sumy_limit + 1), hard))
            fresh = dataclasses.replace(doc)
            try:
                ranking, cpu, wall = _timed(lambda d=fresh: summarizer.rank(d, 5, engine="sumy"))
            except MemoryError:
                print(json.dumps({"error": "out of memory"}))
                return
            runs.append((cpu, wall))
            if sum(c for c, _ in runs) > SUMY_REPEAT_BUDGET:
                break  # long runs vary little: one (or two) is enough, and the bench ends
        out.update(
            cpu=statistics.median(c for c, _ in runs),
            wall=statistics.median(w for _, w in runs),
            runs=len(runs),
            selected=ranking.selected,
            scores=ranking.scores,
        )
    else:
        # The same untimed warm-up as sumy's (modules loaded), then a first run on this
        # document ('1st run': it also stems every new word), then the timed runs, which reuse
        # the shared stem cache as the app does from one document to the next. Short runs are
        # repeated until they fill OURS_REPEAT_BUDGET (machine noise is +-30% on a 20 ms run).
        summarizer.rank(_book_prefix(args.book, 20), 5, engine="fast")
        fresh = dataclasses.replace(doc)  # a new identity: word features are recomputed
        _, first, _ = _timed(lambda d=fresh: summarizer.rank(d, 5, engine="fast"))
        runs = []
        while len(runs) < args.repeat or (
            sum(c for c, _ in runs) < OURS_REPEAT_BUDGET and len(runs) < 5 * args.repeat
        ):
            fresh = dataclasses.replace(doc)
            ranking, cpu, wall = _timed(lambda d=fresh: summarizer.rank(d, 5, engine="fast"))
            runs.append((cpu, wall))
        _, warm, _ = _timed(lambda d=fresh: summarizer.rank(d, 5, engine="fast"))
        # As a process's first document would be (modules loaded, but no word stemmed yet).
        clear_shared_caches()
        fresh = dataclasses.replace(doc)
        _, uncached, _ = _timed(lambda d=fresh: summarizer.rank(d, 5, engine="fast"))
        out.update(
            first=first,
            cpu=statistics.median(c for c, _ in runs),
            wall=statistics.median(w for _, w in runs),
            runs=len(runs),
            warm=warm,
            uncached=uncached,
            selected=ranking.selected,
        )
    out["rss_mb"] = _rss_mb()
    print(json.dumps(out))


def _run_child(kind: str, book: str, size: int, algo: str, args) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--book", book, "--size", str(size)]
    command += ["--algo", algo, "--repeat", str(args.repeat), "--sumy-limit", str(args.sumy_limit)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired:
        return {"error": "wall timeout"}
    if done.returncode != 0:
        if done.returncode in (-24, -9):  # SIGXCPU / SIGKILL at the CPU limit
            return {"error": f">{args.sumy_limit:g} s"}
        tail = done.stderr.strip().splitlines()[-1:] or ["?"]
        return {"error": f"failed: {tail[0][:60]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _paired(book: str, size: int, algo: str, args) -> tuple[dict, dict]:
    """Where a speed-up target applies: --repeat (sumy child, ours child) pairs in turn, each
    side's figure the median of its children's. A 20 ms run and a 1 s run taken a minute
    apart see different machines when anything else runs (a busy neighbour slows both by up
    to ~1.5x); taken in turn, both sides see the same mix, and the ratio is the one asked."""
    pairs = []
    for _ in range(args.repeat):
        ref = _run_child("sumy", book, size, algo, args)
        if "error" in ref:
            return _run_child("ours", book, size, algo, args), ref
        pairs.append((_run_child("ours", book, size, algo, args), ref))
    if any("error" in ours for ours, _ in pairs):
        return next(ours for ours, _ in pairs if "error" in ours), pairs[0][1]
    merged = []
    for side in range(2):
        runs = [pair[side] for pair in pairs]
        middle = dict(sorted(runs, key=lambda r: r["cpu"])[len(runs) // 2])
        middle["runs"] = sum(r["runs"] for r in runs)
        merged.append(middle)
    return merged[0], merged[1]


def _agreement(ours: dict, ref: dict) -> str:
    if "selected" not in ref or "selected" not in ours:
        return "-"
    a, b = set(ours["selected"]), set(ref["selected"])
    if a == b:
        return "same"
    scores = ref["scores"]
    mine = sorted(scores[i] for i in a)
    theirs = sorted(scores[i] for i in b)
    if len(mine) == len(theirs) and all(
        abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1e-300) for x, y in zip(mine, theirs, strict=True)
    ):
        return "ties"
    return f"{len(a & b)}/{len(b)}"


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def bench_sizes(args) -> dict:
    results: dict = {}
    header = (
        f"{'algorithm':<10} {'sentences':>9} {'sumy CPU s':>11} {'ours CPU s':>10} "
        f"{'(wall)':>7} {'1st run':>7} {'no cache':>8} {'alg only':>8} {'speed-up':>9} "
        f"{'ours RSS MB':>11} "
        f"{'sumy RSS MB':>11} {'agree':>6}"
    )
    print(header)
    print("-" * len(header), flush=True)
    for algo in args.algorithms:
        sumy_gave_up = False
        for book, size in args.sizes:
            if args.no_sumy:
                ours, ref = _run_child("ours", book, size, algo, args), {"error": "not run"}
            elif sumy_gave_up:
                ours = _run_child("ours", book, size, algo, args)
                ref = {"error": f">{args.sumy_limit:g} s*"}
            elif size == RATIO_SIZE and algo in TARGETS["x1000"]:
                ours, ref = _paired(book, size, algo, args)
                sumy_gave_up = "error" in ref
            else:
                ours = _run_child("ours", book, size, algo, args)
                ref = _run_child("sumy", book, size, algo, args)
                sumy_gave_up = "error" in ref
            results[(algo, book, size)] = (ours, ref)
            ratio = "-"
            if "cpu" in ref and "cpu" in ours:
                ratio = f"{ref['cpu'] / ours['cpu']:.0f}x"
            elif ref.get("error", "").startswith(">") and "cpu" in ours:
                ratio = f">{args.sumy_limit / ours['cpu']:.0f}x"  # sumy hit the CPU limit
            sumy_time = _fmt(ref.get("cpu")) if "cpu" in ref else ref["error"]
            label = f"{ours.get('n', size)}" + ("w" if book == "war_and_peace" else "")
            print(
                f"{algo:<10} {label:>9} {sumy_time:>11} {_fmt(ours.get('cpu')):>10} "
                f"{_fmt(ours.get('wall')):>7} {_fmt(ours.get('first')):>7} "
                f"{_fmt(ours.get('uncached')):>8} {_fmt(ours.get('warm')):>8} {ratio:>9} "
                f"{ours.get('rss_mb', 0):>11.0f} {ref.get('rss_mb', 0):>11.0f} "
                f"{_agreement(ours, ref):>6}",
                flush=True,
            )
    return results


def bench_end_to_end(args) -> None:
    from gistquiz.core.pipeline import open_source, summarize

    path = DATA / "long-texts" / "moby_dick.txt"
    print(f"\nEnd to end, all of Moby Dick: open {path.name} + split + summarize (5 sentences)")
    print(f"{'algorithm':<10} {'CPU s':>7} {'wall s':>7}  (median of {args.repeat})")
    for algo in args.algorithms:
        runs = [
            _timed(lambda a=algo: summarize(open_source(path, language="en"), a, 5))[1:]
            for _ in range(args.repeat)
        ]
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        flag = "" if cpu <= TARGETS["moby_e2e"] else "  over target"
        print(f"{algo:<10} {cpu:>7.2f} {wall:>7.2f}{flag}", flush=True)


def bench_article(args) -> None:
    import warnings

    from gistquiz.core.document import build_document
    from gistquiz.core.summarize import get

    warnings.simplefilter("ignore")
    rows = [
        json.loads(line)
        for line in (DATA / "summarization" / "cnndm-dev200.jsonl").read_text().splitlines()
    ]
    docs = [build_document(r["text"], language="en") for r in rows[:60]]
    doc = min(docs, key=lambda d: abs(len(d.sentences) - 30))
    print(f"\nNews article ({len(doc.sentences)} sentences), median of {args.repeat}")
    print(f"{'algorithm':<10} {'sumy CPU ms':>11} {'ours CPU ms':>11} {'speed-up':>9} {'agree':>6}")
    for algo in args.algorithms:
        summarizer = get(algo)
        times = {}
        for engine in ("sumy", "fast"):
            runs = []
            for _ in range(args.repeat):
                fresh = dataclasses.replace(doc)
                ranking, cpu, _ = _timed(
                    lambda d=fresh, e=engine, s=summarizer: s.rank(d, 5, engine=e)
                )
                runs.append(cpu)
            times[engine] = (statistics.median(runs), ranking)
        (sumy_cpu, ref), (ours_cpu, fast) = times["sumy"], times["fast"]
        agree = _agreement(
            {"selected": fast.selected}, {"selected": ref.selected, "scores": ref.scores}
        )
        print(
            f"{algo:<10} {sumy_cpu * 1000:>11.1f} {ours_cpu * 1000:>11.1f} "
            f"{sumy_cpu / max(ours_cpu, 1e-9):>8.1f}x {agree:>6}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=["ours", "sumy"])
    parser.add_argument("--book")
    parser.add_argument("--size", type=int)
    parser.add_argument("--algo")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--sizes", default="", help="e.g. 100,1000 (Moby Dick prefixes)")
    parser.add_argument("--sumy-limit", type=float, default=60.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-sumy", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if not (DATA / "long-texts" / "moby_dick.txt").exists():
        print(f"bench_summarize: {DATA} not found (needs ../shared/data); nothing measured.")
        return
    args.algorithms = [a.strip() for a in args.algorithms.split(",") if a.strip()]
    args.sizes = (
        [("moby_dick", int(s)) for s in args.sizes.split(",") if s.strip()] if args.sizes else SIZES
    )
    print(__doc__.split("\n\n")[0])
    bench_sizes(args)
    bench_end_to_end(args)
    bench_article(args)


if __name__ == "__main__":
    main()
