"""The reception, duty-activity and publicity charts of a dashboard."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from publicity.models import Outlet
from report.figures import changelist

from .figures import Row, Series, percent


def sessions_by_station(sessions, link_for) -> Series:
    rows = [
        Row(name, n, link_for(station__id__exact=pk), [voters or 0])
        for pk, name, n, voters in sessions.order_by()
        .values_list("station", "station__name")
        .annotate(n=Count("pk", distinct=True), voters=Sum("voters_received"))
        .order_by("station__ordering", "station__name")
        .values_list("station", "station__name", "n", "voters")
    ]
    return Series(
        "stations",
        _("Sessions and voters received per station"),
        rows,
        _("Sessions held"),
        [_("Voters received")],
    )


def participation(attendances, link_for) -> Series:
    rows = [
        Row(name, attended, link_for(pk), [invited, percent(attended, invited)])
        for pk, name, invited, attended in attendances.order_by()
        .values_list("deputy", "deputy__name")
        .annotate(
            invited=Count("pk", filter=Q(invited=True)),
            attended=Count("pk", filter=Q(attended=True)),
        )
        .order_by("deputy__name")
        .values_list("deputy", "deputy__name", "invited", "attended")
    ]
    return Series(
        "participation",
        _("Deputies' participation in duty activities"),
        rows,
        _("Activities attended"),
        [_("Invited"), _("Participation rate (%)")],
    )


def submissions_by_outlet(year: int) -> Series:
    """Articles sent and accepted per outlet (the street's own channels are
    publishing, not acceptances, as in the report)."""
    in_year = Q(submissions__sent_on__year=year)
    rows = [
        Row(
            outlet.name,
            outlet.accepted_n,
            changelist(
                "publicity.submission",
                sent_on__year=year,
                accepted__exact=1,
                outlet__id__exact=outlet.pk,
            ),
            [outlet.sent_n],
        )
        for outlet in Outlet.objects.filter(is_own_channel=False)
        .annotate(
            sent_n=Count("submissions__article", filter=in_year, distinct=True),
            accepted_n=Count(
                "submissions__article",
                filter=in_year & Q(submissions__accepted=True),
                distinct=True,
            ),
        )
        .filter(sent_n__gt=0)
        .order_by("ordering", "name")
    ]
    return Series(
        "outlets",
        _("Publicity: acceptances and submissions by outlet"),
        rows,
        _("Articles accepted"),
        [_("Submitted")],
    )
