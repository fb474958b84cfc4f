"""Two web hosts behind a load balancer: nothing lives in one process.

Two gunicorn servers on two ports share only the settings, PostgreSQL and
Redis, as two machines would. A deputy logs in on one and carries on on the
other; a rate limit counted by one is enforced by the other.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from suggestions.ratelimit import limit_for
from tests.conftest import PASSWORD, skip_or_fail

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The test database pytest-django created, as the servers must reach it."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's cookies, sent to whichever host answers."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def open(self, url: str, data: dict | None = None) -> tuple[int, str, dict]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=15) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def csrf_token(self, url: str) -> str:
        """GET a form page: its CSRF token (and the cookie that goes with it)."""
        status, page, _ = self.open(url)
        assert status == 200, f"{url} answered {status}"
        return CSRF.search(page).group(1)


def wait_until_up(base: str, process, deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn at {base} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn at {base} did not start in time")


@pytest.fixture(scope="module")
def two_hosts(django_db_setup, tmp_path_factory):
    """Two servers for the module's tests, on the test database."""
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        skip_or_fail("two web hosts need the PostgreSQL database and Redis")
    cache = settings.CACHES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ziyang_portal.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "REDIS_CACHE_URL": cache["LOCATION"],
        "CACHE_KEY_PREFIX": cache["KEY_PREFIX"],
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    hosts, processes = [], []
    with open(tmp_path_factory.mktemp("hosts") / "gunicorn.log", "w+b") as log:
        try:
            for _ in range(2):
                port = free_port()
                processes.append(
                    subprocess.Popen(
                        [gunicorn, "ziyang_portal.wsgi", "--workers", "1"]
                        + ["--bind", f"127.0.0.1:{port}", "--timeout", "30"],
                        cwd=BASE_DIR,
                        env=env,
                        stdout=log,
                        stderr=log,
                        start_new_session=True,
                    )
                )
                hosts.append(f"http://127.0.0.1:{port}")
            deadline = time.monotonic() + 30
            for base, process in zip(hosts, processes, strict=True):
                wait_until_up(base, process, deadline)
            yield hosts
        except RuntimeError:
            log.seek(0)
            pytest.fail(log.read().decode(errors="replace")[-3000:])
        finally:
            stop(processes)


def stop(processes) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # gunicorn: quick shutdown
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_a_deputy_logged_in_on_one_host_is_logged_in_on_the_other(
    two_hosts, deputy_user
):
    first, second = two_hosts
    browser = Browser()
    assert browser.open(f"{second}/my/")[0] == 302  # not logged in yet

    token = browser.csrf_token(f"{first}/accounts/login/")
    status, _, headers = browser.open(
        f"{first}/accounts/login/",
        {
            "csrfmiddlewaretoken": token,
            "username": deputy_user.username,
            "password": PASSWORD,
        },
    )
    assert status == 302 and headers["Location"].endswith("/my/")

    status, page, _ = browser.open(f"{second}/my/")
    assert status == 200
    assert deputy_user.username in page or "/accounts/logout/" in page


def test_a_rate_limit_counted_on_one_host_holds_on_the_other(two_hosts):
    first, second = two_hosts
    allowed, _ = limit_for("submit-ip")
    browser = Browser()
    token = browser.csrf_token(f"{first}/suggest/")
    # Empty submissions are refused (400), but each one counts.
    for _ in range(allowed):
        status, _, _ = browser.open(f"{first}/suggest/", {"csrfmiddlewaretoken": token})
        assert status == 400
    status, _, _ = browser.open(f"{second}/suggest/", {"csrfmiddlewaretoken": token})
    assert status == 429
