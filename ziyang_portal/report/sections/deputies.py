"""The deputies' part of the report: study and training, special activities,
duty reports, by-elections and the duty archives."""

import datetime

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from deputies.models import (
    ActivityPhoto,
    Attendance,
    ByElection,
    Deputy,
    DutyActivity,
    DutyReport,
)

from ..figures import Figure, Paragraph, changelist, changelist_ids, marker
from ..structure import PUBLICITY, SPECIAL, TRAINING

K = DutyActivity.Kind
P = DutyActivity.PublicationKind

# Counts shown in the year-over-year chart.
HEADLINE_FIGURES = (
    "deputies.symposiums",
    "deputies.poverty_visits",
    "deputies.study_trips",
    "deputies.duty_reports",
)


def _activities(year, **filters) -> str:
    return changelist("deputies.dutyactivity", date__year=year, **filters)


def _percent(part, whole):
    return None if not whole else 100 * part / whole


def figures(year: int) -> dict[str, Figure]:
    activities = DutyActivity.objects.in_year(year)
    by_kind = activities.counts_by_kind()
    briefings = dict(
        activities.of_kind(K.BRIEFING)
        .order_by()
        .values_list("publication_kind")
        .annotate(n=Count("id"))
    )
    titles = {kind: [] for kind in P.values}
    for kind, publication, _n in (
        activities.of_kind(K.BRIEFING)
        .order_by()
        .values_list("publication_kind", "publication")
        .annotate(n=Count("id"))
        .order_by("-n", "publication")
    ):
        titles.setdefault(kind, []).append(publication)
    trips = list(
        activities.of_kind(K.TRAINING).order_by("date").values_list("title", flat=True)
    )
    reflections = (
        Attendance.objects.in_year(year)
        .filter(activity__kind=K.TRAINING, attended=True)
        .exclude(reflection="")
        .aggregate(written=Count("id"), trips=Count("activity", distinct=True))
    )
    topics = [
        topic
        for text in activities.of_kind(K.SYMPOSIUM)
        .order_by("date", "id")
        .values_list("topics", flat=True)
        for topic in (line.strip() for line in text.splitlines())
        if topic
    ]
    poverty = activities.of_kind(K.POVERTY_VISIT)
    attendance = Attendance.objects.filter(activity__in=poverty.order_by()).aggregate(
        invited=Count("id", filter=Q(invited=True)),
        attended=Count("id", filter=Q(attended=True)),
    )
    households = poverty.aggregate(
        due=Sum("households_due"), visited=Sum("households_visited")
    )
    reports = DutyReport.objects.in_year(year)
    report_totals = reports.aggregate(
        n=Count("id"), deputies=Count("deputy", distinct=True)
    )
    months = [
        _("%(year)s-%(month)s") % {"year": year, "month": month}
        for month in reports.order_by()
        .values_list("date__month", flat=True)
        .distinct()
        .order_by("date__month")
    ]
    elections = list(
        ByElection.objects.in_year(year)
        .order_by("date")
        .values_list("constituency__name", "seats")
    )
    # order_by(): the models' default ordering would make DISTINCT per row.
    archive_deputies = set(
        Attendance.objects.in_year(year)
        .filter(attended=True)
        .order_by()
        .values_list("deputy_id", flat=True)
        .distinct()
    ) | set(reports.order_by().values_list("deputy_id", flat=True).distinct())
    with_photos = set(
        Attendance.objects.in_year(year)
        .filter(
            attended=True,
            activity__in=ActivityPhoto.objects.values("activity"),
        )
        .order_by()
        .values_list("deputy_id", flat=True)
        .distinct()
    )
    serving = (
        Deputy.objects.filter(
            Q(active_from__isnull=True)
            | Q(active_from__lte=datetime.date(year, 12, 31)),
            Q(active_to__isnull=True) | Q(active_to__gte=datetime.date(year, 1, 1)),
        )
        .order_by()
        .count()
    )
    return {
        f.key: f
        for f in (
            Figure.count(
                "deputies.briefings_government",
                briefings.get(P.GOVERNMENT, 0),
                _("Government briefings given to deputies"),
                _activities(year, kind=K.BRIEFING, publication_kind=P.GOVERNMENT),
            ),
            Figure.names(
                "deputies.briefing_government_titles",
                titles[P.GOVERNMENT],
                _("Government briefings given"),
                _activities(year, kind=K.BRIEFING, publication_kind=P.GOVERNMENT),
            ),
            Figure.count(
                "deputies.briefings_internal",
                briefings.get(P.INTERNAL, 0),
                _("Internal periodicals given to deputies"),
                _activities(year, kind=K.BRIEFING, publication_kind=P.INTERNAL),
            ),
            Figure.names(
                "deputies.briefing_internal_titles",
                titles[P.INTERNAL],
                _("Internal periodicals given"),
                _activities(year, kind=K.BRIEFING, publication_kind=P.INTERNAL),
            ),
            Figure.count(
                "deputies.study_trips",
                by_kind[K.TRAINING],
                _("Study trips"),
                _activities(year, kind=K.TRAINING),
            ),
            Figure.names(
                "deputies.study_trip_titles",
                trips,
                _("Study trips made"),
                _activities(year, kind=K.TRAINING),
            ),
            Figure.count(
                "deputies.study_trips_with_reflections",
                reflections["trips"],
                _("Study trips with written reflections"),
                _activities(year, kind=K.TRAINING),
            ),
            Figure.count(
                "deputies.reflections",
                reflections["written"],
                _("Written reflections of study trips"),
                _activities(year, kind=K.TRAINING),
            ),
            Figure.count(
                "deputies.study_sessions",
                by_kind[K.STUDY],
                _("Study sessions"),
                _activities(year, kind=K.STUDY),
            ),
            Figure.count(
                "deputies.symposiums",
                by_kind[K.SYMPOSIUM],
                _("Symposiums on key work"),
                _activities(year, kind=K.SYMPOSIUM),
            ),
            Figure.names(
                "deputies.symposium_topics",
                topics,
                _("Key work discussed at symposiums"),
                _activities(year, kind=K.SYMPOSIUM),
            ),
            Figure.count(
                "deputies.poverty_visits",
                by_kind[K.POVERTY_VISIT],
                _("Poverty-alleviation “look back” visits"),
                _activities(year, kind=K.POVERTY_VISIT),
            ),
            Figure.rate(
                "deputies.poverty_participation",
                _percent(attendance["attended"], attendance["invited"]),
                _("Deputies' participation rate in poverty-alleviation visits"),
                _activities(year, kind=K.POVERTY_VISIT),
            ),
            Figure.count(
                "deputies.poverty_households",
                households["visited"] or 0,
                _("Households visited in poverty-alleviation visits"),
                _activities(year, kind=K.POVERTY_VISIT),
            ),
            Figure.rate(
                "deputies.poverty_household_rate",
                _percent(households["visited"] or 0, households["due"] or 0),
                _("Household visit rate"),
                _activities(year, kind=K.POVERTY_VISIT),
            ),
            Figure.count(
                "deputies.inspections",
                by_kind[K.INSPECTION] + by_kind[K.LAW_INSPECTION],
                _("Inspections and law-enforcement inspections"),
                changelist(
                    "deputies.dutyactivity",
                    date__year=year,
                    kind__in=[K.INSPECTION, K.LAW_INSPECTION],
                ),
            ),
            Figure.count(
                "deputies.duty_reports",
                report_totals["n"],
                _("Duty reports to constituencies"),
                changelist("deputies.dutyreport", date__year=year),
            ),
            Figure.count(
                "deputies.duty_report_deputies",
                report_totals["deputies"],
                _("Deputies who reported on their duties"),
                changelist("deputies.dutyreport", date__year=year),
            ),
            Figure.names(
                "deputies.duty_report_months",
                months,
                _("Months of the duty reports"),
                changelist("deputies.dutyreport", date__year=year),
            ),
            Figure.count(
                "deputies.by_elections",
                len(elections),
                _("By-elections held"),
                changelist("deputies.byelection", date__year=year),
            ),
            Figure.names(
                "deputies.by_election_constituencies",
                [name for name, _seats in elections],
                _("Constituencies of the by-elections"),
                changelist("deputies.byelection", date__year=year),
            ),
            Figure.count(
                "deputies.by_election_seats",
                sum(seats for _name, seats in elections),
                _("Seats filled at by-elections"),
                changelist("deputies.byelection", date__year=year),
            ),
            Figure.count(
                "deputies.serving",
                serving,
                _("Deputies serving in the year"),
                changelist("deputies.deputy"),
            ),
            Figure.count(
                "deputies.archives",
                len(archive_deputies),
                _("Deputies with duty records in their archive"),
                changelist_ids("deputies.deputy", archive_deputies),
            ),
            Figure.count(
                "deputies.archives_with_photos",
                len(with_photos & archive_deputies),
                _("Deputies whose archive has activity photos"),
                changelist_ids("deputies.deputy", with_photos & archive_deputies),
            ),
        )
    }


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return [
        _briefings(figures),
        _trips(figures),
        _symposiums(figures),
        _poverty(figures),
        _duty_reports(figures),
        _archives(figures),
    ]


