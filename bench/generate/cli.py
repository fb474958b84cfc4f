"""The command line of the generator: arguments, the database, the tables printed."""

import argparse
import datetime
import os
import sys
import time

from .build import generate
from .database import ensure_database, has_records, wipe
from .plan import DEFAULT_DATABASE_URL, SEED, parse_scale

DESCRIPTION = "A synthetic year of records at a chosen scale, for the benchmarks."


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=DESCRIPTION
    )
    parser.add_argument("--scale", type=parse_scale, default="10k")
    parser.add_argument(
        "--year", type=int, default=datetime.datetime.now(datetime.UTC).year
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help=f"default: $BENCH_DATABASE_URL or {DEFAULT_DATABASE_URL}",
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--wipe",
        action="store_true",
        help="empty a database that holds records even if its name lacks 'bench'",
    )
    return parser.parse_args(argv)


def _setup(database_url: str) -> bool:
    """Point Django at the benchmark database, creating it; True if made."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")
    os.environ.setdefault("DEBUG", "0")
    created = ensure_database(database_url)
    import django

    django.setup()
    return created


def _print_tables(counts: dict, timings: dict) -> None:
    from .._common import print_table

    rows = [
        (label, f"{n:,}")
        for label, n in sorted(counts.items())
        if not label.startswith("(")
    ]
    rows.append(
        (
            "total rows",
            f"{sum(n for k, n in counts.items() if not k.startswith('(')):,}",
        )
    )
    print_table(["table", "rows"], rows)
    print_table(["step", "seconds"], list(timings.items()))


def _write_result(args, name, counts: dict, timings: dict) -> None:
    from .._common import machine_info, write_result

    write_result(
        "generate",
        {
            "scale": args.scale,
            "year": args.year,
            "seed": args.seed,
            "database": name,
            "rows": {k: v for k, v in counts.items() if not k.startswith("(")},
            "timings": timings,
            "machine": machine_info(database_url=args.database_url),
        },
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    created = _setup(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    name = connection.settings_dict["NAME"]
    print(f"database {name}{' (created)' if created else ''}", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    if has_records():
        if "bench" not in str(name) and not args.wipe:
            print(
                f"{name} holds records and its name lacks 'bench': refusing to wipe "
                "it (pass --wipe to empty it).",
                file=sys.stderr,
            )
            return 2
        wipe()
    wiped = time.perf_counter()
    counts = generate(args.scale, args.year, seed=args.seed, out=print)
    generated = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    done = time.perf_counter()
    timings = {
        "migrate_s": round(migrated - began, 2),
        "wipe_s": round(wiped - migrated, 2),
        "insert_s": round(generated - wiped, 2),
        "analyze_s": round(done - generated, 2),
        "total_s": round(done - began, 2),
    }
    _print_tables(counts, timings)
    _write_result(args, name, counts, timings)
    return 0
