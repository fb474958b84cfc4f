"""Report figures at growing scales: time and queries of what the report computes.

    python -m bench.report_figures [--scales 1k,10k,100k,1m] [--runs 5]

For each scale it uses the PostgreSQL database ``ziyang_bench_<scale>``
(made by ``bench.generate`` when it does not hold that scale's year) and, in a
child process connected to it, times after one warm-up run:

* ``figures``: ``collect_figures(year)``, every figure of every section;
* ``draft``: ``report_generate(year=..., user=...)``, what the admin's
  "generate" button runs (figures, last year's figures, the paragraphs of the
  draft and its saving), in a transaction rolled back after each run.

It prints the median wall time and the number of queries
(``CaptureQueriesContext``) per scale, with the growth ratio from one scale to
the next. Targets: under 1 s at 100k, the same number of queries at every
scale, and no worse than linear growth from 10k to 100k (ratio <= 10).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from ._common import format_machine, machine_info, print_table, write_result
from .generate.plan import parse_scale

SERVER_URL = "postgres://postgres@127.0.0.1:5432"
DEFAULT_SCALES = "1k,10k,100k,1m"


def database_url(server: str, scale_name: str) -> str:
    return f"{server.rstrip('/')}/ziyang_bench_{scale_name.lower()}"


def _measure(func, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    func()  # warm-up: imports, translations, plans of the database
    times, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            began = time.perf_counter()
            func()
            times.append(time.perf_counter() - began)
        queries.append(len(ctx.captured_queries))
    return {
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "queries": max(queries),
        "queries_min": min(queries),
        "runs": runs,
    }


def child(year: int, runs: int) -> dict:
    """Measure in this process (its DATABASE_URL is the scale's database)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from report.builder import collect_figures
    from report.models import WorkReport
    from report.services import report_generate
    from suggestions.models import Suggestion

    user = get_user_model().objects.filter(is_staff=True).order_by("pk").first()

    def draft():
        with transaction.atomic():
            # A report of the year left by another run is set aside, and back.
            WorkReport.objects.filter(year=year).delete()
            report_generate(year=year, user=user)
            transaction.set_rollback(True)

    return {
        "suggestions": Suggestion.objects.in_year(year).count(),
        "figures": _measure(lambda: collect_figures(year), runs),
        "draft": _measure(draft, runs),
    }


def run_scale(name: str, args) -> dict:
    url = database_url(args.server_url, name)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "ziyang_portal.settings.local",
        "DEBUG": "0",
    }
    env.pop("REDIS_URL", None)
    scale = parse_scale(name)
    for attempt in (1, 2):
        probe = subprocess.run(
            [sys.executable, "-m", "bench.report_figures", "--child", "--runs", "0"]
            + ["--year", str(args.year)],
            env=env,
            capture_output=True,
            text=True,
        )
        held = None
        if probe.returncode == 0:
            held = json.loads(probe.stdout.strip().splitlines()[-1])["suggestions"]
        if held == scale:
            break
        if attempt == 2:
            raise SystemExit(f"{url}: {held} suggestions after generating {scale}")
        print(f"{url} holds {held} suggestions of {args.year}: generating", flush=True)
        subprocess.run(
            [sys.executable, "-m", "bench.generate", "--scale", name]
            + ["--year", str(args.year), "--database-url", url],
            env=env,
            check=True,
        )
    done = subprocess.run(
        [sys.executable, "-m", "bench.report_figures", "--child"]
        + ["--runs", str(args.runs), "--year", str(args.year)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"measuring {name} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ratio(a, b):
    return round(b / a, 2) if a else None


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.report_figures", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--scales", default=DEFAULT_SCALES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--server-url", default=SERVER_URL)
    parser.add_argument(
        "--label", default="", help="a note kept in the JSON, e.g. before or after"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run_as_child(args) -> int:
    """In the child process: count the year's suggestions, or measure the runs."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")
    if args.runs == 0:
        import django

        django.setup()
        from suggestions.models import Suggestion

        result = {"suggestions": Suggestion.objects.in_year(args.year).count()}
    else:
        result = child(args.year, args.runs)
    print(json.dumps(result))
    return 0


def table_rows(names, results) -> list:
    """One row per scale, with the growth from the scale before."""
    rows = []
    previous = None
    for name in names:
        r = results[name]
        f, d = r["figures"], r["draft"]
        growth_f = growth_d = growth_size = ""
        if previous:
            p = results[previous]
            growth_size = _ratio(p["suggestions"], r["suggestions"])
            growth_f = _ratio(p["figures"]["median_s"], f["median_s"])
            growth_d = _ratio(p["draft"]["median_s"], d["median_s"])
        rows.append(
            (
                name,
                f"{r['suggestions']:,}",
                f"{f['median_s']:.3f}",
                f["queries"],
                growth_f,
                f"{d['median_s']:.3f}",
                d["queries"],
                growth_d,
                growth_size,
            )
        )
        previous = name
    return rows


def print_results(rows, machine, args) -> None:
    print(f"machine: {format_machine(machine)}")
    print(
        f"median of {args.runs} runs after a warm-up"
        + (f" ({args.label})" if args.label else "")
    )
    print_table(
        [
            "scale",
            "suggestions",
            "figures s",
            "queries",
            "growth",
            "draft s",
            "queries",
            "growth",
            "size growth",
        ],
        rows,
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.child:
        return run_as_child(args)

    names = [s.strip() for s in args.scales.split(",") if s.strip()]
    results = {}
    for name in names:
        print(f"measuring {name} ...", flush=True)
        results[name] = run_scale(name, args)
    rows = table_rows(names, results)
    machine = machine_info(database_url=database_url(args.server_url, names[0]))
    print_results(rows, machine, args)
    write_result(
        "report_figures",
        {
            "label": args.label,
            "year": args.year,
            "runs": args.runs,
            "results": results,
            "machine": machine,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
