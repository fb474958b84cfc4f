"""The suggestions of a year that the report counts, each aggregate query run
once, when a figure first needs it.

Only titles, communities and public follow-up notes are read: never a
submitter's name, phone or address.
"""

from functools import cached_property

from django.db.models import Count, Exists, OuterRef

from suggestions.models import Escalation, EscalationFollowUp, Reply, Suggestion

from ...figures import changelist
from . import year_end

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
DEPUTY_KINDS = [Kind.SESSION, Kind.INTER_SESSION]

END_PUNCTUATION = "。.;\uff1b"


class SuggestionRecords:
    """Suggestions, replies and requests to city-level deputies of a year."""

    def __init__(self, year: int):
        self.year = year

    def suggestions_link(self, **filters) -> str:
        return changelist(
            "suggestions.suggestion", received_at__year=self.year, **filters
        )

    def escalations_link(self, **filters) -> str:
        return changelist(
            "suggestions.escalation", escalated_on__year=self.year, **filters
        )

    @cached_property
    def in_year(self):
        return Suggestion.objects.in_year(self.year)

    @cached_property
    def counts(self) -> dict[str, dict[bool, int]]:
        """{kind: {replied: n, not replied: n}}."""
        in_year = self.in_year
        replied = Exists(Reply.objects.filter(suggestion=OuterRef("pk")))
        counts = {kind: {True: 0, False: 0} for kind in Kind.values}
        # Two counts by kind rather than EXISTS in the select list, which runs a
        # subquery per row: in WHERE the database joins the replies once.
        with_reply = dict(
            in_year.filter(replied)
            .order_by()
            .values_list("kind")
            .annotate(n=Count("pk"))
        )
        for kind, n in in_year.order_by().values_list("kind").annotate(n=Count("pk")):
            counts[kind][True] = with_reply.get(kind, 0)
            counts[kind][False] = n - counts[kind][True]
        return counts

    def total(self, kind) -> int:
        return sum(self.counts[kind].values())

    @property
    def deputy_total(self) -> int:
        return sum(self.total(k) for k in DEPUTY_KINDS)

    @property
    def deputy_replied(self) -> int:
        return sum(self.counts[k][True] for k in DEPUTY_KINDS)

    @property
    def deputy_ids(self):
        return self.in_year.filter(kind__in=DEPUTY_KINDS).values_list("pk", flat=True)

    @property
    def replied_ids(self):
        return (
            self.in_year.filter(kind__in=DEPUTY_KINDS)
            .with_reply()
            .values_list("pk", flat=True)
        )

    @cached_property
    def congress_sessions(self) -> list[str]:
        return list(
            self.in_year.filter(kind=Kind.SESSION)
            .exclude(congress_session="")
            .order_by("congress_session")
            .values_list("congress_session", flat=True)
            .distinct()
        )

    @cached_property
    def residents(self):
        return self.in_year.resident_opinions()

    @cached_property
    def by_source(self) -> dict[str, int]:
        return dict(
            self.residents.order_by().values_list("source").annotate(n=Count("pk"))
        )

    @property
    def channels(self) -> list[str]:
        """The sources residents used, the most used first."""
        by_source = self.by_source
        return sorted(
            (s for s in CHANNEL_SOURCES if by_source.get(s)),
            key=lambda s: (-by_source[s], CHANNEL_SOURCES.index(s)),
        )

    @property
    def followed(self):
        # Counted in the database; only a drill-down's worth of ids is read.
        return self.residents.followed_up().values_list("pk", flat=True)

    @cached_property
    def escalations(self) -> list[tuple]:
        """(pk, status, title, community) of the requests, in date order."""
        return list(
            Escalation.objects.filter(escalated_on__year=self.year)
            .order_by("escalated_on", "pk")
            .values_list(
                "pk", "status", "suggestion__title", "suggestion__community__name"
            )
        )

    @cached_property
    def latest_note(self) -> dict[int, str]:
        """{request: its latest public follow-up note}."""
        latest = {}
        for escalation_id, text in (
            EscalationFollowUp.objects.filter(
                escalation__in=[e[0] for e in self.escalations], public=True
            )
            .order_by("on", "pk")
            .values_list("escalation_id", "text")
        ):
            # The note ends the report's own sentence, so its full stop goes.
            latest[escalation_id] = text.strip().rstrip(END_PUNCTUATION)
        return latest

    @property
    def by_status(self) -> dict[str, int]:
        by_status = dict.fromkeys(Escalation.Status.values, 0)
        for _pk, status, _title, _community in self.escalations:
            by_status[status] += 1
        return by_status

    @property
    def communities(self) -> list[str]:
        communities = []
        for _pk, _status, _title, community in self.escalations:
            if community and community not in communities:
                communities.append(community)
        return communities

    @cached_property
    def year_end_counts(self) -> dict[str, int]:
        """The items of the year as they stood on 31 December (see year_end)."""
        return year_end.counts(self.in_year, self.year)

    def year_end_ids(self, name: str):
        """The items of one of those counts, for a drill-down."""
        condition = year_end.conditions(self.year)[name]
        return (
            year_end.with_year_end(self.in_year, self.year)
            .filter(condition)
            .values_list("pk", flat=True)
        )

    @cached_property
    def ratings_by_score(self) -> dict[str, int]:
        return year_end.ratings_by_score(self.in_year, self.year)

    def rating_ids(self, *scores):
        ratings = year_end.ratings(self.in_year, self.year)
        if scores:
            ratings = ratings.filter(score__in=scores)
        return ratings.values_list("pk", flat=True)
