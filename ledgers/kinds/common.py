"""What every ledger shares: reading its cells, and the plan of one record."""

import datetime
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

# Separators staff use between names in one cell: 、，, ; ；and spaces.
NAME_SEPARATORS = re.compile(r"[、，,;；\s]+")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日")
YES = {"是", "yes", "y", "true", "1", "√", "已录用", "录用"}
NO = {"否", "no", "n", "false", "0", "×", "未录用", "不录用"}
# A time of day for a record whose ledger gives only its date.
DEFAULT_TIME = datetime.time(9, 0)


@dataclass
class Plan:
    """A record a row would create, described for the preview.

    `key` is the record's natural key; `existing` says it is already on record
    (an earlier import, or entered in the portal), so the row is skipped.
    """

    row: int
    key: tuple
    summary: list
    create: Callable
    existing: bool = False
    extra: dict = field(default_factory=dict)


def choices(options, words=None) -> dict[str, str]:
    """Label or value (in Chinese or English) -> value, for TextChoices."""
    lookup = {}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for value, label in options:
                lookup[str(label).strip().lower()] = value
                lookup[str(value).lower()] = value
    lookup.update(words or {})
    return lookup


def labels(options) -> list[str]:
    return [str(label) for _value, label in options]


def choice(row, key, lookup, *, required=False):
    value = row.get(key)
    if not value:
        if required:
            row.error(key, _("required."))
        return None
    found = lookup.get(value.lower())
    if found is None:
        row.error(
            key, _("“%(value)s” is not one of the allowed values.") % {"value": value}
        )
    return found


def date(row, key, *, required=False) -> datetime.date | None:
    raw = row.cell(key)
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    value = row.get(key)
    if not value:
        if required:
            row.error(key, _("required."))
        return None
    for pattern in DATE_FORMATS:
        try:
            parsed = time.strptime(value[:11].strip(), pattern)
            return datetime.date(*parsed[:3])
        except ValueError:
            continue
    row.error(
        key, _("“%(value)s” is not a date such as 2019-03-05.") % {"value": value}
    )
    return None


def not_future(row, key, day) -> None:
    if day and day > timezone.localdate():
        row.error(key, _("the date is in the future."))


def moment(row, date_key, time_key, day) -> datetime.datetime | None:
    """An aware date and time, the time of day from its own column if given."""
    if day is None:
        return None
    at = DEFAULT_TIME
    raw = row.cell(time_key)
    if isinstance(raw, datetime.time):
        at = raw
    elif isinstance(raw, datetime.datetime):
        at = raw.time()
    elif row.get(time_key):
        try:
            parsed = time.strptime(row.get(time_key), "%H:%M")
            at = datetime.time(parsed.tm_hour, parsed.tm_min)
        except ValueError:
            row.error(
                time_key,
                _("“%(value)s” is not a time such as 09:30.")
                % {"value": row.get(time_key)},
            )
    return timezone.make_aware(datetime.datetime.combine(day, at))


def number(row, key, *, required=False) -> int | None:
    value = row.get(key)
    if not value:
        if required:
            row.error(key, _("required."))
        return None
    try:
        result = int(value)
    except ValueError:
        row.error(key, _("“%(value)s” is not a whole number.") % {"value": value})
        return None
    if result < 0:
        row.error(key, _("cannot be negative."))
        return None
    return result


def yes_no(row, key, *, default=False) -> bool:
    value = row.get(key).lower()
    if not value:
        return default
    if value in YES:
        return True
    if value in NO:
        return False
    row.error(key, _("write 是 or 否."))
    return default


def names(row, key) -> list[str]:
    return [name for name in NAME_SEPARATORS.split(row.get(key)) if name]


def named(row, key, lookup, what, *, required=False):
    """The record of that name among `lookup` {name: record}, else an error."""
    value = row.get(key)
    if not value:
        if required:
            row.error(key, _("required."))
        return None
    found = lookup.get(value)
    if found is None:
        row.error(
            key,
            _("no %(what)s named “%(value)s” in the portal.")
            % {"what": what, "value": value},
        )
    return found


def deputies(row, key, lookup, *, required=False) -> list:
    """The deputies named in the cell; an unknown or ambiguous name is an error."""
    found = []
    for name in names(row, key):
        matches = lookup.get(name, [])
        if len(matches) == 1:
            if matches[0] not in found:
                found.append(matches[0])
        elif matches:
            row.error(
                key,
                _(
                    "several deputies are named “%(name)s”; the register must "
                    "tell them apart."
                )
                % {"name": name},
            )
        else:
            row.error(
                key, _("no deputy named “%(name)s” in the register.") % {"name": name}
            )
    if required and not found and not row.get(key):
        row.error(key, _("required."))
    return found


def deputy(row, key, lookup):
    """The one deputy named in the cell, or None."""
    found = deputies(row, key, lookup)
    if len(found) > 1:
        row.error(key, _("name one deputy only."))
    return found[0] if found else None


def deputy_lookup() -> dict[str, list]:
    from deputies.models import Deputy

    lookup: dict[str, list] = {}
    for deputy in Deputy.objects.order_by("pk"):
        lookup.setdefault(deputy.name, []).append(deputy)
    return lookup


def validated(row, instance, field_columns, *, exclude=()) -> bool:
    """full_clean() of the record, its errors named by the sheet's column."""
    # A related record set here came from the sheet's lookups, read from the
    # database: checking again that it exists would cost a query a row.
    looked_up = [
        field.name
        for field in instance._meta.concrete_fields
        if field.is_relation and getattr(instance, field.attname) is not None
    ]
    try:
        instance.full_clean(exclude=[*exclude, *looked_up], validate_unique=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            key = field_columns.get(name)
            for message in messages:
                if key:
                    row.error(key, message)
                else:
                    row.error(None, message)
        return False
    return True
