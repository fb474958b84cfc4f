"""What every benchmark script shares: the machine record, one table, one JSON file.

Each script prints one table and writes one JSON file per run to
``bench/results/<script>-<UTC timestamp>.json`` with ``machine_info()`` in it.
"""

import datetime
import json
import os
import platform
import sys
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_bytes() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _postgres_version(database_url: str | None) -> str | None:
    try:
        from django.conf import settings

        if settings.configured:
            from django.db import connection

            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SHOW server_version")
                    return cursor.fetchone()[0]
    except Exception:  # noqa: BLE001 - a missing version is recorded as None
        pass
    try:
        import psycopg2

        conn = psycopg2.connect(database_url or DEFAULT_SERVER_URL)
        try:
            with conn.cursor() as cursor:
                cursor.execute("SHOW server_version")
                return cursor.fetchone()[0]
        finally:
            conn.close()
    except Exception:  # noqa: BLE001
        return None


def _redis_version(redis_url: str | None) -> str | None:
    try:
        import redis

        client = redis.Redis.from_url(redis_url or DEFAULT_REDIS_URL, socket_timeout=2)
        return client.info("server").get("redis_version")
    except Exception:  # noqa: BLE001
        return None


def machine_info(
    *, database_url: str | None = None, redis_url: str | None = None, **workers
) -> dict:
    """CPU, cores, RAM and versions of this machine; ``workers`` records the
    process counts of the run (e.g. ``gunicorn_workers=2, celery_concurrency=1``)."""
    try:
        import django

        django_version = django.get_version()
    except ImportError:
        django_version = None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_bytes": _ram_bytes(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django_version,
        "postgresql": _postgres_version(database_url),
        "redis": _redis_version(redis_url or os.environ.get("REDIS_URL")),
        "workers": workers,
        # Others may share the machine: the load when the run ended.
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def format_machine(info: dict) -> str:
    ram = info.get("ram_bytes")
    ram_text = f"{ram / 2**30:.1f} GiB" if ram else "?"
    workers = ", ".join(f"{k}={v}" for k, v in info.get("workers", {}).items())
    return (
        f"{info['cpu']} · {info['cores']} cores · {ram_text} RAM · "
        f"Python {info['python']} · Django {info['django']} · "
        f"PostgreSQL {info['postgresql']} · Redis {info['redis']}"
        + (f" · {workers}" if workers else "")
        + " · load {:.1f} {:.1f} {:.1f}".format(*info.get("load_average", (0, 0, 0)))
    )


def print_table(headers, rows, file=None) -> str:
    """A plain-text table (Markdown pipe syntax), printed and returned."""
    cells = [[str(h) for h in headers]] + [
        ["" if c is None else str(c) for c in row] for row in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row):
        return (
            "| "
            + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
            + " |"
        )

    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(row) for row in cells[1:]]
    text = "\n".join(out)
    print(text, file=file or sys.stdout, flush=True)
    return text


def _default(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return str(value)


def write_result(name: str, payload: dict) -> Path:
    """bench/results/<name>-<UTC timestamp>.json; returns its path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    path = RESULTS_DIR / f"{name}-{now:%Y%m%dT%H%M%SZ}.json"
    data = {"script": name, "at": now.isoformat(timespec="seconds"), **payload}
    path.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n",
        encoding="utf-8",
    )
    print(f"result: {path}", flush=True)
    return path
