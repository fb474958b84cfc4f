"""The background task that builds a requested export."""

from celery import shared_task

from .building import export_build

# A whole register of a large year is written in minutes, not seconds (bench/:
# about 5 minutes for 100,000 suggestions on two cores); the default 10-minute
# limit of other tasks would cut it off as the years grow. The broker's
# visibility timeout (CELERY_VISIBILITY_TIMEOUT) stays above this limit.
EXPORT_SOFT_TIME_LIMIT = 30 * 60
EXPORT_TIME_LIMIT = EXPORT_SOFT_TIME_LIMIT + 60


@shared_task(soft_time_limit=EXPORT_SOFT_TIME_LIMIT, time_limit=EXPORT_TIME_LIMIT)
def build_export(export_id: int) -> int:
    return export_build(export_id).pk
