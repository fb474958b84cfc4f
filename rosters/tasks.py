from celery import shared_task

from . import reminders


@shared_task(name="rosters.tasks.send_reminders")
def send_reminders() -> int:
    """Remind the deputies on duty tomorrow (run hourly by the schedule)."""
    return reminders.reminders_send()
