"""Public form submissions per second, without and with three 12-megapixel photos.

A submission is what a resident's browser does: get /suggest/, read the
arithmetic captcha's answer from the captcha store in the benchmark database (as
a person reads the picture), and post the form. Each phase runs against a fresh
gunicorn so that the peak memory (VmHWM) of its workers belongs to that phase.
The suggestions it makes (titled TITLE) stay: the portal's timelines are
append-only, so run it on a benchmark database of its own, or regenerate.

    .venv/bin/python -m bench.submit --database-url postgres://.../ziyang_bench_100k
"""

import argparse
import os
import random
import re
import statistics
import sys
import threading
import time
from pathlib import Path

import requests

from bench import _server
from bench._common import machine_info, print_table, write_result

TITLE = "基准测试提交"
PHOTO_DIR = _server.BASE_DIR / "var" / "bench" / "photos"
PHOTO_SIZE = (4000, 3000)
MAX_RSS_MB = 300
FIELD_RE = {
    name: re.compile(rf'name="{name}" value="([^"]*)"')
    for name in ("csrfmiddlewaretoken", "captcha_0", "token")
}


def make_photos(count: int = 3) -> list[Path]:
    """12-megapixel JPEGs with camera-like noise, made once and kept."""
    from PIL import Image, ImageFilter

    PHOTO_DIR.mkdir(parents=True, exist_ok=True)
    paths = [PHOTO_DIR / f"photo-{i}.jpg" for i in range(count)]
    for i, path in enumerate(paths):
        if path.exists():
            continue
        width, height = PHOTO_SIZE
        # Smooth shapes (a scene) plus per-channel sensor noise.
        scene = Image.effect_noise((width // 40, height // 40), 90).resize(
            PHOTO_SIZE, Image.Resampling.BICUBIC
        )
        channels = [
            Image.blend(
                scene.filter(ImageFilter.GaussianBlur(3 + i + c)),
                Image.effect_noise(PHOTO_SIZE, 24 + 4 * c),
                0.35,
            )
            for c in range(3)
        ]
        Image.merge("RGB", channels).save(path, "JPEG", quality=90)
    return paths


class Submitter:
    def __init__(self, base_url: str, photos: list[Path]):
        self.base_url = base_url
        self.photos = photos
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self.lock = threading.Lock()

    def submit_once(self, session: requests.Session) -> None:
        from captcha.models import CaptchaStore

        started = time.perf_counter()
        page = session.get(f"{self.base_url}/suggest/", timeout=60).text
        fields = {name: rx.search(page).group(1) for name, rx in FIELD_RE.items()}
        answer = CaptchaStore.objects.get(hashkey=fields["captcha_0"]).response
        data = {
            **fields,
            "captcha_1": answer,
            "community": "",
            "category": "",
            "title": TITLE,
            "text": "楼道灯坏了一个多月,晚上上下楼不安全,希望尽快修好。",
            "name": "测试居民",
            "phone": f"139{random.randrange(10**8):08d}",
            "address": "",
            "consent": "on",
            "website": "",
        }
        files = [
            ("photos", (path.name, path.open("rb"), "image/jpeg"))
            for path in self.photos
        ]
        try:
            response = session.post(
                f"{self.base_url}/suggest/",
                data=data,
                files=files or None,
                allow_redirects=False,
                timeout=120,
            )
        finally:
            for _, (_, handle, _) in files:
                handle.close()
        elapsed = time.perf_counter() - started
        with self.lock:
            if response.status_code == 302 and "/suggest/done/" in response.headers.get(
                "Location", ""
            ):
                self.latencies.append(elapsed)
            else:
                self.failures.append(str(response.status_code))

    def run(self, *, clients: int, duration: float) -> float:
        from django.db import connection

        deadline = time.monotonic() + duration

        def loop():
            session = requests.Session()
            try:
                while time.monotonic() < deadline:
                    try:
                        self.submit_once(session)
                    except (requests.RequestException, AttributeError) as exc:
                        with self.lock:
                            self.failures.append(type(exc).__name__)
            finally:
                connection.close()

        threads = [threading.Thread(target=loop) for _ in range(clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - started


def parse_args(argv=None) -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/ziyang_bench_100k",
    )
    parser.add_argument("--workers", type=int, default=2 * cores + 1)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--duration", type=float, default=20, help="seconds a phase")
    return parser.parse_args(argv)


def run_phase(name, files, args) -> dict:
    """One phase against a fresh gunicorn: submissions, latencies, worker memory."""
    log = _server.BASE_DIR / "var" / "bench" / "gunicorn-submit.log"
    with _server.Gunicorn(
        workers=args.workers,
        worker_class=args.worker_class,
        threads=args.threads,
        log=log,
    ) as server:
        for _ in range(args.workers * 2):
            requests.get(f"{server.base_url}/suggest/", timeout=60)
        idle = server.worker_memory_mb()
        submitter = Submitter(server.base_url, files)
        elapsed = submitter.run(clients=args.clients, duration=args.duration)
        memory = server.worker_memory_mb()
    latencies = sorted(submitter.latencies)
    done = len(latencies)
    peak = max(m["VmHWM"] for m in memory.values())
    print(f"{name}: {done} submissions in {elapsed:.0f} s", file=sys.stderr)
    return {
        "phase": name,
        "photos": len(files),
        "photo_bytes": sum(path.stat().st_size for path in files),
        "submissions": done,
        "per_second": done / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if done else None,
        "p99_ms": latencies[int(0.99 * (done - 1))] * 1000 if done else None,
        "failures": submitter.failures,
        "elapsed_s": elapsed,
        "worker_peak_rss_mb": peak,
        "worker_idle_peak_rss_mb": max(m["VmHWM"] for m in idle.values()),
        "worker_memory_mb": memory,
        "meets_target": peak <= MAX_RSS_MB and not submitter.failures,
    }


def count_and_purge() -> int:
    """The benchmark's suggestions in the database; their queued notices dropped."""
    from suggestions.models import Suggestion
    from ziyang_portal.celery import app

    made = Suggestion.objects.filter(title=TITLE).count()
    # No worker runs here: the notices the submissions queued on the benchmark
    # broker database are dropped rather than left for a later worker.
    app.control.purge()
    return made


def print_results(results, made, args) -> None:
    headers = ["phase", "photo MB", "submissions", "per s", "p50 ms", "p99 ms"]
    headers += ["failed", "worker peak MB", "ok"]
    rows = [
        [
            r["phase"],
            f"{r['photo_bytes'] / 2**20:.1f}",
            r["submissions"],
            f"{r['per_second']:.2f}",
            f"{r['p50_ms']:.0f}" if r["p50_ms"] is not None else "-",
            f"{r['p99_ms']:.0f}" if r["p99_ms"] is not None else "-",
            len(r["failures"]),
            f"{r['worker_peak_rss_mb']:.0f}",
            "yes" if r["meets_target"] else "NO",
        ]
        for r in results
    ]
    print_table(headers, rows)
    print(
        f"{args.workers} {args.worker_class} workers; {args.clients} clients, "
        f"{args.duration:.0f} s a phase; each submission = GET form + POST; "
        f"target: no worker above {MAX_RSS_MB} MB; {made} benchmark "
        "suggestions in the database"
    )


def main(argv=None) -> None:
    args = parse_args(argv)
    _server.configure_django(args.database_url)
    _server.collectstatic()
    photos = make_photos()
    phases = [("no photos", []), ("3 photos of 12 MP", photos)]
    results = [run_phase(name, files, args) for name, files in phases]
    made = count_and_purge()
    print_results(results, made, args)
    write_result(
        "submit",
        {
            "machine": machine_info(
                database_url=args.database_url,
                gunicorn_workers=args.workers,
                gunicorn_worker_class=args.worker_class,
                gunicorn_threads=args.threads,
                clients=args.clients,
            ),
            "photo_size": PHOTO_SIZE,
            "target_max_rss_mb": MAX_RSS_MB,
            "phases": results,
        },
    )


if __name__ == "__main__":
    main()
