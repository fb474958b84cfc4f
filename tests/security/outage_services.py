"""A redis-server and Celery workers of a test's own, for the outage tests."""

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import redis
from django.conf import settings as django_settings
from django.db import connection

from tests.conftest import skip_or_fail

BASE_DIR = Path(django_settings.BASE_DIR)
# Generous for a loaded machine; each wait returns as soon as its condition holds.
DEADLINE = 60


def wait_for(condition, what, timeout=DEADLINE, interval=0.1):
    stop = time.monotonic() + timeout
    while time.monotonic() < stop:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, stopped and started on one port."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def answers(self) -> bool:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2, retry=None)
        try:
            return client.ping()
        except redis.ConnectionError:
            return False
        finally:
            client.close()

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.directory)]
        with open(self.directory / "redis.log", "ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_for(self.answers, f"redis-server on port {self.port}", timeout=15)

    def stop(self):
        """A real shutdown: the process is gone and the port refuses connections."""
        self.process.terminate()
        self.process.wait(timeout=15)
        assert not self.answers()

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=15)


class Worker:
    """One `celery worker` process (and its pool child) in a session of its own."""

    def __init__(self, process, log_path: Path, marker: Path):
        self.process = process
        self.log_path = log_path
        self.marker = marker
        self.killed = False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"the worker exited early:\n{self.log()[-3000:]}")
        return " ready." in self.log()

    def paused_child(self) -> int:
        """The process id of the pool child pausing inside the first delivery."""
        wait_for(self.marker.exists, "the delivery to pause after its commit")
        return int(self.marker.read_text())

    def kill_everything(self):
        """SIGKILL the worker and its pool child (a session of their own), once."""
        if self.killed:
            return
        self.killed = True
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)


def require_real_services():
    if connection.vendor != "postgresql":
        skip_or_fail("DATABASE_URL is not PostgreSQL; a worker process needs it")
    if not shutil.which("redis-server"):
        skip_or_fail("redis-server is not installed (Debian package redis-server)")


def database_url() -> str:
    """The test database (test_<name>) that this run created, for the worker."""
    db = connection.settings_dict
    user = quote(db["USER"] or "postgres")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or "5432"
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def fresh_connections(app):
    """Forget the broker and result connections so the next call makes new ones."""
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    vars(app._local).pop("backend", None)


def messages_sent(mail_dir: Path) -> list[str]:
    """Every email the worker sent; the file backend ends each with 79 dashes."""
    texts = [p.read_text(errors="replace") for p in sorted(mail_dir.iterdir())]
    return [m for text in texts for m in text.split("-" * 79 + "\n") if m.strip()]


def worker_env(own_redis, mail_dir: Path, marker: Path, *, pause, visibility_timeout):
    """The environment of a worker on the test's Redis and PostgreSQL database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ziyang_portal.settings.local",
        "DEBUG": "0",
        "DATABASE_URL": database_url(),
        "REDIS_URL": own_redis.url(0),
        "REDIS_CACHE_URL": own_redis.url(1),
        "CACHE_KEY_PREFIX": "outage",
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "ZIYANG_TEST_MAIL_DIR": str(mail_dir),
    }
    env.pop("CELERY_VISIBILITY_TIMEOUT", None)
    env.pop("ZIYANG_TEST_PAUSE_MARKER", None)
    if visibility_timeout is not None:
        env["CELERY_VISIBILITY_TIMEOUT"] = str(visibility_timeout)
    if pause:
        env["ZIYANG_TEST_PAUSE_MARKER"] = str(marker)
    return env


def worker_command(name: str) -> list[str]:
    """`celery worker` on tests/security/outage_worker.py, one pool process."""
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "tests.security.outage_worker",
        "worker",
        "--pool=prefork",
        "--concurrency=1",
        "--loglevel=INFO",
        "--hostname",
        name,
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]


def warnings_from(caplog, logger: str) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == logger and r.levelno == logging.WARNING
    ]
