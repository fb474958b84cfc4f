"""Peak memory of a real Celery worker making the report files and the exports.

    python -m bench.worker_memory [--scale 100k] [--jobs report-docx,...]

Starts its own worker (prefork pool, concurrency 1, local settings with
DEBUG=0) on ``ziyang_bench_<scale>``, with the broker and results on Redis
database 7 and the cache on database 8 (``--redis-db``, ``--cache-db``), queues
the jobs one at a time through the portal's own services, the way the admin
does, and reads the peak resident memory of the worker's pool child from
``/proc/<pid>/status`` (VmHWM) while each job runs. Each job gets a fresh
worker: a pool child keeps the memory of its last job. Jobs: the year-end
report as Word and PDF (``make_report_export``) and every register export of
the year (``build_export``). The worker is stopped and the files it wrote are removed at
the end. Target: no worker above 300 MB.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._common import format_machine, machine_info, print_table, write_result
from .report_figures import SERVER_URL, database_url

MB = 1024 * 1024
LIMIT_MB = 300
REGISTERS = [
    "deputies",
    "activities",
    "stations",
    "sessions",
    "suggestions",
    "articles",
]
DEFAULT_JOBS = ",".join(
    ["report-docx", "report-pdf"] + [f"export-{r}" for r in REGISTERS]
)
WORKER_NAME = "bench-memory@%h"


def _status(pid: int) -> dict:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _sep, rest = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            values[key] = int(rest.split()[0]) * 1024
    return values


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _start_worker(env, log) -> subprocess.Popen:
    celery = Path(sys.executable).with_name("celery")
    return subprocess.Popen(
        [
            str(celery),
            "-A",
            "ziyang_portal",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            WORKER_NAME,
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _wait_for_pool(app, worker, timeout=60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise SystemExit("the worker stopped while starting; see its log")
        children = _children(worker.pid)
        if children and app.control.ping(timeout=1.0):
            return children[0]
        time.sleep(0.5)
    raise SystemExit("the worker did not answer within a minute")


def _stop_worker(worker) -> None:
    """Warm shutdown: the main process lets the task in hand finish and be
    acknowledged (a pool child killed first would have it delivered again)."""
    if worker.poll() is None:
        os.kill(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def _purge(redis_url: str) -> None:
    """Leftover messages of an earlier run in this script's own broker database."""
    import redis
    from django.conf import settings

    client = redis.Redis.from_url(redis_url)
    names = [q.name for q in settings.CELERY_TASK_QUEUES]
    client.delete(*names, "unacked", "unacked_index")


def _wait_done(obj, done_states, timeout, sample) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not sample():
            return "worker killed"
        obj.refresh_from_db()
        if obj.status in done_states:
            return obj.status
        time.sleep(0.25)
    return "timeout"


def run_job(job: str, year: int, user, report, timeout: int, sample):
    """Queue one job and wait for it; (status, file bytes, rows)."""
    from exports.models import Export
    from exports.services import export_request
    from report.models import ReportExport
    from report.services import report_request_export

    kind, _sep, name = job.partition("-")
    if kind == "report":
        export = report_request_export(report=report, fmt=name, user=user)
        done = {ReportExport.Status.DONE, ReportExport.Status.FAILED}
    else:
        export = export_request(user=user, register=name, year=year)
        done = {Export.Status.DONE, Export.Status.FAILED}
    status = _wait_done(export, done, timeout, sample)
    size = export.file.size if export.file else 0
    rows = getattr(export, "rows", None)
    if export.file:
        export.file.delete(save=False)
    return status, size, rows


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.worker_memory", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--scale", default="100k")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--jobs", default=DEFAULT_JOBS)
    parser.add_argument("--server-url", default=SERVER_URL)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379")
    parser.add_argument("--redis-db", type=int, default=7)
    parser.add_argument("--cache-db", type=int, default=8)
    parser.add_argument("--timeout", type=int, default=600, help="seconds per job")
    parser.add_argument("--label", default="")
    return parser.parse_args(argv)


def worker_env(args, url: str, media: str, broker: str) -> dict:
    """The environment of this process and of the workers it starts."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ziyang_portal.settings.local",
        "DEBUG": "0",
        "DATABASE_URL": url,
        "REDIS_URL": broker,
        "REDIS_CACHE_URL": f"{args.redis}/{args.cache_db}",
        "CACHE_KEY_PREFIX": "bench-worker-memory",
        "MEDIA_ROOT": media,
    }


class Memory:
    """The idle pool child and main process, and the main process's peak."""

    def __init__(self):
        self.idle = self.main_idle = None
        self.main_peak = 0


