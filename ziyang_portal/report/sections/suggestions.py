"""The suggestions part of the report: the channels residents use, the deputies'
suggestions and their replies, the opinions collected and followed up, and the
requests to city-level deputies with their outcome.

Only titles, communities and public follow-up notes are read: never a
submitter's name, phone or address.
"""

from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from suggestions.models import Escalation, EscalationFollowUp, Reply, Suggestion

from ..figures import Figure, Paragraph, changelist, changelist_ids, marker
from ..structure import CHANNELS, SPECIAL

Kind = Suggestion.Kind
Source = Suggestion.Source
# Sources that are how residents reach deputies, not how staff enter records.
CHANNEL_SOURCES = [
    Source.WECHAT_EXPRESS,
    Source.COMMUNITY_GROUP,
    Source.RECEPTION,
    Source.WEB_FORM,
    Source.PHONE,
    Source.VISIT,
]

END_PUNCTUATION = "。.;\uff1b"

HEADLINE_FIGURES = (
    "suggestions.deputy_suggestions",
    "suggestions.collected",
    "suggestions.followed_up",
)


def _suggestions(year, **filters) -> str:
    return changelist("suggestions.suggestion", received_at__year=year, **filters)


def figures(year: int) -> dict[str, Figure]:
    in_year = Suggestion.objects.in_year(year)
    replied = Exists(Reply.objects.filter(suggestion=OuterRef("pk")))
    counts = {kind: {True: 0, False: 0} for kind in Kind.values}
    # Two counts by kind rather than EXISTS in the select list, which runs a
    # subquery per row: in WHERE the database joins the replies once.
    with_reply = dict(
        in_year.filter(replied).order_by().values_list("kind").annotate(n=Count("pk"))
    )
    for kind, n in in_year.order_by().values_list("kind").annotate(n=Count("pk")):
        counts[kind][True] = with_reply.get(kind, 0)
        counts[kind][False] = n - counts[kind][True]
    deputy_kinds = [Kind.SESSION, Kind.INTER_SESSION]
    deputy_total = sum(sum(counts[k].values()) for k in deputy_kinds)
    deputy_replied = sum(counts[k][True] for k in deputy_kinds)
    replied_ids = (
        in_year.filter(kind__in=deputy_kinds).with_reply().values_list("pk", flat=True)
    )
    congress = list(
        in_year.filter(kind=Kind.SESSION)
        .exclude(congress_session="")
        .order_by("congress_session")
        .values_list("congress_session", flat=True)
        .distinct()
    )
    residents = in_year.resident_opinions()
    by_source = dict(residents.order_by().values_list("source").annotate(n=Count("pk")))
    channels = sorted(
        (s for s in CHANNEL_SOURCES if by_source.get(s)),
        key=lambda s: (-by_source[s], CHANNEL_SOURCES.index(s)),
    )
    # Counted in the database; only a drill-down's worth of ids is read.
    followed = residents.followed_up().values_list("pk", flat=True)
    escalations = list(
        Escalation.objects.filter(escalated_on__year=year)
        .order_by("escalated_on", "pk")
        .values_list("pk", "status", "suggestion__title", "suggestion__community__name")
    )
    latest_note = {}
    for escalation_id, text in (
        EscalationFollowUp.objects.filter(
            escalation__in=[e[0] for e in escalations], public=True
        )
        .order_by("on", "pk")
        .values_list("escalation_id", "text")
    ):
        # The note ends the report's own sentence, so its full stop goes.
        latest_note[escalation_id] = text.strip().rstrip(END_PUNCTUATION)
    by_status = dict.fromkeys(Escalation.Status.values, 0)
    for _pk, status, _title, _community in escalations:
        by_status[status] += 1
    communities = []
    for _pk, _status, _title, community in escalations:
        if community and community not in communities:
            communities.append(community)
    resident_link = _suggestions(year, kind=Kind.RESIDENT)
    escalation_link = changelist("suggestions.escalation", escalated_on__year=year)
    return {
        f.key: f
        for f in (
            Figure.names(
                "suggestions.channels",
                [str(Source(s).label) for s in channels],
                _("Channels through which residents' opinions came"),
                resident_link,
            ),
            Figure.count(
                "suggestions.channel_count",
                len(channels),
                _("Channels used by residents"),
                resident_link,
            ),
            Figure.count(
                "suggestions.wechat_express",
                by_source.get(Source.WECHAT_EXPRESS, 0),
                _("Opinions through the WeChat Deputies' Express"),
                _suggestions(year, kind=Kind.RESIDENT, source=Source.WECHAT_EXPRESS),
            ),
            Figure.count(
                "suggestions.community_groups",
                by_source.get(Source.COMMUNITY_GROUP, 0),
                _("Opinions through community QQ and WeChat groups"),
                _suggestions(year, kind=Kind.RESIDENT, source=Source.COMMUNITY_GROUP),
            ),
            Figure.count(
                "suggestions.session_suggestions",
                sum(counts[Kind.SESSION].values()),
                _("Deputy suggestions at the congress session"),
                _suggestions(year, kind=Kind.SESSION),
            ),
            Figure.names(
                "suggestions.congress_sessions",
                congress,
                _("Congress sessions of the suggestions"),
                _suggestions(year, kind=Kind.SESSION),
            ),
            Figure.count(
                "suggestions.inter_session_suggestions",
                sum(counts[Kind.INTER_SESSION].values()),
                _("Deputy suggestions between sessions"),
                _suggestions(year, kind=Kind.INTER_SESSION),
            ),
            Figure.count(
                "suggestions.deputy_suggestions",
                deputy_total,
                _("Deputy suggestions"),
                changelist_ids(
                    "suggestions.suggestion",
                    in_year.filter(kind__in=deputy_kinds).values_list("pk", flat=True),
                    received_at__year=year,
                ),
            ),
            Figure.count(
                "suggestions.deputy_replied",
                deputy_replied,
                _("Deputy suggestions replied to"),
                changelist_ids(
                    "suggestions.suggestion", replied_ids, received_at__year=year
                ),
            ),
            Figure.rate(
                "suggestions.deputy_reply_rate",
                100 * deputy_replied / deputy_total if deputy_total else None,
                _("Reply rate of deputy suggestions"),
                changelist_ids(
                    "suggestions.suggestion", replied_ids, received_at__year=year
                ),
            ),
            Figure.count(
                "suggestions.collected",
                sum(counts[Kind.RESIDENT].values()),
                _("Residents' opinions collected"),
                resident_link,
            ),
            Figure.count(
                "suggestions.followed_up",
                followed.count(),
                _("Residents' opinions followed up"),
                changelist_ids(
                    "suggestions.suggestion",
                    followed,
                    kind=Kind.RESIDENT,
                    received_at__year=year,
                ),
            ),
            Figure.count(
                "suggestions.escalations",
                len(escalations),
                _("Requests to city-level deputies"),
                escalation_link,
            ),
            Figure.names(
                "suggestions.escalation_titles",
                [title for _pk, _status, title, _community in escalations],
                _("Problems taken to city-level deputies"),
                escalation_link,
            ),
            Figure.names(
                "suggestions.escalation_communities",
                communities,
                _("Communities of the requests to city-level deputies"),
                escalation_link,
            ),
            Figure.names(
                "suggestions.escalation_progress",
                [latest_note[e[0]] for e in escalations if e[0] in latest_note],
                _("Latest progress of the requests"),
                escalation_link,
            ),
            *(
                Figure.count(
                    f"suggestions.escalations_{status}",
                    by_status[status],
                    label,
                    changelist(
                        "suggestions.escalation",
                        escalated_on__year=year,
                        status=status,
                    ),
                )
                for status, label in (
                    (
                        Escalation.Status.RESOLVED,
                        _("Requests to city-level deputies resolved"),
                    ),
                    (
                        Escalation.Status.PARTLY,
                        _("Requests to city-level deputies partly resolved"),
                    ),
                    (
                        Escalation.Status.OPEN,
                        _("Requests to city-level deputies under way"),
                    ),
                )
            ),
        )
    }


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return [
        _escalations(figures),
        _channels(figures),
        _deputy_suggestions(figures),
    ]


