"""Building a whole synthetic year, register after register, in one transaction."""

from . import (
    rows_deputies,
    rows_publicity,
    rows_reception,
    rows_suggestions,
    rows_workplan,
)
from .context import YearContext
from .database import reset_sequences
from .plan import BENCH_PASSWORD, SEED


def _bench_users(ctx) -> int:
    """The logins of the benchmarks; the id of the bench deputy's user."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from core.roles import DEPUTY_GROUP, STAFF_GROUP, sync_roles

    sync_roles()
    User = get_user_model()
    password = make_password(BENCH_PASSWORD)
    staff = User.objects.create(
        username="bench_staff",
        password=password,
        is_staff=True,
        last_name="模",
        first_name="拟工作人员",
    )
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))
    deputy_user = User.objects.create(
        username="bench_deputy",
        password=password,
        last_name="模",
        first_name="拟代表",
    )
    deputy_user.groups.add(Group.objects.get(name=DEPUTY_GROUP))
    ctx.counts[User._meta.label] = 2
    return deputy_user.pk


def _write_year(ctx) -> None:
    """Every register, in the order their random draws are made."""
    deputy_user_id = _bench_users(ctx)
    rows_deputies.write_places(ctx)
    deputy_ids, city_ids, district_ids = rows_deputies.write_deputies(
        ctx, deputy_user_id
    )
    station_ids = rows_reception.write_stations(ctx, district_ids)
    rows_reception.write_delegation_visits(ctx)
    rows_deputies.write_activities(ctx, deputy_ids)
    rows_deputies.write_duty_reports(ctx, deputy_ids)
    rows_deputies.write_by_elections(ctx, district_ids)
    ctx.out(f"  places, people and activities: {sum(ctx.counts.values())} rows")
    session_times, issues = rows_reception.write_sessions(ctx, station_ids, deputy_ids)
    rows_suggestions.write_reference_lists(ctx)
    ctx.out(f"  sessions and issues: {sum(ctx.counts.values())} rows")
    maker = rows_suggestions.SuggestionMaker(ctx, deputy_ids, session_times, issues)
    resident_ids = maker.write_all()
    rows_suggestions.write_escalations(ctx, resident_ids, city_ids)
    rows_publicity.write_publicity(ctx, deputy_ids)
    rows_workplan.write_workplan(ctx)


def generate(scale: int, year: int, *, seed: int = SEED, out=None) -> dict:
    """Insert a synthetic year into the default database; {model label: rows}.

    The portal's tables must be empty (``wipe()`` empties them); ids start at 1.
    """
    from django.db import connection, transaction

    ctx = YearContext(connection, scale, year, seed, out or (lambda *a: None))
    with transaction.atomic():
        _write_year(ctx)
        reset_sequences(connection)
    return ctx.counts
