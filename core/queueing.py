"""Handing work to the Celery worker without making a person wait on Redis.

Celery's own publishing retries the broker connection for seconds when Redis
is down. The portal tries once, quickly, and tells the caller, which keeps the
work where it can be retried (the outbox of notices) or says it failed (files
asked for in the back office), so that the page answers at once.
"""

import logging

from celery import current_app as app

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 2  # seconds; Redis is on the same network


def send_quickly(task, *args) -> bool:
    """Queue `task(*args)`; False, with a warning logged, when the broker is down.

    No result is kept: each task records its outcome on its own row, and with
    Redis down, subscribing to a result would hold the request through the
    result store's reconnection retries.
    """
    return send_many_quickly(task, [args]) == 1


def send_many_quickly(task, calls) -> int:
    """Queue `task(*args)` for each args of `calls` over one connection tried
    once; the number queued (the rest are for the caller to keep)."""
    calls = list(calls)
    options = {"retry": False, "ignore_result": True}
    sent = 0
    try:
        if app.conf.task_always_eager:
            connection = None
        else:
            connection = app.connection_for_write()
            connection.ensure_connection(
                max_retries=1, interval_start=0, timeout=CONNECT_TIMEOUT
            )
            options["connection"] = connection
        try:
            for args in calls:
                task.apply_async(args, **options)
                sent += 1
        finally:
            if connection is not None:
                connection.release()
    except Exception:  # any broker failure: the caller keeps what was not sent
        logger.warning(
            "Broker unreachable: %s of %s %s not queued",
            len(calls) - sent,
            len(calls),
            task.name,
        )
    return sent