def _has(figures, key) -> bool:
    return key in figures and not figures[key].is_empty


def _m(key):
    return marker(key)


def _briefings(figures) -> Paragraph:
    key = "deputies.briefings"
    gov = _has(figures, "deputies.briefings_government")
    internal = _has(figures, "deputies.briefings_internal")
    if not (gov or internal):
        return Paragraph(
            key,
            TRAINING,
            _("No briefing or periodical given to deputies is recorded this year."),
            10,
        )
    clauses = []
    if gov:
        clauses.append(
            _("gave deputies %(titles)s %(n)s times")
            % {
                "titles": _m("deputies.briefing_government_titles"),
                "n": _m("deputies.briefings_government"),
            }
        )
    if internal:
        clauses.append(
            _("gave them %(titles)s and other internal periodicals %(n)s times")
            % {
                "titles": _m("deputies.briefing_internal_titles"),
                "n": _m("deputies.briefings_internal"),
            }
        )
    return Paragraph(
        key,
        TRAINING,
        _(
            "To keep deputies informed of government affairs and able to supervise, "
            "the working committee over the year %(clauses)s."
        )
        % {"clauses": pgettext("report clauses", ", and ").join(clauses)},
        10,
    )


def _trips(figures) -> Paragraph:
    key = "deputies.study_trips"
    if not _has(figures, "deputies.study_trips"):
        return Paragraph(
            key, TRAINING, _("No study trip of deputies is recorded this year."), 20
        )
    text = _(
        "Deputies took part in %(n)s study trips organised by the district "
        "people's congress (%(titles)s); they kept to the discipline of the "
        "training and met the organisers' requirements."
    ) % {"n": _m("deputies.study_trips"), "titles": _m("deputies.study_trip_titles")}
    if _has(figures, "deputies.reflections"):
        text += _(
            " The participants wrote %(reflections)s reflections on what they "
            "learned, covering %(trips)s of the trips, and completed the training "
            "well."
        ) % {
            "reflections": _m("deputies.reflections"),
            "trips": _m("deputies.study_trips_with_reflections"),
        }
    return Paragraph(key, TRAINING, text, 20)


