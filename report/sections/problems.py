"""二、存在的问题 drafted from the records of the year, for staff to edit.

Each sentence states one shortfall the figures of the year show, and is
written only when it holds:

- items of the year still past their due date without an answer at its end
  (``suggestions.items_overdue``), with the handling units that had most of
  them, read in one aggregate query;
- answers residents rated 不满意, with the satisfaction rate;
- community reception stations that do not meet every item of the standard;
- study trips on which no written reflection was handed in;
- acceptances by outlets fewer than half the articles submitted, with the rate;
- items of the year's work plan not carried out.

Two or more are enumerated 一是…；二是…; a single one is written as it is. A
year with none of them gets one sentence of the facts that hold, a year
without records says so. `free_text_draft` also drafts 三 from the year's
parts when the work plan has nothing to draw it from.
"""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from suggestions.models import Suggestion

from ..enumeration import enumeration
from ..figures import Figure, Paragraph, marker
from ..structure import PLANS, PROBLEMS
from .registry import Provider, Section, YearRecords, has
from .suggestions.year_end import conditions, with_year_end

section = Section(__name__)

# The overdue items' handling units named, those with most items first.
UNITS_NAMED = 3
# Acceptances below this share of the articles submitted are a shortfall.
LOW_ACCEPTANCE = 50
# Figures of the portal's reference data rather than of the year's records.
REFERENCE = ("reception.standard_items", "reception.standard_item_names")


def _n(figures: dict[str, Figure], key: str) -> int:
    """A count of the figures; 0 when it is not there."""
    figure = figures.get(key)
    return int(figure.value or 0) if figure is not None else 0


def _names(names) -> str:
    return pgettext("list separator", ", ").join(names)


