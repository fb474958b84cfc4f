"""The publicity part of the report: articles submitted, acceptances by outlet,
and the deputies' profile posts on the street's own channels."""

from functools import cached_property

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from publicity.models import Article, Outlet, Submission

from ..figures import Figure, Paragraph, changelist, changelist_ids, marker
from ..structure import PUBLICITY
from .registry import Provider, Section

HEADLINE_FIGURES = (
    "publicity.articles_submitted",
    "publicity.acceptances",
    "publicity.profile_posts",
)


def accepted_key(outlet_id) -> str:
    return f"publicity.accepted.outlet_{outlet_id}"


class PublicityRecords:
    """Articles, submissions and own-channel posts of a year; each aggregate
    query runs once, when a figure first needs it."""

    def __init__(self, year: int):
        self.year = year

    @property
    def submitted(self):
        # Counted in the database; only a drill-down's worth of ids is read.
        return Article.objects.submitted_in(self.year).values_list("pk", flat=True)

    @property
    def accepted(self):
        # Posts on the street's own channels are publishing, not acceptances.
        return (
            Submission.objects.submitted_in(self.year)
            .accepted()
            .values_list("pk", flat=True)
        )

    @cached_property
    def outlets(self) -> list[tuple[int, str, int]]:
        """(outlet, name, articles accepted) of the outlets that accepted any."""
        year = self.year
        return list(
            Outlet.objects.filter(is_own_channel=False)
            .annotate(
                n=Count(
                    "submissions__article",
                    filter=Q(
                        submissions__sent_on__year=year, submissions__accepted=True
                    ),
                    distinct=True,
                )
            )
            .filter(n__gt=0)
            .order_by("ordering", "name")
            .values_list("pk", "name", "n")
        )

    @property
    def profiles(self):
        own_posts = Article.objects.posted_on_own_channel_in(self.year)
        return own_posts.profile_posts().values_list("pk", flat=True)

    @cached_property
    def own_channels(self) -> list[str]:
        return list(
            Outlet.objects.filter(
                is_own_channel=True,
                submissions__accepted=True,
                submissions__accepted_on__year=self.year,
                submissions__article__is_profile_post=True,
            )
            .order_by("ordering", "name")
            .values_list("name", flat=True)
            .distinct()
        )


section = Section(__name__)


@section.figure("publicity.articles_submitted")
def articles_submitted(records: PublicityRecords) -> Figure:
    submitted = records.submitted
    return Figure.count(
        "publicity.articles_submitted",
        submitted.count(),
        _("Articles submitted to outlets"),
        changelist_ids("publicity.article", submitted, date__year=records.year),
    )


@section.figure("publicity.acceptances")
def acceptances(records: PublicityRecords) -> Figure:
    accepted = records.accepted
    return Figure.count(
        "publicity.acceptances",
        accepted.count(),
        _("Acceptances by outlets"),
        changelist_ids(
            "publicity.submission",
            accepted,
            sent_on__year=records.year,
            accepted__exact=1,
        ),
    )


@section.figure("publicity.accepted.*")
def accepted_by_outlet(records: PublicityRecords) -> list[Figure]:
    """One figure per outlet that accepted articles, from one count by outlet."""
    return [
        Figure.count(
            accepted_key(pk),
            n,
            _("Accepted by %(outlet)s") % {"outlet": name},
            changelist(
                "publicity.submission",
                sent_on__year=records.year,
                accepted__exact=1,
                outlet__id__exact=pk,
            ),
        )
        for pk, name, n in records.outlets
    ]


@section.figure("publicity.profile_posts")
def profile_posts(records: PublicityRecords) -> Figure:
    profiles = records.profiles
    return Figure.count(
        "publicity.profile_posts",
        profiles.count(),
        _("Deputy profile posts on the street's own channels"),
        changelist_ids("publicity.article", profiles, is_profile_post__exact=1),
    )


@section.figure("publicity.own_channels")
def own_channels(records: PublicityRecords) -> Figure:
    return Figure.names(
        "publicity.own_channels",
        records.own_channels,
        _("The street's own channels with profile posts"),
        changelist("publicity.outlet", is_own_channel__exact=1),
    )


def charts(figures: dict[str, Figure]):
    # pygal is loaded only when a report is drawn, not for its figures.
    from ..bar_chart import Chart

    keys = [k for k in figures if k.startswith("publicity.accepted.")]
    if not keys:
        return []
    return [
        Chart(
            "publicity.accepted",
            _("Articles accepted by outlet"),
            [figures[k].label for k in keys],
            [(_("Articles accepted"), [figures[k].value for k in keys])],
        )
    ]


@section.paragraph
def submissions_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "publicity.submissions"
    sentences = []
    if not figures["publicity.articles_submitted"].is_empty:
        text = _(
            "The working committee sent articles to newspapers, magazines and the "
            "websites of the city and district people's congresses: "
            "%(n)s articles submitted this year"
        ) % {"n": marker("publicity.articles_submitted")}
        outlets = [
            _("%(outlet)s accepted %(n)s") % {"outlet": name, "n": marker(k)}
            for k, name in _outlets(figures).items()
        ]
        if outlets:
            text += _(", of which %(outlets)s") % {
                "outlets": pgettext("report clauses", ", ").join(outlets)
            }
        sentences.append(text)
    if not figures["publicity.profile_posts"].is_empty:
        channels = figures["publicity.own_channels"]
        sentences.append(
            _("%(n)s profile posts of deputies were published on %(channels)s")
            % {
                "n": marker("publicity.profile_posts"),
                "channels": marker("publicity.own_channels")
                if not channels.is_empty
                else _("the street's own channels"),
            }
        )
    if not sentences:
        return Paragraph(
            key,
            PUBLICITY,
            _("No article submitted or profile post is recorded this year."),
            10,
        )
    text = pgettext("report sentences", "; ").join(sentences) + _(
        ", making the deputies' activities and good examples known in time."
    )
    return Paragraph(key, PUBLICITY, text, 10)


def _outlets(figures) -> dict[str, str]:
    """{figure key: outlet name} of the acceptances, in the figures' order."""
    keys = [k for k in figures if k.startswith("publicity.accepted.")]
    names = Outlet.objects.in_bulk([int(k.rsplit("_", 1)[1]) for k in keys])
    return {
        k: names[int(k.rsplit("_", 1)[1])].name
        for k in keys
        if int(k.rsplit("_", 1)[1]) in names
    }


PROVIDER = Provider(PublicityRecords, [section])


def figures(year: int) -> dict[str, Figure]:
    return PROVIDER.figures(year)


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return PROVIDER.paragraphs(year, figures)
