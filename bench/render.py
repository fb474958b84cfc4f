"""Word and PDF of the full year-end report: time and peak memory.

    python -m bench.render [--scale 100k] [--formats docx,pdf] [--runs 3]

Each run is a fresh child process connected to ``ziyang_bench_<scale>`` (made
by ``bench.generate`` if it does not hold that scale's year). The child builds
the report from the records (``ReportDocument.from_records``: figures, last
year's figures, paragraphs) and renders it with the portal's own renderers,
charts included (``render(document, "docx" | "pdf")``), timing both steps. The
parent reads the child's peak resident memory from ``os.wait4`` (``ru_maxrss``
of that child alone). A ``none`` row builds the document without rendering:
the memory a render adds is its peak above that row's.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from ._common import format_machine, machine_info, print_table, write_result
from .generate.plan import parse_scale
from .report_figures import SERVER_URL, database_url

MB = 1024 * 1024


def child(year: int, fmt: str) -> dict:
    import django

    django.setup()
    from report.document import ReportDocument
    from report.render import render

    began = time.perf_counter()
    document = ReportDocument.from_records(year)
    built = time.perf_counter()
    size = 0
    if fmt != "none":
        size = len(render(document, fmt))
    done = time.perf_counter()
    return {
        "document_s": built - began,
        "render_s": done - built,
        "bytes": size,
        "paragraphs": len(list(document.blocks())),
    }


def run_child(fmt: str, args, env) -> dict:
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.render", "--child", "--formats", fmt]
            + ["--year", str(args.year)],
            env=env,
            stdout=out,
            stderr=err,
        )
        # wait4 reaps this child alone and gives its own resource usage.
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode:
            sys.stderr.write(err.read())
            raise SystemExit(f"rendering {fmt} failed")
        result = json.loads(out.read().strip().splitlines()[-1])
    result["peak_rss_bytes"] = usage.ru_maxrss * 1024  # kilobytes on Linux
    return result


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.render", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--scale", default="100k")
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--server-url", default=SERVER_URL)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def measure(formats, args, env) -> dict:
    """{format: its runs, median seconds, peak RSS and size}; "none" builds only."""
    results = {}
    for fmt in formats:
        runs = [run_child(fmt, args, env) for _ in range(args.runs)]
        print(f"{fmt}: {len(runs)} runs", flush=True)
        results[fmt] = {
            "runs": runs,
            "document_s": statistics.median(r["document_s"] for r in runs),
            "render_s": statistics.median(r["render_s"] for r in runs),
            "peak_rss_bytes": max(r["peak_rss_bytes"] for r in runs),
            "bytes": runs[-1]["bytes"],
            "paragraphs": runs[-1]["paragraphs"],
        }
    return results


def print_results(formats, results, machine, args) -> None:
    base = results["none"]["peak_rss_bytes"]
    rows = []
    for fmt in formats:
        r = results[fmt]
        rows.append(
            (
                "document only" if fmt == "none" else fmt,
                f"{r['document_s']:.2f}",
                "" if fmt == "none" else f"{r['render_s']:.2f}",
                f"{r['peak_rss_bytes'] / MB:.0f}",
                "" if fmt == "none" else f"{(r['peak_rss_bytes'] - base) / MB:+.0f}",
                "" if fmt == "none" else f"{r['bytes'] / 1024:.0f}",
            )
        )
    print(f"machine: {format_machine(machine)}")
    print(
        f"scale {args.scale}, {results['none']['paragraphs']} paragraphs, "
        f"median of {args.runs} fresh processes"
    )
    print_table(
        [
            "output",
            "document s",
            "render s",
            "peak RSS MB",
            "render adds MB",
            "size KB",
        ],
        rows,
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.child:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")
        print(json.dumps(child(args.year, args.formats)))
        return 0

    url = database_url(args.server_url, args.scale)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "ziyang_portal.settings.local",
        "DEBUG": "0",
    }
    env.pop("REDIS_URL", None)
    _ensure_scale(args, url, env)
    formats = ["none"] + [f.strip() for f in args.formats.split(",") if f.strip()]
    results = measure(formats, args, env)
    machine = machine_info(database_url=url)
    print_results(formats, results, machine, args)
    write_result(
        "render",
        {
            "scale": args.scale,
            "year": args.year,
            "runs": args.runs,
            "results": results,
            "machine": machine,
        },
    )
    return 0


def _ensure_scale(args, url, env) -> None:
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
    if held != parse_scale(args.scale):
        print(f"{url} holds {held} suggestions of {args.year}: generating", flush=True)
        subprocess.run(
            [sys.executable, "-m", "bench.generate", "--scale", args.scale]
            + ["--year", str(args.year), "--database-url", url],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    sys.exit(main())
