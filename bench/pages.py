"""Page throughput and latency with gunicorn on loopback, as a ratio to hello.

Each page is measured right after the bare /__hello__ view, by the same
gunicorn workers, in interleaved rounds (hello, page 1, hello, page 2, ...), so
a busy moment on a shared machine hits both sides of a ratio alike. Every run is
bounded: pages x rounds x 2 x duration seconds, plus start-up.

    .venv/bin/python -m bench.pages --database-url postgres://.../ziyang_bench_100k

With `--peer DIR`, django-helpdesk (../shared/peers/helpdesk, set up in DIR
once) is seeded with as many tickets as the database holds suggestions, served
by the same number of workers and measured with the same wrk settings in the
same rounds: the table then compares each page with its peer page.
"""

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from bench import _server
from bench import peer as peer_side
from bench._common import machine_info, print_table, write_result

LUA = Path(__file__).with_name("wrk_report.lua")
PUBLIC, TRACKING, DEPUTY, STAFF = "public", "tracking", "deputy", "staff"
# Minimum throughput as a share of hello, and the latency ceiling, per kind.
RATIO_TARGET = {PUBLIC: 0.5, TRACKING: 0.3, DEPUTY: 0.25, STAFF: 0.1}
P99_TARGET_MS = 200


def page_list(data: dict) -> list[dict]:
    """(name, path, kind, who) of every page measured; who picks the cookie."""
    return [
        {"name": "home", "path": "/", "kind": PUBLIC, "who": None},
        {"name": "stations", "path": "/stations/", "kind": PUBLIC, "who": None},
        {
            "name": "station",
            "path": f"/stations/{data['station_slug']}/",
            "kind": PUBLIC,
            "who": None,
        },
        {"name": "deputies", "path": "/deputies/", "kind": PUBLIC, "who": None},
        {"name": "news", "path": "/news/", "kind": PUBLIC, "who": None},
        {"name": "suggest form", "path": "/suggest/", "kind": PUBLIC, "who": None},
        {
            "name": "tracking result",
            "path": "/track/result/",
            "kind": TRACKING,
            "who": "tracker",
        },
        {
            "name": "deputy workspace",
            "path": "/my/",
            "kind": DEPUTY,
            "who": "deputy",
        },
        {
            "name": "deputy suggestions",
            "path": "/my/suggestions/",
            "kind": DEPUTY,
            "who": "deputy",
        },
        {
            "name": "admin suggestions",
            "path": "/admin/suggestions/suggestion/",
            "kind": STAFF,
            "who": "staff",
        },
        {
            "name": "staff dashboard",
            "path": "/admin/",
            "kind": STAFF,
            "who": "staff",
        },
        {
            "name": "deputy dashboard",
            "path": "/my/dashboard/",
            "kind": DEPUTY,
            "who": "deputy",
        },
    ]


def sample_data() -> dict:
    """The busiest public station and a real tracking code with its digits."""
    from django.db.models import Count

    from reception.models import Station
    from suggestions.models import Suggestion

    station = (
        Station.objects.public()
        .annotate(n=Count("sessions"))
        .order_by("-n", "pk")
        .first()
    )
    tracked = (
        Suggestion.objects.exclude(phone_last4="")
        .filter(status=Suggestion.Status.REPLIED)
        .order_by("-pk")
        .first()
    ) or Suggestion.objects.exclude(phone_last4="").order_by("-pk").first()
    if station is None or tracked is None:
        sys.exit("The benchmark database needs a public station and a suggestion.")
    return {
        "station_slug": station.slug,
        "tracking": (tracked.tracking_code, tracked.phone_last4),
        "suggestions": Suggestion.objects.count(),
    }


