from celery import shared_task


@shared_task
def build_export(export_id: int) -> int:
    from .services import export_build

    return export_build(export_id).pk
