"""Gunicorn on loopback for the page and form benchmarks, and logins against it.

The server runs `bench.settings` (production settings on plain http) against the
benchmark database; the benchmark accounts get a fresh random password per run.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_STAFF = "bench-staff"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def configure_django(database_url: str) -> None:
    """Point this process (and the gunicorn it starts) at the benchmark database."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()


def require_wrk() -> str:
    path = shutil.which("wrk")
    if not path:
        sys.exit(
            "wrk is not installed. On Debian/Ubuntu: sudo apt-get install wrk "
            "(macOS: brew install wrk)."
        )
    return path


def collectstatic() -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        check=True,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """A gunicorn master and its workers, stopped on exit whatever happens."""

    def __init__(
        self,
        *,
        workers: int,
        worker_class: str,
        threads: int,
        log: Path,
        app: str = "ziyang_portal.wsgi:application",
        cwd: Path = BASE_DIR,
        env: dict | None = None,
        gunicorn: Path | None = None,
        hello: str = "/__hello__",
    ):
        self.app, self.cwd, self.env, self.hello = app, cwd, env, hello
        self.gunicorn = gunicorn or Path(sys.executable).with_name("gunicorn")
        self.workers = workers
        self.worker_class = worker_class
        self.threads = threads
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process = None

    def __enter__(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(self.gunicorn),
            self.app,
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={self.workers}",
            f"--worker-class={self.worker_class}",
            f"--threads={self.threads}",
            "--timeout=120",
            "--log-level=warning",
            f"--error-logfile={self.log}",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=self.cwd,
            env=self.env or os.environ.copy(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.base_url}{self.hello}", timeout=10).ok:
                    return
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log}")
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer within 90 s; see {self.log}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def worker_pids(self) -> list[int]:
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return sorted(pids)

    def worker_memory_mb(self) -> dict[int, dict[str, float]]:
        """VmHWM (peak) and VmRSS (now) of each worker, in MB."""
        memory = {}
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            values = dict(
                line.split(":", 1) for line in status.splitlines() if ":" in line
            )
            memory[pid] = {
                key: int(values[key].split()[0]) / 1024 for key in ("VmHWM", "VmRSS")
            }
        return memory


def csrf_token(session: requests.Session, url: str) -> str:
    response = session.get(url, timeout=30)
    response.raise_for_status()
    match = CSRF_RE.search(response.text)
    if not match:
        raise RuntimeError(f"no CSRF token on {url}")
    return match.group(1)


def log_in(base_url: str, username: str, password: str) -> str:
    """Log in through the login page; returns the session cookie's value."""
    session = requests.Session()
    token = csrf_token(session, f"{base_url}/accounts/login/")
    response = session.post(
        f"{base_url}/accounts/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": token,
        },
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(f"login of {username} failed ({response.status_code})")
    return session.cookies["sessionid"]


def prepare_accounts() -> dict:
    """A staff login and a deputy's login, for the authenticated pages.

    Staff is a superuser of its own (`bench-staff`, a fresh password each run),
    so the admin changelist and the dashboard open without per-model
    permissions. The deputy is `bench_deputy` of `bench.generate` with its
    published benchmark password; in a database without it (the demo data), the
    deputy following the most suggestions gets a fresh password.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Count

    from bench.generate.plan import BENCH_PASSWORD
    from core.roles import STAFF_GROUP
    from deputies.models import Deputy
    from suggestions.models import Suggestion

    users = get_user_model().objects
    password = secrets.token_urlsafe(24)
    staff, _ = users.get_or_create(username=BENCH_STAFF)
    staff.is_staff = staff.is_superuser = staff.is_active = True
    staff.set_password(password)
    staff.save()
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))

    deputy = Deputy.objects.filter(user__username="bench_deputy").first()
    if deputy is not None:
        deputy_login = ("bench_deputy", BENCH_PASSWORD)
    else:
        busiest = (
            Suggestion.objects.filter(following_deputy__user__is_active=True)
            .values("following_deputy")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        deputies = Deputy.objects.filter(user__isnull=False, user__is_active=True)
        if busiest:
            deputies = deputies.filter(pk=busiest["following_deputy"])
        deputy = deputies.select_related("user").order_by("pk").first()
        if deputy is None:
            raise RuntimeError("the benchmark database has no deputy with a login")
        deputy.user.set_password(password)
        deputy.user.save(update_fields=["password"])
        deputy_login = (deputy.user.username, password)
    return {
        "staff": (staff.username, password),
        "deputy": deputy_login,
        "deputy_suggestions": Suggestion.objects.for_deputy(deputy).count(),
    }
