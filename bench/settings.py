"""Production settings made runnable on loopback, for the benchmarks only.

Everything the production settings do stays on (DEBUG off, the cache and broker in
Redis, the same middleware and templates) except what plain http on 127.0.0.1
cannot satisfy: the SSL redirect, secure cookies, HSTS and the staff second
factor. The benchmark scripts pass SECRET_KEY and DATABASE_URL; the defaults
below only make `manage.py` usable against the benchmark database.
"""

import os

os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ziyang_bench_100k"
)
# Loopback only: a fixed key is harmless here and never used by the portal itself.
os.environ.setdefault("SECRET_KEY", "bench-loopback-only-" + "k" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
# The shared Redis: database 9 for the cache, 10 for the task queue.
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/10")
os.environ.setdefault("REDIS_CACHE_URL", "redis://127.0.0.1:6379/9")
os.environ.setdefault("CACHE_KEY_PREFIX", "ziyang-bench")
os.environ.setdefault("SECURE_SSL_REDIRECT", "False")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("STAFF_REQUIRE_2FA", "False")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from ziyang_portal.settings.production import *  # noqa: E402, F403
from ziyang_portal.settings.production import (  # noqa: E402
    SESSION_REFRESH_SECONDS,
    VAR_DIR,
    env,
)

ROOT_URLCONF = "bench.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "bench" / "static")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "bench" / "media")
# 0 saves the session on every request, as the portal did before the refresh
# interval: `PUBLIC_PAGE_CACHE_SECONDS=0 SESSION_REFRESH_SECONDS=0` measures that.
SESSION_REFRESH_SECONDS = env.int(
    "SESSION_REFRESH_SECONDS", default=SESSION_REFRESH_SECONDS
)

# Every benchmark request comes from 127.0.0.1 with a few phone numbers: the
# per-address and per-phone limits would turn a throughput run into 429s.
SUGGESTIONS_RATE_LIMITS = {
    "submit-ip": (10**9, 3600),
    "submit-phone": (10**9, 3600),
    "track-ip": (10**9, 600),
    "rate-ip": (10**9, 3600),
}
