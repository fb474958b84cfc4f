"""A rule and a planned date in words, as the stations announce them."""

from django.utils import formats
from django.utils.translation import gettext as _


def hours_text(start, end) -> str:
    return f"{start:%H:%M}–{end:%H:%M}"


def time_of_day(rule) -> str:
    start, end = rule.hours()
    if rule.part_of_day == rule.PartOfDay.HOURS:
        return hours_text(start, end)
    return f"{rule.get_part_of_day_display()} {hours_text(start, end)}"


def describe_rule(rule) -> str:
    """E.g. 每月第二个周三上午 9:00–11:30."""
    when = time_of_day(rule)
    if rule.frequency == rule.Frequency.ONCE:
        day = formats.date_format(rule.starts_on, "Y-m-d")
        return _("%(date)s, %(time)s") % {"date": day, "time": when}
    weekday = rule.get_weekday_display()
    if rule.frequency == rule.Frequency.WEEKLY:
        return _("Every %(weekday)s, %(time)s") % {"weekday": weekday, "time": when}
    return _("Every month on the %(nth)s %(weekday)s, %(time)s") % {
        "nth": rule.get_nth_display(),
        "weekday": weekday,
        "time": when,
    }
