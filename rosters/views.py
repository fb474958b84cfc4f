from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.access import is_committee_staff, is_deputy
from deputies.access import deputy_for
from deputies.models import Deputy
from reception.models import Station

from . import calendar, planning, posters
from .models import DutyRule, Reminder

CALENDAR_TYPE = "text/calendar; charset=utf-8"
MY_ROSTER_PAST_DAYS = 60


def _public_station(slug: str) -> Station:
    """A station in service, or 404; the one rule for its feed and poster."""
    return get_object_or_404(
        Station.objects.public().prefetch_related("deputies"), slug=slug
    )


def _public_deputy(pk: int) -> Deputy:
    """A deputy now serving, or 404; past deputies have no roster to announce."""
    return get_object_or_404(
        Deputy.objects.current().prefetch_related(
            Prefetch("stations", queryset=Station.objects.public())
        ),
        pk=pk,
    )


def _calendar(title: str, planned, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.render_feed(title, planned), CALENDAR_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response


@require_GET
def station_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    station = _public_station(slug)
    planned = planning.for_station(station, *calendar.feed_window())
    return _calendar(station.name, planned, f"station-{station.slug}")


@require_GET
def deputy_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    deputy = _public_deputy(pk)
    planned = planning.for_deputy(deputy, *calendar.feed_window())
    return _calendar(deputy.name, planned, f"deputy-{deputy.pk}")


@require_GET
def station_poster(request: HttpRequest, slug: str) -> HttpResponse:
    station = _public_station(slug)
    planned = planning.for_station(station, *planning.next_window())
    url = request.build_absolute_uri(station.get_absolute_url())
    poster = posters.station_poster(station, url, planned)
    return _pdf(posters.render_posters([poster]), f"poster-{station.slug}")


@require_GET
def deputy_poster(request: HttpRequest, pk: int) -> HttpResponse:
    deputy = _public_deputy(pk)
    planned = planning.for_deputy(deputy, *planning.next_window())
    url = request.build_absolute_uri(reverse("deputies:detail", args=[deputy.pk]))
    poster = posters.deputy_poster(deputy, url, planned)
    return _pdf(posters.render_posters([poster]), f"poster-deputy-{deputy.pk}")


@require_GET
def all_posters(request: HttpRequest) -> HttpResponse:
    """Every station's and serving deputy's poster, one A4 page each (staff)."""
    if not is_committee_staff(request.user):
        raise PermissionDenied
    rules = DutyRule.objects.in_force().for_planning()
    planned = planning.plan(rules, *planning.next_window())
    pages = [
        posters.station_poster(
            station,
            request.build_absolute_uri(station.get_absolute_url()),
            [p for p in planned if p.station.pk == station.pk],
        )
        for station in Station.objects.public().prefetch_related("deputies")
    ]
    deputies = Deputy.objects.current().prefetch_related(
        Prefetch("stations", queryset=Station.objects.public())
    )
    for deputy in deputies.order_by("name", "pk"):
        url = reverse("deputies:detail", args=[deputy.pk])
        mine = [p for p in planned if deputy.pk in p.deputy_ids]
        pages.append(
            posters.deputy_poster(deputy, request.build_absolute_uri(url), mine)
        )
    if not pages:
        raise Http404(_("There is no station or deputy to make a poster for."))
    return _pdf(posters.render_posters(pages), "posters")


@login_required
@require_GET
def my_roster(request: HttpRequest) -> HttpResponse:
    """The deputy's own planned dates, with the session logged for each."""
    deputy = deputy_for(request.user) if is_deputy(request.user) else None
    if deputy is None:
        raise PermissionDenied
    today = timezone.localdate()
    first = today - timezone.timedelta(days=MY_ROSTER_PAST_DAYS)
    planned = planning.for_deputy(deputy, first, today + planning.NEXT_DATES_HORIZON)
    planning.attach_sessions(planned)
    for p in planned:
        # Only a session the deputy took part in opens in their workspace.
        p.attended = p.session is not None and deputy.pk in {
            d.pk for d in p.session.deputies.all()
        }
    reminders = Reminder.objects.filter(deputy=deputy, date__gte=today)
    context = {
        "deputy": deputy,
        "past": [p for p in planned if p.date < today][::-1],
        "coming": [p for p in planned if p.date >= today],
        "reminders": reminders.select_related("station").order_by("date")[:5],
    }
    return render(request, "rosters/my/roster.html", context)
