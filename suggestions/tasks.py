"""Celery tasks of the suggestions app, thin adapters that take ids only.

Celery looks for an app's tasks in this module: the outbox tasks are imported
here so that the worker registers them too.
"""

from celery import shared_task

from .delivery_tasks import (
    deliver_notification,
    deliver_resident_notice,
    sweep_outbox,
)
from .services import notifications, personal_data

__all__ = [
    "deliver_notification",
    "deliver_resident_notice",
    "erase_expired_personal_data",
    "find_overdue",
    "sweep_outbox",
]


@shared_task(name="suggestions.tasks.find_overdue")
def find_overdue() -> int:
    return notifications.notify_overdue()


@shared_task(name="suggestions.tasks.erase_expired_personal_data")
def erase_expired_personal_data() -> int:
    return personal_data.erase_expired_personal_data()