def overdue_by_unit(year: int) -> list[tuple[str | None, str, int]]:
    """(handling unit, kind, items) of the year's items overdue at its end,
    from one aggregate query whatever the number of items."""
    items = with_year_end(Suggestion.objects.in_year(year).order_by(), year)
    return list(
        items.filter(conditions(year)["overdue"])
        .values_list("handling_unit__name", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )


def overdue_units(rows) -> list[str]:
    """The handling units of the overdue items, most items first, then by name."""
    by_unit: dict[str, int] = {}
    for unit, _kind, n in rows:
        if unit:
            by_unit[unit] = by_unit.get(unit, 0) + n
    return sorted(by_unit, key=lambda unit: (-by_unit[unit], unit))


def _overdue(year: int, figures: dict[str, Figure]) -> str | None:
    n = _n(figures, "suggestions.items_overdue")
    if not n:
        return None
    rows = overdue_by_unit(year)
    kinds = {kind for _unit, kind, _count in rows}
    residents = Suggestion.Kind.RESIDENT in kinds
    deputies = bool(kinds - {Suggestion.Kind.RESIDENT})
    if residents and not deputies:
        text = ngettext(
            "at the year's end %(n)s resident's opinion was still past its due "
            "date without an answer",
            "at the year's end %(n)s residents' opinions were still past their "
            "due date without an answer",
            n,
        )
    elif deputies and not residents:
        text = ngettext(
            "at the year's end %(n)s deputy suggestion was still past its due "
            "date without an answer",
            "at the year's end %(n)s deputy suggestions were still past their "
            "due date without an answer",
            n,
        )
    else:
        text = ngettext(
            "at the year's end %(n)s deputy suggestion or resident's opinion was "
            "still past its due date without an answer",
            "at the year's end %(n)s deputy suggestions and residents' opinions "
            "were still past their due date without an answer",
            n,
        )
    text %= {"n": marker("suggestions.items_overdue")}
    units = overdue_units(rows)
    if len(units) > UNITS_NAMED:
        text += _(", mainly with %(units)s and other units") % {
            "units": _names(units[:UNITS_NAMED])
        }
    elif units:
        text += _(", with %(units)s") % {"units": _names(units)}
    return text


def _unsatisfied(year: int, figures: dict[str, Figure]) -> str | None:
    n = _n(figures, "suggestions.rated_unsatisfied")
    if not n:
        return None
    text = ngettext(
        "residents rated %(n)s answer not satisfied",
        "residents rated %(n)s answers not satisfied",
        n,
    ) % {"n": marker("suggestions.rated_unsatisfied")}
    if has(figures, "suggestions.satisfaction_rate"):
        text += _(", a satisfaction rate of %(rate)s") % {
            "rate": marker("suggestions.satisfaction_rate")
        }
    return text


def _stations(year: int, figures: dict[str, Figure]) -> str | None:
    total = _n(figures, "reception.stations")
    short = total - _n(figures, "reception.stations_meeting_standard")
    if short <= 0 or not _n(figures, "reception.standard_items"):
        return None
    if short < total:
        text = _(
            "of the %(total)s community reception stations, %(short)s do not yet "
            "meet every item of the eight-haves standard"
        )
    elif total > 1:
        text = _(
            "none of the %(total)s community reception stations meets every item "
            "of the eight-haves standard yet"
        )
    else:
        text = _(
            "the %(total)s community reception station does not meet every item "
            "of the eight-haves standard yet"
        )
    return text % {"total": marker("reception.stations"), "short": short}


def _reflections(year: int, figures: dict[str, Figure]) -> str | None:
    trips = _n(figures, "deputies.study_trips")
    covered = _n(figures, "deputies.study_trips_with_reflections")
    if covered >= trips:
        return None
    if covered:
        text = _(
            "on %(missing)s of the %(trips)s study trips no written reflection "
            "was handed in"
        )
    elif trips > 1:
        text = _(
            "on none of the %(trips)s study trips was a written reflection handed in"
        )
    else:
        text = _("no written reflection was handed in on the %(trips)s study trip")
    return text % {"trips": marker("deputies.study_trips"), "missing": trips - covered}


def acceptance_rate(figures: dict[str, Figure]) -> Figure:
    """Acceptances by outlets as a share of the articles submitted."""
    submitted = _n(figures, "publicity.articles_submitted")
    accepted = _n(figures, "publicity.acceptances")
    return Figure.rate(
        "publicity.acceptance_rate",
        100 * accepted / submitted if submitted else None,
        "",
    )


def _acceptance(year: int, figures: dict[str, Figure]) -> str | None:
    rate = acceptance_rate(figures).value
    if rate is None or rate >= LOW_ACCEPTANCE:
        return None
    values = {
        "n": marker("publicity.articles_submitted"),
        "accepted": marker("publicity.acceptances"),
        "rate": acceptance_rate(figures).display(),
    }
    if not _n(figures, "publicity.acceptances"):
        return _("of the %(n)s articles submitted, no outlet accepted any") % values
    return (
        _(
            "of the %(n)s articles submitted, outlets accepted %(accepted)s, an "
            "acceptance rate of only %(rate)s"
        )
        % values
    )


def _plan(year: int, figures: dict[str, Figure]) -> str | None:
    items = _n(figures, "workplan.items")
    done = _n(figures, "workplan.items_done")
    if done >= items:
        return None
    values = {
        "n": marker("workplan.items"),
        "done": marker("workplan.items_done"),
        "left": items - done,
    }
    if done:
        return (
            _(
                "of the %(n)s items of the year's work plan, %(done)s were carried "
                "out and %(left)s were not"
            )
            % values
        )
    return _("the %(n)s items of the year's work plan are not carried out yet") % values


# In the order the report gives them.
EVIDENCE = (_overdue, _unsatisfied, _stations, _reflections, _acceptance, _plan)


def problems_text(year: int, figures: dict[str, Figure]) -> str:
    """二: the shortfalls the records show, enumerated; or what they show."""
    found = [text for text in (e(year, figures) for e in EVIDENCE) if text]
    if not found:
        return _no_shortfall(figures)
    if len(found) == 1:
        intro = _(
            "Measured against the records of the year, the work still falls short: "
        )
    else:
        intro = _(
            "Measured against the records of the year, the work still falls "
            "short in these respects: "
        )
    return intro + enumeration(found)


def _facts(figures: dict[str, Figure]) -> list[str]:
    """What the records show where none of the shortfalls holds."""
    facts = []
    if _n(figures, "suggestions.items_accepted"):
        facts.append(
            _("no item was past its due date without an answer at the year's end")
        )
    if _n(figures, "suggestions.ratings"):
        facts.append(_("no answer was rated not satisfied"))
    if _n(figures, "reception.stations") and _n(figures, "reception.standard_items"):
        facts.append(
            _(
                "all %(n)s community reception stations meet every item of the "
                "eight-haves standard"
            )
            % {"n": marker("reception.stations")}
        )
    if _n(figures, "deputies.study_trips"):
        facts.append(_("every study trip has written reflections"))
    if _n(figures, "publicity.articles_submitted"):
        facts.append(
            _("outlets accepted %(accepted)s of the %(n)s articles submitted")
            % {
                "n": marker("publicity.articles_submitted"),
                "accepted": marker("publicity.acceptances"),
            }
        )
    if _n(figures, "workplan.items"):
        facts.append(
            _("all %(n)s items of the year's work plan were carried out")
            % {"n": marker("workplan.items")}
        )
    return facts


def _no_shortfall(figures: dict[str, Figure]) -> str:
    facts = _facts(figures)
    if facts:
        return _("The records of the year show that %(facts)s.") % {
            "facts": pgettext("report clauses", ", ").join(facts)
        }
    if all(f.is_empty for key, f in figures.items() if key not in REFERENCE):
        return _("The year has no work records yet.")
    return _(
        "The records of the year do not yet tell how the items, the stations, "
        "the study trips, the submissions or the work plan went."
    )


@section.paragraph
def problems_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    return Paragraph(PROBLEMS, PROBLEMS, problems_text(year, figures))


def plans_from_the_year(year: int, figures: dict[str, Figure]) -> str:
    """三 when there is neither next year's plan, nor an unfinished plan item,
    nor a key work running into next year: carrying on the year's parts."""
    clauses = []
    if _n(figures, "reception.stations"):
        clauses.append(
            _("continue to make use of the %(n)s community reception stations")
            % {"n": marker("reception.stations")}
        )
    if _n(figures, "reception.sessions"):
        clauses.append(_("keep deputies receiving voters at the stations"))
    if _n(figures, "suggestions.items_received"):
        clauses.append(
            _(
                "collect, assign and follow up deputy suggestions and residents' "
                "opinions"
            )
        )
    if any(
        _n(figures, key)
        for key in (
            "deputies.study_trips",
            "deputies.study_sessions",
            "deputies.briefings_government",
            "deputies.briefings_internal",
        )
    ):
        clauses.append(_("organise study and training for deputies"))
    if _n(figures, "publicity.articles_submitted") or _n(
        figures, "publicity.profile_posts"
    ):
        clauses.append(_("make the deputies' work better known"))
    if not clauses:
        clauses.append(
            _("carry on every part of the people's congress work of the street")
        )
    text = _(
        "In %(year)s the working committee will build on this year's work: %(clauses)s."
    )
    return text % {
        "year": year + 1,
        "clauses": pgettext("report clauses", ", ").join(clauses),
    }


# What a free-text part says when no provider wrote it.
DRAFTS = {PROBLEMS: problems_text, PLANS: plans_from_the_year}


def free_text_draft(part: str, year: int, figures: dict[str, Figure]) -> str:
    """The draft of a free-text part no provider wrote, from the year's figures."""
    draft = DRAFTS.get(part)
    return draft(year, figures) if draft else ""


PROVIDER = Provider(YearRecords, [section])


def figures(year: int) -> dict[str, Figure]:
    return PROVIDER.figures(year)


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return PROVIDER.paragraphs(year, figures)