def _has(figures, key) -> bool:
    return not figures[key].is_empty


def _escalations(figures) -> Paragraph:
    key = "suggestions.escalations"
    if not _has(figures, "suggestions.escalations"):
        return Paragraph(
            key,
            SPECIAL,
            _("No request to a city-level deputy is recorded this year."),
            40,
        )
    text = _(
        "drawing on city-level deputies for what residents hope for. On receiving "
        "the requests of %(communities)s about %(titles)s, the working committee "
        "checked them on the spot and asked city-level deputies to help "
        "coordinate: %(n)s requests in the year"
    ) % {
        "communities": marker("suggestions.escalation_communities"),
        "titles": marker("suggestions.escalation_titles"),
        "n": marker("suggestions.escalations"),
    }
    outcomes = [
        template % {"n": marker(f"suggestions.escalations_{status}")}
        for status, template in (
            ("resolved", _("%(n)s resolved")),
            ("partly", _("%(n)s partly resolved")),
            ("open", _("%(n)s under way")),
        )
        if _has(figures, f"suggestions.escalations_{status}")
    ]
    if outcomes:
        text += _(", of which %(outcomes)s") % {
            "outcomes": pgettext("report clauses", ", ").join(outcomes)
        }
    text += pgettext("report sentence end", ".")
    if _has(figures, "suggestions.escalation_progress"):
        text += _(" So far: %(progress)s.") % {
            "progress": marker("suggestions.escalation_progress")
        }
    return Paragraph(key, SPECIAL, text, 40, numbered=True)


