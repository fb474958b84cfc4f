from celery import shared_task


@shared_task(name="opendata.tasks.regenerate")
def regenerate() -> str:
    """Nightly (CELERY_BEAT_SCHEDULE): rebuild the public open-data ZIP."""
    from .builder import regenerate as rebuild

    return rebuild()
