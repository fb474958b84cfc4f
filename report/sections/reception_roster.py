"""The duty roster's reception days in the report: the dates the roster
plans in the year, as it stands at the year's end, against those on which a
session was logged, and the sentence of the sessions paragraph stating them."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rosters.figures import planned_and_held

from ..figures import Figure, marker
from .registry import Section, has

PLANNED = "reception.planned_days"
HELD = "reception.planned_days_held"

section = Section(__name__)


def _roster_link(year: int) -> str:
    url = reverse("admin:rosters_dutyrule_planned_held")
    return f"{url}?{urlencode({'year': year})}"


@section.figure(PLANNED, HELD)
def planned_days(records) -> list[Figure]:
    """Every date the roster plans in the year (after cancellations and
    moves), and those with a session logged by a deputy on duty."""
    counts = planned_and_held(records.year)
    link = _roster_link(records.year)
    return [
        Figure.count(
            PLANNED, counts["planned"], _("Reception days planned by the roster"), link
        ),
        Figure.count(
            HELD,
            counts["held"],
            _("Planned reception days on which a session was held"),
            link,
        ),
    ]


def roster_sentence(figures: dict[str, Figure]) -> str:
    """The planned reception days against those held: all, some or none of
    them held; nothing when the roster planned no day in the year."""
    if not has(figures, PLANNED):  # no day planned (or a snapshot from before)
        return ""
    planned = figures[PLANNED].value
    held = figures[HELD].value
    if held >= planned:
        text = ngettext(
            " The duty roster planned %(planned)s reception day in the year, "
            "and a reception was held on it as planned.",
            " The duty roster planned %(planned)s reception days in the year, "
            "and receptions were held on all %(held)s as planned.",
            planned,
        )
    elif held:
        text = ngettext(
            " The duty roster planned %(planned)s reception days in the year; "
            "a reception was held on %(held)s of them.",
            " The duty roster planned %(planned)s reception days in the year; "
            "receptions were held on %(held)s of them.",
            held,
        )
    else:
        text = ngettext(
            " The duty roster planned %(planned)s reception day in the year; "
            "no reception is recorded as held on it.",
            " The duty roster planned %(planned)s reception days in the year; "
            "no reception is recorded as held on any of them.",
            planned,
        )
    return text % {"planned": marker(PLANNED), "held": marker(HELD)}
