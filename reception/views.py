from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core.access import is_committee_staff, is_deputy
from core.pagecache import public_page
from deputies.access import deputy_for
from security import audit

from . import services
from .forms import IssueFormSet, SessionEditForm, SessionForm
from .models import ReceptionSession, SessionPhoto, StandardCheck, StandardItem, Station

RECENT_SESSIONS_ON_STATION_PAGE = 5


# Public pages ---------------------------------------------------------------


@require_GET
@public_page("stations")
def station_list(request: HttpRequest) -> HttpResponse:
    stations = (
        Station.objects.public()
        .select_related("community")
        .prefetch_related("deputies", "photos")
        .annotate(session_count=Count("sessions", distinct=True))
        .with_standard()
        .order_by("ordering", "name")
    )
    return render(request, "reception/station_list.html", {"stations": stations})


@require_GET
@public_page("station")
def station_detail(request: HttpRequest, slug: str) -> HttpResponse:
    station = get_object_or_404(
        Station.objects.public()
        .select_related("community")
        .prefetch_related("deputies", "photos"),
        slug=slug,
    )
    # The sessions' public summary only: their photos may show voters' faces
    # and stay with staff and the session's deputies (session_photo).
    sessions = (
        station.sessions.annotate(issue_count=Count("issues", distinct=True))
        .prefetch_related("deputies")
        .order_by("-started_at")[:RECENT_SESSIONS_ON_STATION_PAGE]
    )
    standard = _standard_rows(station)
    return render(
        request,
        "reception/station_detail.html",
        {
            "station": station,
            "sessions": sessions,
            "standard": standard,
            "standard_met": sum(1 for row in standard if row["met"]),
        },
    )


def _standard_rows(station: Station) -> list[dict]:
    """Each item in force with the station's check of it in force today (None
    if never checked), in two queries whatever the number of checks."""
    if station.kind != Station.Kind.COMMUNITY:
        return []
    checks = {
        check.item_id: check
        for check in StandardCheck.objects.current().filter(
            station=station, item__active=True
        )
    }
    rows = []
    for item in StandardItem.objects.active():
        check = checks.get(item.pk)
        rows.append({"item": item, "check": check, "met": bool(check and check.met)})
    return rows


# Deputy workspace -----------------------------------------------------------


def _workspace_deputy(request: HttpRequest):
    """The Deputy behind a logged-in deputy account; 403 for anybody else."""
    deputy = deputy_for(request.user) if is_deputy(request.user) else None
    if deputy is None:
        raise PermissionDenied
    return deputy


def _get_session_for_deputy(request: HttpRequest, pk: int, *, change=False):
    """The one access rule for a deputy's sessions, used by every /my/ view.

    A deputy sees only sessions they took part in (404 for any other: its
    existence is not confirmed). Changing is for the deputy who logged it,
    within the edit window; after that only staff can, in the admin.
    Returns (deputy, session, locked): locked is True when a change is refused.
    """
    deputy = _workspace_deputy(request)
    session = get_object_or_404(
        ReceptionSession.objects.for_deputy(deputy).select_related(
            "station", "station__community"
        ),
        pk=pk,
    )
    locked = change and not session.deputy_may_change(request.user)
    return deputy, session, locked


def _locked(request, session) -> HttpResponse:
    return render(
        request,
        "reception/my/session_locked.html",
        {"session": session},
        status=403,
    )


