"""Test settings: local settings with fast hashing and tasks inline by default.

Tests that need the real worker opt out of eager mode through the
`celery_worker_app` fixture (tests/conftest.py).
"""

import tempfile

from .local import *  # noqa: F403
from .local import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="ziyang-test-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
