"""The deputy's own pages in the workspace: reflections on training and trips.

Staff invite deputies and mark attendance in the admin; a deputy who attended a
training or study trip writes their reflection (心得体会) here, from a phone if
need be. It shows in their duty archive and counts in the year-end report.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.access import is_deputy
from deputies.access import deputy_for
from security import audit

from .forms import ReflectionForm
from .models import Attendance, DutyActivity


def _workspace_deputy(request: HttpRequest):
    deputy = deputy_for(request.user) if is_deputy(request.user) else None
    if deputy is None:
        raise PermissionDenied
    return deputy


def _reflectable(deputy):
    """Trainings and study trips this deputy attended, newest first."""
    return (
        Attendance.objects.filter(
            deputy=deputy,
            attended=True,
            activity__kind=DutyActivity.Kind.TRAINING,
        )
        .select_related("activity")
        .order_by("-activity__date", "-pk")
    )


@login_required
@require_GET
def my_reflections(request: HttpRequest) -> HttpResponse:
    deputy = _workspace_deputy(request)
    attendances = list(_reflectable(deputy))
    context = {
        "attendances": attendances,
        "missing": sum(1 for a in attendances if not a.reflection.strip()),
    }
    return render(request, "deputies/my/reflection_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def my_reflection_edit(request: HttpRequest, pk: int) -> HttpResponse:
    deputy = _workspace_deputy(request)
    # Another deputy's attendance, or one that cannot carry a reflection, is
    # not confirmed to exist.
    attendance = get_object_or_404(_reflectable(deputy), pk=pk)
    status = 200
    if request.method == "POST":
        form = ReflectionForm(request.POST, instance=attendance)
        if form.is_valid():
            form.save()
            if form.has_changed():
                audit.record_change(
                    request, attendance, audit.Action.CHANGE, form.changed_data
                )
            messages.success(request, _("Your reflection has been saved."))
            return redirect("deputies:my_reflections")
        status = 400
    else:
        form = ReflectionForm(instance=attendance)
    context = {"form": form, "attendance": attendance, "activity": attendance.activity}
    return render(request, "deputies/my/reflection_form.html", context, status=status)