def _symposiums(figures) -> Paragraph:
    key = "deputies.symposiums"
    if not _has(figures, "deputies.symposiums"):
        return Paragraph(
            key, SPECIAL, _("No symposium on key work is recorded this year."), 10
        )
    if _has(figures, "deputies.symposium_topics"):
        text = _(
            "supervising work around the priorities of the district people's "
            "congress. Deputies held %(n)s symposiums on %(topics)s and other key "
            "work, exchanged views fully and offered advice, and became a think "
            "tank for the development of the area."
        ) % {"n": _m("deputies.symposiums"), "topics": _m("deputies.symposium_topics")}
    else:
        text = _(
            "supervising work around the priorities of the district people's "
            "congress. Deputies held %(n)s symposiums on key work, exchanged views "
            "fully and offered advice."
        ) % {"n": _m("deputies.symposiums")}
    return Paragraph(key, SPECIAL, text, 10, numbered=True)


def _poverty(figures) -> Paragraph:
    key = "deputies.poverty"
    if not _has(figures, "deputies.poverty_visits"):
        return Paragraph(
            key,
            SPECIAL,
            _("No poverty-alleviation “look back” visit is recorded this year."),
            20,
        )
    text = _(
        "joining forces against poverty with the “look back” activity. Over the "
        "year deputies took part in %(n)s poverty-alleviation “look back” visits "
        "and visited %(households)s households"
    ) % {
        "n": _m("deputies.poverty_visits"),
        "households": _m("deputies.poverty_households"),
    }
    rates = []
    if figures["deputies.poverty_participation"].value is not None:
        rates.append(
            _("a participation rate of deputies of %(rate)s")
            % {"rate": _m("deputies.poverty_participation")}
        )
    if figures["deputies.poverty_household_rate"].value is not None:
        rates.append(
            _("a household visit rate of %(rate)s")
            % {"rate": _m("deputies.poverty_household_rate")}
        )
    if rates:
        text += _(", with %(rates)s") % {
            "rates": pgettext("report list", " and ").join(rates)
        }
    text += _(
        ", and followed up the deputies' opinions so that the policies against "
        "poverty take effect."
    )
    return Paragraph(key, SPECIAL, text, 20, numbered=True)


