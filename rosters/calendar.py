"""The roster as an iCalendar feed (RFC 5545) for phones and desktop calendars.

Each planned date is one event with a stable UID (rule and the rule's own date),
times in Asia/Shanghai, the station's name and address, and no personal data:
the deputies are named as on the public pages, never with a phone.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

# How much of the past and the future the feed holds.
FEED_PAST = datetime.timedelta(days=90)
FEED_FUTURE = datetime.timedelta(days=366)


def feed_window(today=None) -> tuple[datetime.date, datetime.date]:
    today = today or timezone.localdate()
    return today - FEED_PAST, today + FEED_FUTURE


def _event(planned, stamp) -> Event:
    event = Event()
    event.add("uid", planned.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", planned.start)
    event.add("dtend", planned.end)
    event.add(
        "summary",
        _("Deputies receive voters: %(station)s") % {"station": planned.station.name},
    )
    event.add("location", f"{planned.station.name} {planned.station.address}")
    names = "、".join(deputy.name for deputy in planned.deputies)
    if names:
        event.add("description", _("Deputies on duty: %(names)s") % {"names": names})
    return event


def render_feed(title: str, planned) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Ziyang Street portal//duty roster//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    stamp = timezone.now().replace(microsecond=0)
    for item in planned:
        calendar.add_component(_event(item, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()
