"""django-helpdesk beside the portal: the peer of `../shared/peers/helpdesk`.

`bench.pages --peer DIR` sets the peer up in DIR (its own `setup.sh`, once),
seeds a PostgreSQL database with as many tickets as the portal's benchmark
database holds suggestions (kept and reused while the count matches), starts
it under gunicorn with the portal's worker settings, and measures its pages
with the same wrk settings in the same rounds as the portal's, so that one
table compares both. Nothing of the peer is committed here; it comes from
PyPI through the harness.
"""

import os
import shlex
import subprocess
from pathlib import Path

from bench import _server

HARNESS = _server.BASE_DIR.parent / "shared" / "peers" / "helpdesk"

# The peer's pages and the portal's page each compares with.
PEER_PAGES = [
    {"name": "peer hello", "target": "PATH_HELLO", "vs": "hello", "who": None},
    {"name": "peer submit form", "target": "PATH_SUBMIT", "vs": "suggest form"},
    {"name": "peer view ticket", "target": "PATH_VIEW", "vs": "tracking result"},
    {"name": "peer list page", "target": "PATH_LIST", "vs": "admin suggestions"},
    {"name": "peer list data", "target": "PATH_DATA", "vs": "admin suggestions"},
]
STAFF_TARGETS = {"PATH_LIST", "PATH_DATA"}


class Peer:
    """The peer project in `directory`, seeded with `tickets` tickets."""

    def __init__(self, directory: Path, tickets: int, database_url: str):
        self.directory = Path(directory)
        self.tickets = tickets
        self.database = f"peerdesk_bench_{tickets}"
        self.pg = _pg_parts(database_url)
        self.targets: dict[str, str] = {}

    @property
    def python(self) -> Path:
        return self.directory / "venv" / "bin" / "python"

    def env(self) -> dict:
        return os.environ | {
            "PEER_DB": "postgres",
            "PEER_DB_NAME": self.database,
            "PEER_DATA_DIR": str(self.directory / "data"),
            "PEER_PG_HOST": self.pg["host"],
            "PEER_PG_PORT": self.pg["port"],
            "PEER_PG_USER": self.pg["user"],
            "PEER_PG_PASSWORD": self.pg["password"],
            "PEER_CONN_MAX_AGE": "60",
            "DJANGO_SETTINGS_MODULE": "peerdesk.settings",
        }

    def manage(self, *args: str, capture: bool = False) -> str:
        result = subprocess.run(
            [str(self.python), "manage.py", *args],
            cwd=self.directory / "project",
            env=self.env(),
            check=True,
            capture_output=capture,
            text=True,
            timeout=3600,
        )
        return result.stdout if capture else ""

    def prepare(self) -> None:
        """Set up once, seed when the database does not hold `tickets` tickets."""
        if not self.python.exists():
            subprocess.run(
                ["bash", str(HARNESS / "setup.sh"), str(self.directory)],
                check=True,
                timeout=1800,
            )
        (self.directory / "data").mkdir(exist_ok=True)
        if self._ticket_count() != self.tickets:
            self._psql(f'DROP DATABASE IF EXISTS "{self.database}"')
            self._psql(f'CREATE DATABASE "{self.database}"')
            self.manage("migrate", "-v0")
            self.manage("seed_helpdesk", "--tickets", str(self.tickets))
        for line in self.manage("peer_targets", capture=True).splitlines():
            key, _, value = line.partition("=")
            self.targets[key] = shlex.split(value)[0] if value else ""

    def _psql(self, sql: str, database: str = "postgres") -> str:
        command = ["psql", "-h", self.pg["host"], "-p", self.pg["port"]]
        command += ["-U", self.pg["user"], "-d", database, "-Atqc", sql]
        env = os.environ | {"PGPASSWORD": self.pg["password"]}
        return subprocess.run(
            command, env=env, check=True, capture_output=True, text=True
        ).stdout.strip()

    def _ticket_count(self) -> int | None:
        exists = self._psql(
            f"SELECT 1 FROM pg_database WHERE datname = '{self.database}'"
        )
        if not exists:
            return None
        try:
            return int(
                self._psql("SELECT count(*) FROM helpdesk_ticket", self.database)
            )
        except (subprocess.CalledProcessError, ValueError):
            return None

    def server(self, *, workers: int, worker_class: str, threads: int):
        self._server = _server.Gunicorn(
            workers=workers,
            worker_class=worker_class,
            threads=threads,
            log=_server.BASE_DIR / "var" / "bench" / "gunicorn-peer.log",
            app="peerdesk.wsgi:application",
            cwd=self.directory / "project",
            env=self.env(),
            gunicorn=self.directory / "venv" / "bin" / "gunicorn",
            hello=self.targets["PATH_HELLO"],
        )
        return self._server

    @property
    def base_url(self) -> str:
        return self._server.base_url

    def warm_up(self, workers: int) -> None:
        """Every peer worker answers every page once; anything but 200 stops."""
        import sys

        import requests

        for page in self.pages():
            headers = {"Cookie": page["cookie"]} if page["cookie"] else {}
            for _ in range(workers * 2):
                url = self.base_url + page["path"]
                response = requests.get(url, headers=headers, timeout=60)
                if response.status_code != 200:
                    sys.exit(f"peer {page['path']} answered {response.status_code}")

    def pages(self) -> list[dict]:
        """The peer's pages with their paths and the cookie each needs."""
        cookie = self.targets["COOKIE"]
        return [
            page
            | {
                "path": self.targets[page["target"]],
                "cookie": cookie if page["target"] in STAFF_TARGETS else None,
            }
            for page in PEER_PAGES
        ]


