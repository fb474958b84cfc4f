"""Heavy reads on a PostgreSQL replica, everything else on the primary.

The report figures, the register exports and the open-data ZIP read whole
years of records; with REPLICA_DATABASE_URL set (settings) they read inside
``reads_from_replica()`` from the "replica" database, so that they never slow
the forms residents and deputies are filling in. Writes always go to the
primary, and without a replica every query does.

A replica lags the primary by a moment: only code that reads records already
committed (never rows written earlier in the same transaction) runs inside
``reads_from_replica()``.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)


@contextmanager
def reads_from_replica() -> Iterator[None]:
    """Send the reads made inside the block to the replica, if there is one."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_alias() -> str | None:
    return getattr(settings, "REPLICA_DATABASE_ALIAS", None)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        alias = replica_alias()
        if alias and _replica_reads.get():
            return alias
        # Explicit, so that objects read from the replica do not keep reading
        # their relations from it outside the block.
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
