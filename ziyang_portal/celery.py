"""The Celery application, on the official Django recipe."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")

app = Celery("ziyang_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