def tracked_session(base_url: str, code: str, last4: str) -> str:
    """Look a code up through the public form; returns the session cookie."""
    session = requests.Session()
    token = _server.csrf_token(session, f"{base_url}/track/")
    response = session.post(
        f"{base_url}/track/",
        data={"code": code, "phone_last4": last4, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302:
        raise RuntimeError(f"tracking look-up failed ({response.status_code})")
    return session.cookies["sessionid"]


def run_wrk(url, *, cookie, duration, connections, threads) -> dict:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout=10s",
        f"--script={LUA}",
    ]
    if cookie:
        value = cookie if "=" in cookie else f"sessionid={cookie}"
        command.append(f"--header=Cookie: {value}")
    command.append(url)
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    match = re.search(r"^WRK_JSON (.*)$", output, re.MULTILINE)
    result = json.loads(match.group(1))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def drain(base_url: str, workers: int, page: str = "/__hello__") -> None:
    """Wait until every worker has finished what a wrk run left queued.

    Sync workers go on serving the connections wrk opened before it stopped; a
    slow page would otherwise eat into the next hello run.
    """

    def hello():
        requests.get(f"{base_url}{page}", timeout=300)

    threads = [threading.Thread(target=hello) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def warm_up(base_url, pages, cookies, workers) -> None:
    """Every worker renders every page once; any answer but 200 stops the run."""
    for page in [{"path": "/__hello__", "who": None}, *pages]:
        cookie = cookies.get(page["who"])
        jar = {"sessionid": cookie} if cookie else {}
        for _ in range(workers * 2):
            response = requests.get(
                base_url + page["path"],
                cookies=jar,
                allow_redirects=False,
                timeout=60,
            )
            if response.status_code != 200:
                sys.exit(f"{page['path']} answered {response.status_code}; stopping.")


def summarise(page, runs) -> dict:
    ratios = [run["rps"] / run["hello_rps"] if run["hello_rps"] else 0 for run in runs]
    summary = {
        "page": page["name"],
        "path": page["path"],
        "kind": page["kind"],
        "rps": statistics.median(run["rps"] for run in runs),
        "hello_rps": statistics.median(run["hello_rps"] for run in runs),
        "ratio": statistics.median(ratios),
        "p50_ms": statistics.median(run["p50_us"] for run in runs) / 1000,
        "p99_ms": max(run["p99_us"] for run in runs) / 1000,
        "non2xx": sum(run["non2xx"] + run["hello_non2xx"] for run in runs),
        "socket_errors": sum(run["socket_errors"] for run in runs),
        "rounds": runs,
    }
    summary["meets_targets"] = (
        summary["ratio"] >= RATIO_TARGET[page["kind"]]
        and summary["p99_ms"] < P99_TARGET_MS
        and summary["non2xx"] == 0
        and summary["socket_errors"] == 0
    )
    return summary


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
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=4, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="page names to measure")
    parser.add_argument("--peer", type=Path, help="django-helpdesk beside (a folder)")
    parser.add_argument("--peer-tickets", type=int, help="default: the suggestions")
    return parser.parse_args(argv)


def wrk_options(args) -> dict:
    return {
        "duration": args.duration,
        "connections": args.connections,
        "threads": args.wrk_threads,
    }


def measure_rounds(base, pages, cookies, args, peer=None) -> dict:
    """{page name: one wrk run per round}, each right after a hello run; the
    peer's pages (peer = (base URL, pages)) in the same rounds."""
    wrk = wrk_options(args)
    runs = {page["name"]: [] for page in pages}
    peer_base, peer_pages = peer or (None, [])
    runs.update({page["name"]: [] for page in peer_pages})
    for round_number in range(1, args.rounds + 1):
        for page in peer_pages:
            drain(peer_base, args.workers, page=peer_pages[0]["path"])
            result = run_wrk(peer_base + page["path"], cookie=page["cookie"], **wrk)
            result.update(round=round_number, hello_rps=0, hello_non2xx=0)
            runs[page["name"]].append(result)
            print(
                f"round {round_number} {page['name']}: {result['rps']:.0f}/s",
                file=sys.stderr,
            )
        for page in pages:
            drain(base, args.workers)
            hello = run_wrk(f"{base}/__hello__", cookie=None, **wrk)
            drain(base, args.workers)
            result = run_wrk(
                base + page["path"], cookie=cookies.get(page["who"]), **wrk
            )
            result.update(
                round=round_number,
                hello_rps=hello["rps"],
                hello_p99_us=hello["p99_us"],
                hello_non2xx=hello["non2xx"],
            )
            runs[page["name"]].append(result)
            print(
                f"round {round_number} {page['name']}: {result['rps']:.0f}/s, "
                f"hello {hello['rps']:.0f}/s",
                file=sys.stderr,
            )
    return runs


def serve_and_measure(args, accounts, data, pages, peer=None) -> tuple[dict, dict]:
    """Start gunicorn, log in, warm up, measure; the runs and the worker memory."""
    log = _server.BASE_DIR / "var" / "bench" / "gunicorn-pages.log"
    options = {"workers": args.workers, "worker_class": args.worker_class}
    options["threads"] = args.threads
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(_server.Gunicorn(log=log, **options))
        peer_at = None
        if peer is not None:
            peer_server = stack.enter_context(peer.server(**options))
            peer_at = (peer_server.base_url, peer.pages())
            peer.warm_up(args.workers)
        base = server.base_url
        cookies = {
            "staff": _server.log_in(base, *accounts["staff"]),
            "deputy": _server.log_in(base, *accounts["deputy"]),
            "tracker": tracked_session(base, *data["tracking"]),
        }
        warm_up(base, pages, cookies, args.workers)
        runs = measure_rounds(base, pages, cookies, args, peer_at)
        memory = server.worker_memory_mb()
    return runs, memory


def print_summaries(summaries, memory, args, data, elapsed) -> None:
    headers = ["page", "kind", "req/s", "hello req/s", "ratio", "target", "p50 ms"]
    headers += ["p99 ms", "non-2xx", "ok"]
    rows = [
        [
            s["page"],
            s["kind"],
            f"{s['rps']:.0f}",
            f"{s['hello_rps']:.0f}",
            f"{s['ratio']:.2f}",
            f">= {RATIO_TARGET[s['kind']]}",
            f"{s['p50_ms']:.1f}",
            f"{s['p99_ms']:.1f}",
            str(s["non2xx"] + s["socket_errors"]),
            "yes" if s["meets_targets"] else "NO",
        ]
        for s in summaries
    ]
    print_table(headers, rows)
    peak = max(m["VmHWM"] for m in memory.values())
    print(
        f"{args.workers} {args.worker_class} workers x {args.threads} thread(s); "
        f"wrk {args.wrk_threads} threads, {args.connections} connections, "
        f"{args.duration} s x {args.rounds} rounds; {data['suggestions']} "
        f"suggestions; worker peak RSS {peak:.0f} MB; {elapsed:.0f} s in all"
    )


def write_pages_result(
    args, data, accounts, summaries, memory, elapsed, extra=None
) -> None:
    write_result(
        "pages",
        {
            "machine": machine_info(
                database_url=args.database_url,
                gunicorn_workers=args.workers,
                gunicorn_worker_class=args.worker_class,
                gunicorn_threads=args.threads,
            ),
            "server": {
                "workers": args.workers,
                "worker_class": args.worker_class,
                "threads": args.threads,
                "settings": "bench.settings",
            },
            "wrk": wrk_options(args) | {"rounds": args.rounds},
            "suggestions": data["suggestions"],
            "deputy_suggestions": accounts["deputy_suggestions"],
            "targets": {"ratio": RATIO_TARGET, "p99_ms": P99_TARGET_MS, "non2xx": 0},
            "pages": summaries,
            "worker_memory_mb": memory,
            "elapsed_s": elapsed,
        }
        | (extra or {}),
    )


def main(argv=None) -> None:
    args = parse_args(argv)
    _server.require_wrk()
    _server.configure_django(args.database_url)
    _server.collectstatic()
    accounts = _server.prepare_accounts()
    data = sample_data()
    pages = [p for p in page_list(data) if not args.only or p["name"] in set(args.only)]
    peer = None
    if args.peer:
        tickets = args.peer_tickets or data["suggestions"]
        peer = peer_side.Peer(args.peer, tickets, args.database_url)
        peer.prepare()
    started = time.monotonic()
    runs, memory = serve_and_measure(args, accounts, data, pages, peer)
    elapsed = time.monotonic() - started
    summaries = [summarise(page, runs[page["name"]]) for page in pages]
    print_summaries(summaries, memory, args, data, elapsed)
    extra = {}
    if peer is not None:
        peers = [peer_side.summarise_peer(p, runs[p["name"]]) for p in peer.pages()]
        rows = peer_side.comparison_rows(summaries, peers)
        peer_side.print_comparison(rows, peers)
        extra = {"peer": {"tickets": peer.tickets, "pages": peers, "compare": rows}}
    write_pages_result(args, data, accounts, summaries, memory, elapsed, extra)


if __name__ == "__main__":
    main()
