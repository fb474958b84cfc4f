"""The sentences of the report on the stations and their eight-haves, each
chosen by the facts it states: all, one, some or none of the stations in
service at the year's end, checked in the year or as last checked before."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..figures import Figure, marker

KEY = "reception.stations"


def upgrade_sentence(upgraded: int, total: int) -> str:
    """All or some of the stations in service were upgraded in the year."""
    if upgraded >= total:
        return ngettext(
            " With the support of the standing committee of the district "
            "people's congress, the %(n)s community reception station was "
            "upgraded.",
            " With the support of the standing committee of the district "
            "people's congress, all %(n)s community reception stations were "
            "upgraded.",
            upgraded,
        ) % {"n": marker("reception.stations_upgraded")}
    return ngettext(
        " With the support of the standing committee of the district people's "
        "congress, %(n)s of the %(total)s community reception stations was "
        "upgraded.",
        " With the support of the standing committee of the district people's "
        "congress, %(n)s of the %(total)s community reception stations were "
        "upgraded.",
        upgraded,
    ) % {"n": marker("reception.stations_upgraded"), "total": marker(KEY)}


def _checked_this_year(meeting: int, total: int) -> str:
    """Every station in service was checked in the year: all, one or some
    of them meet every item."""
    if meeting >= total > 1:
        return _(
            " Every station is built to the eight-haves standard (%(items)s), "
            "and all %(n)s meet every item: complete facilities, sound rules "
            "and people in charge."
        )
    if meeting >= total:
        return _(
            " The station is built to the eight-haves standard (%(items)s) "
            "and meets every item."
        )
    return ngettext(
        " Built to the eight-haves standard (%(items)s), %(n)s of the "
        "%(total)s stations meets every item.",
        " Built to the eight-haves standard (%(items)s), %(n)s of the "
        "%(total)s stations meet every item.",
        meeting,
    )


def _as_last_checked(meeting: int, total: int, checked: int) -> str:
    """Not every station in service was checked in the year: the standard as
    the checks in force at the year's end found it, with their years."""
    if meeting >= total:
        text = ngettext(
            " As last checked, in %(years)s, the station meets every item of "
            "the eight-haves standard (%(items)s).",
            " As last checked, in %(years)s, all %(n)s stations meet every "
            "item of the eight-haves standard (%(items)s).",
            meeting,
        )
    else:
        text = ngettext(
            " As last checked, in %(years)s, %(n)s of the %(total)s stations "
            "meets every item of the eight-haves standard (%(items)s).",
            " As last checked, in %(years)s, %(n)s of the %(total)s stations "
            "meet every item of the eight-haves standard (%(items)s).",
            meeting,
        )
    if checked:
        text += ngettext(
            " This year %(checked)s of the %(total)s stations was checked.",
            " This year %(checked)s of the %(total)s stations were checked.",
            checked,
        )
    else:
        text += _(" No station was checked against the standard this year.")
    return text


def standard_sentence(figures: dict[str, Figure]) -> str:
    total = figures[KEY].value
    meeting = figures["reception.stations_meeting_standard"].value
    checked = figures["reception.stations_checked"].value
    if checked >= total:
        text = _checked_this_year(meeting, total)
    else:
        text = _as_last_checked(meeting, total, checked)
    return text % {
        "items": marker("reception.standard_item_names"),
        "n": marker("reception.stations_meeting_standard"),
        "total": marker(KEY),
        "checked": marker("reception.stations_checked"),
        "years": marker("reception.standard_check_years"),
    }