def _channels(figures) -> Paragraph:
    key = "suggestions.channels"
    if not _has(figures, "suggestions.channels"):
        return Paragraph(
            key,
            CHANNELS,
            _("No resident's opinion reaching the deputies is recorded this year."),
            10,
        )
    text = _(
        "To keep the deputies close to the ground, the street set up channels both "
        "online and offline to hear what concerns the people most. This year "
        "residents' opinions reached the deputies through %(n)s channels: "
        "%(channels)s"
    ) % {
        "n": marker("suggestions.channel_count"),
        "channels": marker("suggestions.channels"),
    }
    details = [
        template % {"n": marker(figure)}
        for figure, template in (
            (
                "suggestions.wechat_express",
                _("%(n)s through the Deputies' Express of the WeChat platform"),
            ),
            (
                "suggestions.community_groups",
                _("%(n)s through community QQ and WeChat groups"),
            ),
        )
        if _has(figures, figure)
    ]
    if details:
        text += _("; of them %(details)s") % {
            "details": pgettext("report clauses", ", ").join(details)
        }
    text += _(
        ". Each deputy is a mobile reception station: wherever the people are, "
        "the deputies receive them."
    )
    return Paragraph(key, CHANNELS, text, 10)


def _deputy_suggestions(figures) -> Paragraph:
    key = "suggestions.deputy_suggestions"
    sentences = []
    if _has(figures, "suggestions.deputy_suggestions"):
        kinds = []
        if _has(figures, "suggestions.session_suggestions"):
            if _has(figures, "suggestions.congress_sessions"):
                kinds.append(
                    _("%(n)s deputy suggestions of the %(session)s")
                    % {
                        "n": marker("suggestions.session_suggestions"),
                        "session": marker("suggestions.congress_sessions"),
                    }
                )
            else:
                kinds.append(
                    _("%(n)s deputy suggestions of the congress session")
                    % {"n": marker("suggestions.session_suggestions")}
                )
        if _has(figures, "suggestions.inter_session_suggestions"):
            kinds.append(
                _("%(n)s suggestions between sessions")
                % {"n": marker("suggestions.inter_session_suggestions")}
            )
        done = figures["suggestions.deputy_replied"].value
        total = figures["suggestions.deputy_suggestions"].value
        if done == total:
            template = _(
                "Working with the district people's congress on the handling of "
                "suggestions, %(kinds)s were all answered: every suggestion has "
                "an answer and every matter is followed through."
            )
        else:
            template = _(
                "Working with the district people's congress on the handling of "
                "suggestions, of %(kinds)s, %(replied)s have been answered "
                "(%(rate)s) and the rest are being followed up."
            )
        sentences.append(
            template
            % {
                "kinds": pgettext("report pair", " and ").join(kinds),
                "replied": marker("suggestions.deputy_replied"),
                "rate": marker("suggestions.deputy_reply_rate"),
            }
        )
    if _has(figures, "suggestions.collected"):
        text = _(
            " This year the deputies collected %(n)s opinions of residents online "
            "and offline"
        ) % {"n": marker("suggestions.collected")}
        if _has(figures, "suggestions.followed_up"):
            text += _(" and have so far followed up %(n)s of them") % {
                "n": marker("suggestions.followed_up")
            }
        text += _(
            ", working on what the residents of the area think about and hope for."
        )
        sentences.append(text)
    if not sentences:
        return Paragraph(
            key,
            CHANNELS,
            _("No deputy suggestion or resident's opinion is recorded this year."),
            20,
        )
    return Paragraph(key, CHANNELS, "".join(sentences).strip(), 20)
