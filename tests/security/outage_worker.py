"""The portal's Celery worker as the outage tests start it: `celery -A
tests.security.outage_worker worker`.

It is the portal's own app and tasks with two changes for the tests:

- every email is written to a file in ZIYANG_TEST_MAIL_DIR (Django's file
  backend, one file per message sent), so the test process counts what was sent;
- with ZIYANG_TEST_PAUSE_MARKER set, the first notification delivered stops
  after its transaction has committed and before its task returns: it writes
  its process id to the marker file and sleeps, so the test kills the process
  at the moment a re-run could send the email a second time.
"""

import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")
django.setup()

from django.conf import settings  # noqa: E402

from suggestions import delivery  # noqa: E402
from ziyang_portal.celery import app  # noqa: E402

__all__ = ["app"]

settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
settings.EMAIL_FILE_PATH = os.environ["ZIYANG_TEST_MAIL_DIR"]

# Kombu looks for messages of dead workers every 10 s and scans Redis on every
# 10th look; the tests use a visibility timeout of seconds, so look every second.
app.conf.broker_transport_options = {
    **app.conf.broker_transport_options,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}

PAUSE_SECONDS = 120
_deliver = delivery.notification_deliver


def _deliver_then_pause(notification_id: int) -> bool:
    delivered = _deliver(notification_id)
    marker = os.environ.get("ZIYANG_TEST_PAUSE_MARKER")
    if delivered and marker and not os.path.exists(marker):
        # Written whole, then renamed: the test never reads half a process id.
        with open(f"{marker}.tmp", "w") as fh:
            fh.write(str(os.getpid()))
        os.rename(f"{marker}.tmp", marker)
        time.sleep(PAUSE_SECONDS)
    return delivered


delivery.notification_deliver = _deliver_then_pause
