import hashlib
from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.access import is_committee_staff, is_deputy
from core.pagecache import cached_data
from deputies.access import deputy_for

from .deputy import deputy_dashboard
from .forms import DashboardFilterForm
from .staff import staff_dashboard


def dashboard_context(request: HttpRequest) -> tuple[dict, int]:
    """The staff dashboard for the admin index: (context, HTTP status).

    A bad filter shows the form with its message and answers 400, with the
    current year's dashboard below it rather than nothing.
    """
    if not is_committee_staff(request.user):
        return {}, 200
    form = DashboardFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        year, community, status = timezone.localdate().year, None, 400
    else:
        data = form.cleaned_data if form.is_bound else {}
        year = data.get("year") or timezone.localdate().year
        community, status = data.get("community"), 200
    parts = (year, community.pk if community else None)
    compute = partial(staff_dashboard, year, community)
    html = _dashboard_html(request, "staff-dashboard", parts, compute, form, status)
    return {"dashboard_html": html, "dashboard_form": form}, status


def _dashboard_html(request, name, parts, compute, form, status) -> str:
    """The dashboard's tables as HTML, rendered once until its records change.

    The figures are cached on their own (`cached_data`); rendering their
    hundreds of cells costs more than reading them, so the HTML is kept too,
    under the same rule, per filter query. A form with errors is not kept.
    """

    def render_fragment() -> str:
        dashboard = cached_data(name, parts, compute)
        context = {"dashboard": dashboard, "dashboard_form": form}
        return render_to_string("dashboard/_dashboard.html", context, request)

    if status != 200:
        return render_fragment()
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:16]
    return cached_data(f"{name}-html", (*parts, query), render_fragment)


def _workspace_deputy(request):
    """The one access rule of the deputy's pages: a deputy with a record."""
    deputy = deputy_for(request.user) if is_deputy(request.user) else None
    if deputy is None:
        raise PermissionDenied
    return deputy


@login_required
@require_GET
def my_dashboard(request: HttpRequest) -> HttpResponse:
    deputy = _workspace_deputy(request)
    form = DashboardFilterForm(request.GET or None, with_community=False)
    status = 200
    if form.is_bound and not form.is_valid():
        year, status = timezone.localdate().year, 400
    else:
        year = (form.cleaned_data if form.is_bound else {}).get("year")
        year = year or timezone.localdate().year
    compute = partial(deputy_dashboard, deputy, year)
    html = _dashboard_html(
        request, "deputy-dashboard", (deputy.pk, year), compute, form, status
    )
    context = {"dashboard_html": html, "dashboard_form": form}
    return render(request, "dashboard/my_dashboard.html", context, status=status)
