from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.access import is_deputy
from deputies.access import deputy_for

from .forms import YearForm
from .models import KeyWork, PlanItem, WorkPlan
from .selectors import attach_progress, grouped, key_work_progress, latest_plan_year


def _workspace_deputy(request: HttpRequest):
    """The Deputy behind a logged-in deputy account; 403 for anybody else."""
    deputy = deputy_for(request.user) if is_deputy(request.user) else None
    if deputy is None:
        raise PermissionDenied
    return deputy


@login_required
@require_GET
def my_plan(request: HttpRequest) -> HttpResponse:
    """The plan items and key works of one year that the deputy takes part in."""
    deputy = _workspace_deputy(request)
    form = YearForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "years": _plan_years()}
        return render(request, "workplan/my_plan.html", context, status=400)
    year = form.cleaned_data["year"] or latest_plan_year()
    items = attach_progress(
        PlanItem.objects.in_year(year)
        .for_deputy(deputy)
        .for_lists()
        .order_by("heading__ordering", "heading__name", "ordering", "pk")
    )
    key_works = key_work_progress(
        KeyWork.objects.running_in(year or 0)
        .for_deputy(deputy)
        .select_related("priority_line")
        .order_by("ordering", "title")
    )
    context = {
        "form": form,
        "year": year,
        "years": _plan_years(),
        "groups": grouped(items),
        "key_works": key_works,
    }
    return render(request, "workplan/my_plan.html", context)


def _plan_years() -> list[int]:
    return list(WorkPlan.objects.values_list("year", flat=True))
