"""Test settings: local settings with fast hashing and tasks inline by default.

Tests that need the real worker opt out of eager mode through the
`celery_worker_app` fixture (tests/conftest.py).
"""

import os
import tempfile

from .local import *  # noqa: F403
from .local import CACHES, DATABASES, REDIS_URL, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="ziyang-test-"))
# Under pytest-xdist each worker process has a media folder and cache keys of its
# own, so that a test listing the folder or clearing the cache sees only its own.
# The `services` tests run without xdist, next to the Celery worker, on the
# MEDIA_ROOT and CACHE_KEY_PREFIX given.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER and os.path.basename(MEDIA_ROOT) != XDIST_WORKER:
    MEDIA_ROOT = os.path.join(MEDIA_ROOT, XDIST_WORKER)
    os.makedirs(MEDIA_ROOT, exist_ok=True)
if REDIS_URL:
    # Its clear() deletes only this prefix's keys, never the whole Redis database.
    CACHES["default"]["BACKEND"] = "tests.cache.KeyPrefixRedisCache"
    if XDIST_WORKER and not CACHES["default"]["KEY_PREFIX"].endswith(XDIST_WORKER):
        CACHES["default"]["KEY_PREFIX"] += f"-{XDIST_WORKER}"
MEDIA_STORAGE = "filesystem"  # tests/portal/test_storage_s3.py switches to a bucket
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests see every change at once and count the queries of a real render; the
# page cache's own tests turn it on (tests/portal/test_page_cache.py).
PUBLIC_PAGE_CACHE_SECONDS = 0
# A replica alias that mirrors the test database, so that tests can route reads
# to it (tests/portal/test_db_routers.py); off unless a test sets
# REPLICA_DATABASE_ALIAS.
DATABASES["replica"] = {
    **DATABASES["default"],
    "ATOMIC_REQUESTS": False,
    "TEST": {"MIRROR": "default"},
}
REPLICA_DATABASE_ALIAS = None
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