def _pg_parts(database_url: str) -> dict:
    from urllib.parse import urlsplit

    url = urlsplit(database_url)
    return {
        "host": url.hostname or "127.0.0.1",
        "port": str(url.port or 5432),
        "user": url.username or "postgres",
        "password": url.password or "",
    }


def combined_rps(*rates: float) -> float:
    """Pages a browser loads together (a list shell and its data): their joint rate."""
    if not rates or min(rates) <= 0:
        return 0.0
    return 1 / sum(1 / rate for rate in rates)


def comparison_rows(summaries: list[dict], peer_summaries: list[dict]) -> list[dict]:
    """One row per portal page that has a peer page: both rates and the factor."""
    by_vs: dict[str, list[dict]] = {}
    for peer in peer_summaries:
        by_vs.setdefault(peer["vs"], []).append(peer)
    ours = {s["page"]: s for s in summaries}
    ours["hello"] = {"page": "hello", "rps": _median_hello(summaries)}
    rows = []
    for name, peers in by_vs.items():
        if name not in ours:
            continue
        if name == "hello":
            peer_rps = peers[0]["rps"]
        else:
            peer_rps = combined_rps(*(p["rps"] for p in peers))
        target = 0.7 if name == "hello" else 3.0
        # A peer page that answered nothing within a run: slower than a run's
        # length; there is no finite factor, and any answer of ours beats it.
        factor = ours[name]["rps"] / peer_rps if peer_rps else None
        rows.append(
            {
                "page": name,
                "rps": ours[name]["rps"],
                "peer": " + ".join(p["page"] for p in peers),
                "peer_rps": peer_rps,
                "factor": factor,
                "target": target,
                "ok": ours[name]["rps"] > 0 if factor is None else factor >= target,
            }
        )
    return rows


def _median_hello(summaries: list[dict]) -> float:
    import statistics

    values = [s["hello_rps"] for s in summaries if s.get("hello_rps")]
    return statistics.median(values) if values else 0.0


def summarise_peer(page: dict, runs: list[dict]) -> dict:
    import statistics

    return {
        "page": page["name"],
        "path": page["path"],
        "vs": page["vs"],
        "rps": statistics.median(run["rps"] for run in runs),
        "p50_ms": statistics.median(run["p50_us"] for run in runs) / 1000,
        "p99_ms": max(run["p99_us"] for run in runs) / 1000,
        "non2xx": sum(run["non2xx"] + run["socket_errors"] for run in runs),
        "rounds": runs,
    }


def print_comparison(rows: list[dict], peer_summaries: list[dict]) -> None:
    from bench._common import print_table

    print_table(
        ["peer page", "req/s", "p50 ms", "p99 ms", "non-2xx"],
        [
            [
                p["page"],
                f"{p['rps']:.0f}",
                f"{p['p50_ms']:.1f}",
                f"{p['p99_ms']:.1f}",
                str(p["non2xx"]),
            ]
            for p in peer_summaries
        ],
    )
    print_table(
        ["page", "req/s", "peer page(s)", "peer req/s", "x peer", "target", "ok"],
        [
            [
                r["page"],
                f"{r['rps']:.0f}",
                r["peer"],
                f"{r['peer_rps']:.1f}",
                "no answer" if r["factor"] is None else f"{r['factor']:.2f}",
                f">= {r['target']}",
                "yes" if r["ok"] else "NO",
            ]
            for r in rows
        ],
    )
