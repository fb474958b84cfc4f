"""The channels through which residents' opinions reached the deputies."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ...figures import Figure, Paragraph, marker
from ...structure import CHANNELS
from ..registry import Section, filled
from .records import Kind, Source, SuggestionRecords

section = Section(__name__)


@section.figure("suggestions.channels")
def channels(records: SuggestionRecords) -> Figure:
    return Figure.names(
        "suggestions.channels",
        [str(Source(s).label) for s in records.channels],
        _("Channels through which residents' opinions came"),
        records.suggestions_link(kind=Kind.RESIDENT),
    )


@section.figure("suggestions.channel_count")
def channel_count(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.channel_count",
        len(records.channels),
        _("Channels used by residents"),
        records.suggestions_link(kind=Kind.RESIDENT),
    )


@section.figure("suggestions.wechat_express")
def wechat_express(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.wechat_express",
        records.by_source.get(Source.WECHAT_EXPRESS, 0),
        _("Opinions through the WeChat Deputies' Express"),
        records.suggestions_link(kind=Kind.RESIDENT, source=Source.WECHAT_EXPRESS),
    )


@section.figure("suggestions.community_groups")
def community_groups(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.community_groups",
        records.by_source.get(Source.COMMUNITY_GROUP, 0),
        _("Opinions through community QQ and WeChat groups"),
        records.suggestions_link(kind=Kind.RESIDENT, source=Source.COMMUNITY_GROUP),
    )


@section.paragraph
def channels_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "suggestions.channels"
    if not filled(figures, "suggestions.channels"):
        return Paragraph(
            key,
            CHANNELS,
            _("No resident's opinion reaching the deputies is recorded this year."),
            10,
        )
    if figures["suggestions.channel_count"].value == 1:
        text = _(
            "To keep the deputies close to the ground, the street set up channels "
            "both online and offline to hear what concerns the people most. This "
            "year residents' opinions reached the deputies through %(channels)s"
        )
    else:
        text = _(
            "To keep the deputies close to the ground, the street set up channels "
            "both online and offline to hear what concerns the people most. This "
            "year residents' opinions reached the deputies through %(n)s channels: "
            "%(channels)s"
        )
    text %= {
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
        if filled(figures, figure)
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
