"""The dates a rule repeats on, with dateutil's recurrence rules (RFC 5545).

Only the rule's own fields are read, so that the model's validation can ask
whether a date is one of the rule's before anything is saved.
"""

import datetime

from dateutil import rrule


def _as_datetime(day: datetime.date) -> datetime.datetime:
    # dateutil's rules work on naive moments; only the dates are kept.
    return datetime.datetime.combine(day, datetime.time())  # noqa: DTZ001


def occurrences(rule, first: datetime.date, last: datetime.date):
    """The rule's own dates within [first, last], before exceptions."""
    first = max(first, rule.starts_on)
    if rule.ends_on:
        last = min(last, rule.ends_on)
    if first > last:
        return []
    if rule.frequency == rule.Frequency.ONCE:
        return [rule.starts_on] if first <= rule.starts_on <= last else []
    monthly = rule.frequency == rule.Frequency.MONTHLY
    if rule.weekday is None or (monthly and rule.nth is None):
        return []  # an incomplete rule, refused by its form
    weekday = rrule.weekdays[rule.weekday]
    if monthly:
        recurrence = rrule.rrule(
            rrule.MONTHLY, byweekday=weekday(rule.nth), dtstart=_as_datetime(first)
        )
    else:
        recurrence = rrule.rrule(
            rrule.WEEKLY, byweekday=weekday, dtstart=_as_datetime(first)
        )
    found = recurrence.between(_as_datetime(first), _as_datetime(last), inc=True)
    return [moment.date() for moment in found]


def occurs_on(rule, day: datetime.date) -> bool:
    return day in occurrences(rule, day, day)