def measure_job(job, args, env, log, context, memory: Memory) -> dict:
    """One job on a fresh worker, its pool child sampled while it runs."""
    from ziyang_portal.celery import app

    user, report, broker = context
    # A fresh worker per job: a pool child keeps the memory of its
    # last job, which would hide the peak of the next one.
    _purge(broker)
    worker = _start_worker(env, log)
    try:
        child = _wait_for_pool(app, worker)
        memory.idle = memory.idle or _status(child)
        memory.main_idle = memory.main_idle or _status(worker.pid)
        peaks = [0]

        def sample(child=child, peaks=peaks):
            # Read as it runs: a child killed at the time limit is gone.
            try:
                peaks[0] = max(peaks[0], _status(child)["VmHWM"])
            except (FileNotFoundError, ProcessLookupError):
                return False
            return True

        began = time.perf_counter()
        status, size, rows = run_job(job, args.year, user, report, args.timeout, sample)
        seconds = time.perf_counter() - began
        sample()
        memory.main_peak = max(memory.main_peak, _status(worker.pid)["VmHWM"])
    finally:
        _stop_worker(worker)
    peak = peaks[0]
    print(f"{job}: {status} {seconds:.1f}s {peak / MB:.0f} MB", flush=True)
    return {
        "job": job,
        "status": status,
        "seconds": round(seconds, 2),
        "peak_rss_bytes": peak,
        "file_bytes": size,
        "rows": rows,
    }


def run_jobs(jobs, args, env, user, broker, media, memory: Memory) -> list:
    """Every job in turn; the draft report and the worker's files removed after."""
    from report.models import WorkReport
    from report.services import report_generate

    results = []
    report = None
    log_path = Path(tempfile.gettempdir()) / "bench-worker-memory.log"
    try:
        if any(j.startswith("report-") for j in jobs):
            WorkReport.objects.filter(year=args.year).delete()
            report = report_generate(year=args.year, user=user)
        with open(log_path, "w") as log:
            for job in jobs:
                context = (user, report, broker)
                results.append(measure_job(job, args, env, log, context, memory))
    finally:
        if report is not None:
            report.exports.all().delete()
            report.delete()
        shutil.rmtree(media, ignore_errors=True)
    return results


def print_results(results, machine, memory: Memory, args) -> None:
    rows = [
        (
            r["job"],
            r["status"],
            f"{r['seconds']:.1f}",
            f"{r['peak_rss_bytes'] / MB:.0f}",
            "yes" if r["peak_rss_bytes"] <= LIMIT_MB * MB else "NO",
            f"{r['file_bytes'] / 1024:.0f}",
            "" if r["rows"] is None else f"{r['rows']:,}",
        )
        for r in results
    ]
    print(f"machine: {format_machine(machine)}")
    print(
        f"scale {args.scale}; pool child idle {memory.idle['VmRSS'] / MB:.0f} MB, "
        f"worker main process peak {memory.main_peak / MB:.0f} MB "
        f"(idle {memory.main_idle['VmRSS'] / MB:.0f} MB)"
        + (f" ({args.label})" if args.label else "")
    )
    print_table(
        [
            "job",
            "status",
            "seconds",
            "peak RSS MB",
            f"<= {LIMIT_MB} MB",
            "file KB",
            "rows",
        ],
        rows,
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    url = database_url(args.server_url, args.scale)
    media = tempfile.mkdtemp(prefix="bench-worker-media-")
    broker = f"{args.redis}/{args.redis_db}"
    env = worker_env(args, url, media, broker)
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from suggestions.models import Suggestion

    held = Suggestion.objects.in_year(args.year).count()
    print(f"{url}: {held:,} suggestions of {args.year}", flush=True)
    user = get_user_model().objects.get(username="bench_staff")
    _purge(broker)
    jobs = [j.strip() for j in args.jobs.split(",") if j.strip()]
    memory = Memory()
    results = run_jobs(jobs, args, env, user, broker, media, memory)
    machine = machine_info(
        database_url=url, redis_url=broker, celery_pool="prefork", celery_concurrency=1
    )
    print_results(results, machine, memory, args)
    write_result(
        "worker_memory",
        {
            "label": args.label,
            "scale": args.scale,
            "year": args.year,
            "limit_bytes": LIMIT_MB * MB,
            "pool_child_idle_rss_bytes": memory.idle["VmRSS"],
            "main_process_peak_bytes": memory.main_peak,
            "main_process_idle_rss_bytes": memory.main_idle["VmRSS"],
            "jobs": results,
            "machine": machine,
        },
    )
    return 0 if all(r["status"] == "done" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
