"""Every register as an Excel workbook in the portal's one style.

A register is a function ``(year, personal) -> list of sheets``, each sheet a
(title, headers, rows) triple. `personal` is True only when the user holds the
register's permission and asked for it (see services.export_request); otherwise
personal data is masked as everywhere else.

The rows of the long registers are generators over ``iterator(chunk_size=...)``:
they are read from the database while the sheet is written, a chunk at a time,
so that a year of any size is never held in memory whole.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deputies.models import Attendance, Deputy, DutyActivity
from publicity.models import Article, Submission
from reception.models import ReceptionSession, SessionIssue, StandardCheck, Station
from suggestions.models import (
    Suggestion,
    TimelineEntry,
    mask_address,
    mask_name,
    mask_phone,
)

from .models import Export

Register = Export.Register
TIMELINE_FIELDS = (
    "at", "kind", "actor_label", "from_status", "to_status", "note", "public",
)  # fmt: skip


@dataclass(frozen=True)
class RegisterSpec:
    build: object
    # Permission to export the register at all, and to export it unmasked.
    view_permission: str
    personal_permission: str = ""


# Rows read from the database at a time by the streamed registers.
CHUNK = 2000


def _year(qs, lookup, year):
    return qs.filter(**{lookup: year}) if year else qs


def _labels(choices) -> dict[str, str]:
    """{value: label} of a choices class, in the active language."""
    return {value: str(label) for value, label in choices.choices}


def _yes(value) -> str:
    return str(_("Yes")) if value else str(_("No"))


def deputies(year, personal):
    rows = [
        (
            d.name,
            d.get_gender_display(),
            d.ethnicity,
            d.party,
            d.birth_year,
            d.get_level_display(),
            d.term,
            d.constituency.name if d.constituency else "",
            d.community.name if d.community else "",
            d.occupation,
            d.employer,
            d.phone if personal else mask_phone(d.phone),
            d.active_from,
            d.active_to,
        )
        for d in Deputy.objects.select_related("constituency", "community").order_by(
            "constituency__number", "name"
        )
    ]
    headers = [
        _("Name"), _("Gender"), _("Ethnicity"), _("Party affiliation"),
        _("Year of birth"), _("Level"), _("Term"), _("Constituency"),
        _("Community"), _("Occupation"), _("Employer"), _("Phone"),
        _("Active from"), _("Active to"),
    ]  # fmt: skip
    return [(_("Deputies"), headers, rows)]


def activities(year, personal):
    acts = _year(DutyActivity.objects.all(), "date__year", year).annotate(
        invited_n=Count("attendances", filter=_q(invited=True)),
        attended_n=Count("attendances", filter=_q(attended=True)),
    )
    rows = (
        (a.date, a.get_kind_display(), a.title, a.place, a.organiser,
         a.invited_n, a.attended_n, a.households_due, a.households_visited)
        for a in acts.order_by("date", "pk").iterator(chunk_size=CHUNK)
    )  # fmt: skip
    # Values, not model instances: the longest sheets are read row by row.
    attendance = (
        (date, title, name, _yes(invited), _yes(attended), reflection)
        for date, title, name, invited, attended, reflection in _year(
            Attendance.objects.all(), "activity__date__year", year
        )
        .order_by("activity__date", "activity_id", "deputy__name")
        .values_list("activity__date", "activity__title", "deputy__name",
                     "invited", "attended", "reflection")
        .iterator(chunk_size=CHUNK)
    )  # fmt: skip
    return [
        (
            _("Duty activities"),
            [_("Date"), _("Kind"), _("Topic"), _("Place"), _("Organiser"),
             _("Invited"), _("Attended"), _("Households due"),
             _("Households visited")],
            rows,
        ),
        (
            _("Attendance"),
            [_("Date"), _("Activity"), _("Deputy"), _("Invited"), _("Attended"),
             _("Reflection")],
            attendance,
        ),
    ]  # fmt: skip


def _q(**kwargs):
    return Q(**{f"attendances__{k}": v for k, v in kwargs.items()})


def stations(year, personal):
    rows = [
        (s.name, s.get_kind_display(), s.community.name if s.community else "",
         s.address, s.opening_hours, s.reception_days, s.upgraded_on,
         s.items_met, s.items_total, _yes(s.meets_standard), _yes(s.active))
        for s in Station.objects.with_standard()
        .select_related("community")
        .order_by("ordering", "name")
    ]  # fmt: skip
    checks = [
        (c.station.name, c.item.name, _yes(c.met), c.checked_on, c.note)
        for c in StandardCheck.objects.select_related("station", "item").order_by(
            "station__ordering", "station__name", "item__ordering"
        )
    ]
    return [
        (
            _("Stations"),
            [_("Name"), _("Kind"), _("Community"), _("Address"),
             _("Opening hours"), _("Reception days"), _("Upgraded on"),
             _("Items met"), _("Items of the standard"), _("Meets the standard"),
             _("In service")],
            rows,
        ),
        (
            _("Eight-haves checklist"),
            [_("Station"), _("Item"), _("Met"), _("Date checked"), _("Note")],
            checks,
        ),
    ]  # fmt: skip


def sessions(year, personal):
    qs = _year(ReceptionSession.objects.all(), "started_at__year", year)
    qs = qs.select_related("station").prefetch_related("deputies")
    rows = (
        (s.started_at, s.station.name, s.get_mode_display(),
         "、".join(d.name for d in s.deputies.all()), s.voters_received,
         s.issue_count, s.summary)
        for s in qs.annotate(issue_count=Count("issues"))
        .order_by("started_at", "pk")
        .iterator(chunk_size=CHUNK)
    )  # fmt: skip
    issues = (
        (i.session.started_at, i.session.station.name, i.category, i.text)
        for i in _year(
            SessionIssue.objects.select_related("session__station"),
            "session__started_at__year",
            year,
        )
        .order_by("session__started_at", "session_id", "ordering", "pk")
        .iterator(chunk_size=CHUNK)
    )  # fmt: skip
    return [
        (
            _("Reception sessions"),
            [_("Date and time"), _("Venue"), _("Mode"), _("Deputies present"),
             _("Voters received"), _("Issues raised"), _("Session summary")],
            rows,
        ),
        (
            _("Issues raised"),
            [_("Date and time"), _("Venue"), _("Category"), _("Issue raised")],
            issues,
        ),
    ]  # fmt: skip


def suggestions(year, personal):
    qs = _year(Suggestion.objects.all(), "received_at__year", year)
    today = timezone.localdate()
    # Values, not model instances: the longest sheets are read row by row.
    # Labels of choices are looked up once; "overdue" is the queryset's own rule.
    kinds = _labels(Suggestion.Kind)
    sources = _labels(Suggestion.Source)
    statuses = _labels(Suggestion.Status)
    outcomes = _labels(Suggestion.Outcome)
    overdue = Suggestion.objects.overdue(today).filter(pk=OuterRef("pk"))
    rows = (
        (
            code, received, kinds.get(kind, kind), sources.get(source, source),
            community or "", category or "", title,
            statuses.get(status, status), due, _yes(late), unit or "",
            deputy or "", outcomes.get(outcome, outcome),
            name if personal else mask_name(name),
            phone if personal else mask_phone(phone),
            address if personal else mask_address(address),
        )
        for (code, received, kind, source, community, category, title, status,
             due, late, unit, deputy, outcome, name, phone, address)
        in qs.annotate(late=Exists(overdue))
        .order_by("received_at", "pk")
        .values_list(
            "tracking_code", "received_at", "kind", "source", "community__name",
            "category__name", "title", "status", "due_date", "late",
            "handling_unit__name", "following_deputy__name", "outcome",
            "submitter_name", "submitter_phone", "submitter_address",
        )
        .iterator(chunk_size=CHUNK)
    )  # fmt: skip
    entry_kinds = _labels(TimelineEntry.Kind)
    timeline = (
        (code, at, entry_kinds.get(kind, kind), actor, statuses.get(before, before),
         statuses.get(after, after), note, _yes(public))
        for code, at, kind, actor, before, after, note, public in _year(
            TimelineEntry.objects.all(), "suggestion__received_at__year", year
        )
        .order_by("suggestion__received_at", "suggestion_id", "at", "pk")
        .values_list("suggestion__tracking_code", *TIMELINE_FIELDS)
        .iterator(chunk_size=CHUNK)
    )  # fmt: skip
    return [
        (
            _("Suggestions"),
            [_("Tracking code"), _("Received at"), _("Kind"), _("Source"),
             _("Community"), _("Category"), _("Title"), _("Status"),
             _("Due date"), _("Overdue"), _("Handling unit"),
             _("Following deputy"), _("Outcome class"), _("Submitter's name"),
             _("Submitter's phone"), _("Submitter's address")],
            rows,
        ),
        (
            _("Timeline"),
            [_("Tracking code"), _("When"), _("Kind"), _("Done by"),
             _("From status"), _("To status"), _("Note"), _("Public")],
            timeline,
        ),
    ]  # fmt: skip


def articles(year, personal):
    qs = _year(Article.objects.all(), "date__year", year).prefetch_related("deputies")
    rows = (
        (a.date, a.title, a.authors, "、".join(d.name for d in a.deputies.all()),
         _yes(a.is_profile_post), _yes(a.is_published))
        for a in qs.order_by("date", "pk").iterator(chunk_size=CHUNK)
    )  # fmt: skip
    subs = (
        (s.article.title, s.outlet.name, s.sent_on, _yes(s.accepted),
         s.accepted_on, s.issue, s.page, s.url)
        for s in _year(
            Submission.objects.select_related("article", "outlet"),
            "sent_on__year",
            year,
        )
        .order_by("sent_on", "pk")
        .iterator(chunk_size=CHUNK)
    )  # fmt: skip
    return [
        (
            _("Articles"),
            [_("Date"), _("Title"), _("Authors"), _("Deputies featured"),
             _("Deputy profile post"), _("Published")],
            rows,
        ),
        (
            _("Submissions"),
            [_("Article"), _("Outlet"), _("Date sent"), _("Accepted by the outlet"),
             _("Accepted on"), _("Issue number"), _("Page"), _("Web address")],
            subs,
        ),
    ]  # fmt: skip


REGISTERS = {
    Register.DEPUTIES: RegisterSpec(
        deputies, "deputies.view_deputy", "deputies.view_personal_data"
    ),
    Register.ACTIVITIES: RegisterSpec(activities, "deputies.view_dutyactivity"),
    Register.STATIONS: RegisterSpec(stations, "reception.view_station"),
    Register.SESSIONS: RegisterSpec(sessions, "reception.view_receptionsession"),
    Register.SUGGESTIONS: RegisterSpec(
        suggestions, "suggestions.view_suggestion", "suggestions.export_personal_data"
    ),
    Register.ARTICLES: RegisterSpec(articles, "publicity.view_article"),
}