@login_required
@require_GET
def my_sessions(request: HttpRequest) -> HttpResponse:
    deputy = _workspace_deputy(request)
    sessions = (
        ReceptionSession.objects.for_deputy(deputy)
        .for_lists()
        .annotate(issue_count=Count("issues", distinct=True))
        .order_by("-started_at", "-pk")
    )
    page = Paginator(sessions, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "reception/my/session_list.html",
        {"page": page, "deputy": deputy},
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_session_new(request: HttpRequest) -> HttpResponse:
    deputy = _workspace_deputy(request)
    if request.method == "POST":
        form = SessionForm(request.POST, request.FILES, deputy=deputy)
        issues = IssueFormSet(request.POST, prefix="issues")
        if form.is_valid() and issues.is_valid():
            session = services.session_save(
                form=form, issues=issues, deputy=deputy, user=request.user
            )
            _audit_session(request, session, audit.Action.CREATE, form, issues)
            messages.success(request, _("The reception session has been logged."))
            return redirect(session)
        status = 400
    else:
        form = SessionForm(deputy=deputy, initial=_preselection(request, deputy))
        issues = IssueFormSet(prefix="issues")
        status = 200
    return _render_form(request, form, issues, None, status)


def _preselection(request, deputy) -> dict:
    """The venue from the deputy's station assignments. Only the deputy who logs
    the session is present to begin with: the station's other deputies are
    offered, each ticked only by the deputy who saw them there."""
    stations = Station.objects.for_deputy(deputy).order_by(
        "open_to_all_deputies", "ordering", "name"
    )
    station = stations.filter(slug=request.GET.get("station", "")).first()
    station = station or stations.filter(deputies=deputy).first() or stations.first()
    return {"station": station} if station else {}


def _audit_before(session, issues) -> dict:
    """What the audit trail needs from before an edit is saved: the deputies
    present, and the issue lines to delete, named while they have their pk."""
    return {
        "deputies": set(session.deputies.values_list("pk", flat=True)),
        "gone": [(f.instance, f.instance.pk) for f in issues.deleted_forms],
    }


def _audit_session(request, session, action, form, issues, before=None) -> None:
    """The audit trail of a session saved in the workspace and of its issue
    lines: field names only. An empty photo input is no change."""
    before = before or {"deputies": None, "gone": []}
    uploads = ("photos", "remove_photos")
    fields = [
        name
        for name in form.changed_data
        if name != "co_deputies"
        and (name not in uploads or form.cleaned_data.get(name))
    ]
    if _deputies_changed(form, before["deputies"]):
        fields.append("co_deputies")
    if action == audit.Action.CREATE or fields:
        audit.record_change(request, session, action, fields)
    added = {id(line) for line in issues.new_objects}
    for line_form in issues.forms:
        if id(line_form.instance) in added:
            audit.record_change(
                request, line_form.instance, audit.Action.CREATE, line_form.changed_data
            )
    for line, changed in issues.changed_objects:
        audit.record_change(request, line, audit.Action.CHANGE, changed)
    for line, pk in before["gone"]:
        if pk is not None:
            audit.record_change(request, line, audit.Action.DELETE, pk=pk)


def _deputies_changed(form, before) -> bool:
    """The deputies present, against those before the edit: the form knows
    them only when it is shown, so its changed_data cannot tell."""
    if before is None:  # a new session
        return "co_deputies" in form.changed_data
    present = {form.deputy.pk, *(d.pk for d in form.cleaned_data["co_deputies"])}
    return before != present


def _render_form(request, form, issues, session, status) -> HttpResponse:
    return render(
        request,
        "reception/my/session_form.html",
        {"form": form, "issues": issues, "session": session},
        status=status,
    )


@login_required
@require_GET
def my_session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    deputy, session, _locked_flag = _get_session_for_deputy(request, pk)
    return render(
        request,
        "reception/my/session_detail.html",
        {
            "session": session,
            "deputies": session.deputies.all(),
            "issues": _issues_with_items(session, deputy),
            "photos": session.photos.all(),
            "can_change": session.deputy_may_change(request.user),
        },
    )


def _issues_with_items(session, deputy) -> list:
    """The session's issue lines, each with `item`: the tracked suggestion made
    of it, or None, and `item_is_mine` when the deputy follows or raised it.

    A suggestion names its session (related name `suggestions`) and its issue
    line by uid; reading them through that relation keeps reception from
    importing the app built on it.
    """
    issues = list(session.issues.select_related("community"))
    related = getattr(session, "suggestions", None)
    items = {}
    if related is not None and issues:
        made = related.filter(session_issue_uid__in=[i.uid for i in issues])
        items = {
            s.session_issue_uid: s for s in made.select_related("following_deputy")
        }
    for issue in issues:
        issue.item = items.get(issue.uid)
        issue.item_is_mine = issue.item is not None and deputy.pk in (
            issue.item.raised_by_id,
            issue.item.following_deputy_id,
        )
    return issues


@login_required
@require_http_methods(["GET", "POST"])
def my_session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    deputy, session, locked = _get_session_for_deputy(request, pk, change=True)
    if locked:
        return _locked(request, session)
    if request.method == "POST":
        form = SessionEditForm(
            request.POST, request.FILES, instance=session, deputy=deputy
        )
        issues = IssueFormSet(request.POST, instance=session, prefix="issues")
        if form.is_valid() and issues.is_valid():
            before = _audit_before(session, issues)
            services.session_save(
                form=form, issues=issues, deputy=deputy, user=request.user
            )
            _audit_session(request, session, audit.Action.CHANGE, form, issues, before)
            messages.success(request, _("The changes have been saved."))
            return redirect(session)
        status = 400
    else:
        form = SessionEditForm(instance=session, deputy=deputy)
        issues = IssueFormSet(instance=session, prefix="issues")
        status = 200
    return _render_form(request, form, issues, session, status)


@login_required
@require_http_methods(["GET", "POST"])
def my_session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _deputy, session, locked = _get_session_for_deputy(request, pk, change=True)
    if locked:
        return _locked(request, session)
    if request.method == "POST":
        services.session_delete(session=session)
        audit.record_change(request, session, audit.Action.DELETE, pk=pk)
        messages.success(request, _("The reception session has been deleted."))
        return redirect("reception:my_sessions")
    return render(
        request, "reception/my/session_confirm_delete.html", {"session": session}
    )


# Session photos -------------------------------------------------------------


def _sees_every_session(user) -> bool:
    """Committee staff who may view reception sessions, and superusers."""
    return is_committee_staff(user) and user.has_perm("reception.view_receptionsession")


def get_session_photo_for(request: HttpRequest, pk: int) -> SessionPhoto:
    """The one access check for a session photo: committee staff, or a deputy
    of that session (another deputy gets 404, anybody else 403)."""
    queryset = SessionPhoto.objects.all()
    if not _sees_every_session(request.user):
        deputy = _workspace_deputy(request)
        queryset = queryset.filter(
            session__in=ReceptionSession.objects.for_deputy(deputy).values("pk")
        )
    return get_object_or_404(queryset, pk=pk)


@login_required
@require_GET
@never_cache
def session_photo(request: HttpRequest, pk: int) -> FileResponse:
    """A session photo, read through the media storage (folder or bucket)."""
    picture = get_session_photo_for(request, pk)
    kind = "png" if picture.image.name.endswith(".png") else "jpeg"
    try:
        stored = picture.image.open("rb")
    except OSError as exc:  # the row outlived its file
        raise Http404 from exc
    return FileResponse(stored, content_type=f"image/{kind}")
