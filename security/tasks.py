from celery import shared_task


@shared_task(name="security.tasks.prune_audit")
def prune_audit() -> int:
    """Delete audit events older than AUDIT_RETENTION_DAYS (periodic)."""
    from . import audit

    return audit.prune()