def _duty_reports(figures) -> Paragraph:
    key = "deputies.duty_reports"
    sentences = []
    if _has(figures, "deputies.duty_reports"):
        sentences.append(
            _(
                "As the district people's congress requires, in %(months)s the "
                "working committee organised the deputies' duty reports: "
                "%(deputies)s deputies reported to the voters of their "
                "constituencies (%(n)s reports), which brought deputies and voters "
                "closer and spurred the deputies on."
            )
            % {
                "months": _m("deputies.duty_report_months"),
                "deputies": _m("deputies.duty_report_deputies"),
                "n": _m("deputies.duty_reports"),
            }
        )
    else:
        sentences.append(_("No duty report of a deputy is recorded this year."))
    if _has(figures, "deputies.by_elections"):
        sentences.append(
            _(
                " The working committee also completed, strictly by the procedure, "
                "the by-election of deputies in %(constituencies)s, filling "
                "%(seats)s seats."
            )
            % {
                "constituencies": _m("deputies.by_election_constituencies"),
                "seats": _m("deputies.by_election_seats"),
            }
        )
    return Paragraph(key, SPECIAL, "".join(sentences), 50)


def _archives(figures) -> Paragraph:
    key = "deputies.archives"
    if not _has(figures, "deputies.archives"):
        return Paragraph(
            key,
            PUBLICITY,
            _("No duty of a deputy is recorded in the archives this year."),
            90,
        )
    serving = figures["deputies.serving"].value
    archives = figures["deputies.archives"].value
    photos = figures["deputies.archives_with_photos"].value
    if serving and archives >= serving and photos >= serving:
        text = _(
            "The working committee also kept the deputies' duty archives in "
            "order: the archives of all %(n)s deputies record their duties of the "
            "year, each with photos of the activities, “pictures as proof”"
        ) % {"n": _m("deputies.serving")}
        text += _(
            ", which encourages deputies to perform their duties according to law."
        )
        return Paragraph(key, PUBLICITY, text, 90)
    text = _(
        "The working committee also kept the deputies' duty archives in order: "
        "the archives of %(n)s deputies record their duties of the year"
    ) % {"n": _m("deputies.archives")}
    if _has(figures, "deputies.archives_with_photos"):
        text += _(
            ", %(photos)s of them with photos of the activities, “pictures as proof”"
        ) % {"photos": _m("deputies.archives_with_photos")}
    text += _(", which encourages deputies to perform their duties according to law.")
    return Paragraph(key, PUBLICITY, text, 90)
