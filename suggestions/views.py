from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from core.access import is_committee_staff, is_deputy
from deputies.access import deputy_for
from security import audit

from . import (
    form_shell,
    notice_views,
    public_form_parts,
    ratelimit,
    submission_tokens,
    tracking,
)
from .forms import (
    FollowUpForm,
    RatingForm,
    SessionIssueSuggestionForm,
    SuggestionForm,
    TrackForm,
)
from .models import (
    PRIVACY_NOTICE_VERSION,
    Escalation,
    EscalationFollowUp,
    Reply,
    Suggestion,
    SuggestionPhoto,
    TimelineEntry,
)
from .services import following, intake, ratings

DONE_KEY = "suggestions:done"
TRACKED_KEY = "suggestions:tracked"


def _too_many(request, message) -> HttpResponse:
    return render(
        request, "suggestions/rate_limited.html", {"message": message}, status=429
    )


# Public form -----------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        initial = public_form_parts.poster_initial(request.GET)
        return _suggest_page(request, SuggestionForm(initial=initial))
    form = SuggestionForm(request.POST, request.FILES)
    if form.wants_new_challenge:
        # A new sum asked for without the form's script: no submission, no limit.
        return _suggest_page(request, form)
    already = _already_submitted(request.POST.get("token"))
    if already:
        return _done(request, already)
    if not ratelimit.hit("submit-ip", ratelimit.client_address(request)):
        return _too_many(request, _("Too many submissions from this network."))
    if not form.is_valid():
        return _suggest_page(request, form, status=400)
    if not ratelimit.hit("submit-phone", form.cleaned_data["phone"]):
        return _too_many(request, _("Too many submissions with this phone number."))
    suggestion = intake.suggestion_create(
        suggestion=form.build(PRIVACY_NOTICE_VERSION),
        photos=form.cleaned_data["photos"],
        actor=request.user,
        note=public_form_parts.poster_note(**form.cleaned_data),
    )
    return _done(request, suggestion)


def _suggest_page(request, form, status=200):
    station, deputy = form.poster_origin()
    context = {
        "form": form,
        "privacy_version": PRIVACY_NOTICE_VERSION,
        "poster_station": station,
        "poster_deputy": deputy,
    }
    page = form_shell.shell_page(request, form, context) if status == 200 else None
    if page is not None:
        return page
    return render(request, "suggestions/suggest.html", context, status=status)


def _already_submitted(token):
    """The item a form sent before made, found only by a token the portal signed."""
    token = submission_tokens.verify(token)
    if token is None:
        return None
    return Suggestion.objects.filter(submission_token=token).first()


def _done(request, suggestion):
    request.session[DONE_KEY] = suggestion.tracking_code
    return redirect("suggestions:suggest_done")


@never_cache
def suggest_done(request: HttpRequest) -> HttpResponse:
    code = request.session.get(DONE_KEY)
    if not code:
        return redirect("suggestions:suggest")
    return render(request, "suggestions/suggest_done.html", {"code": code})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request, "suggestions/privacy.html", {"privacy_version": PRIVACY_NOTICE_VERSION}
    )


# Tracking --------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "suggestions/track.html", {"form": TrackForm()})
    if not ratelimit.hit("track-ip", ratelimit.client_address(request)):
        return _too_many(request, _("Too many look-ups from this network."))
    form = TrackForm(request.POST)
    if not form.is_valid():
        return render(request, "suggestions/track.html", {"form": form}, status=400)
    outcome, suggestion = tracking.look_up(**form.cleaned_data, request=request)
    if outcome is tracking.Outcome.LOCKED:
        form.add_error(None, tracking.locked_message())
        return render(request, "suggestions/track.html", {"form": form}, status=429)
    if outcome is tracking.Outcome.NO_MATCH:
        form.add_error(None, tracking.no_match_message())
        return render(request, "suggestions/track.html", {"form": form}, status=400)
    request.session[TRACKED_KEY] = suggestion.pk
    return redirect("suggestions:track_result")


def _tracked_suggestion(request):
    pk = request.session.get(TRACKED_KEY)
    if not pk:
        return None
    return (
        Suggestion.objects.select_related("category", "community", "handling_unit")
        .prefetch_related(
            Prefetch(
                "timeline",
                queryset=TimelineEntry.objects.filter(public=True),
                to_attr="public_timeline",
            ),
            Prefetch("replies", queryset=Reply.objects.select_related("rating")),
            Prefetch(
                "escalations",
                queryset=Escalation.objects.select_related(
                    "city_deputy"
                ).prefetch_related(
                    Prefetch(
                        "follow_ups",
                        queryset=EscalationFollowUp.objects.filter(public=True),
                        to_attr="public_follow_ups",
                    )
                ),
            ),
        )
        .filter(pk=pk)
        .first()
    )


@never_cache
def track_result(request: HttpRequest, rating_form=None, status=200) -> HttpResponse:
    suggestion = _tracked_suggestion(request)
    if suggestion is None:
        return redirect("suggestions:track")
    replies = list(suggestion.replies.all())
    unrated = bool(replies) and not hasattr(replies[-1], "rating")
    can_rate = unrated and ratings.rating_open(suggestion)
    context = {
        "suggestion": suggestion,
        "replies": replies,
        "rating_form": (rating_form or RatingForm()) if can_rate else None,
        "rating_closes_at": ratings.rating_closes_at(suggestion) if can_rate else None,
        "rating_has_closed": unrated and ratings.rating_has_closed(suggestion),
        "notices_stopped": request.session.pop(notice_views.STOPPED_KEY, False),
    }
    return render(request, "suggestions/track_result.html", context, status=status)


@require_POST
def track_rate(request: HttpRequest) -> HttpResponse:
    suggestion = _tracked_suggestion(request)
    if suggestion is None:
        return redirect("suggestions:track")
    if not ratelimit.hit("rate-ip", ratelimit.client_address(request)):
        return _too_many(request, _("Too many ratings from this network."))
    form = RatingForm(request.POST)
    if not form.is_valid():
        return track_result(request, rating_form=form, status=400)
    try:
        ratings.suggestion_rate(suggestion=suggestion, **form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, exc)
        return track_result(request, rating_form=form, status=400)
    return redirect("suggestions:track_result")


# Deputy workspace ------------------------------------------------------------


def _deputy_or_403(request):
    deputy = deputy_for(request.user) if is_deputy(request.user) else None
    if deputy is None:
        raise PermissionDenied
    return deputy


def get_suggestion_for_deputy(request, pk) -> Suggestion:
    """The one access check for a deputy's view of a suggestion."""
    deputy = _deputy_or_403(request)
    queryset = Suggestion.objects.for_deputy(deputy).select_related(
        "category", "community", "handling_unit", "following_deputy", "raised_by"
    )
    return get_object_or_404(queryset, pk=pk)


def get_photo_for(request, pk) -> SuggestionPhoto:
    """The one access check for a resident's photo: committee staff, or a
    deputy who follows the suggestion (another deputy gets 404)."""
    queryset = SuggestionPhoto.objects.all()
    if not is_committee_staff(request.user):
        deputy = _deputy_or_403(request)
        queryset = queryset.filter(
            suggestion__in=Suggestion.objects.for_deputy(deputy).values("pk")
        )
    return get_object_or_404(queryset, pk=pk)


@login_required
@require_GET
@never_cache
def photo(request: HttpRequest, pk: int) -> FileResponse:
    """A resident's photo, read through the media storage (folder or bucket)."""
    picture = get_photo_for(request, pk)
    kind = "png" if picture.image.name.endswith(".png") else "jpeg"
    return FileResponse(picture.image.open("rb"), content_type=f"image/{kind}")


@login_required
def my_suggestions(request: HttpRequest) -> HttpResponse:
    deputy = _deputy_or_403(request)
    queryset = (
        Suggestion.objects.for_deputy(deputy)
        .select_related("category", "community", "handling_unit")
        .order_by("-received_at")
    )
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    notices = request.user.suggestion_notifications.unread().select_related(
        "suggestion"
    )[:10]
    return render(
        request,
        "suggestions/my_list.html",
        {"deputy": deputy, "page": page, "notices": notices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_suggestion(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = get_suggestion_for_deputy(request, pk)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return _my_detail(request, suggestion, form, status=400)
        entry = following.suggestion_follow_up(
            suggestion=suggestion, actor=request.user, **form.cleaned_data
        )
        audit.record_change(request, entry, audit.Action.CREATE, form.changed_data)
        return redirect(suggestion)
    request.user.suggestion_notifications.unread().filter(suggestion=suggestion).update(
        read_at=timezone.now()
    )
    return _my_detail(request, suggestion, form)


def _my_detail(request, suggestion, form, status=200):
    context = {
        "suggestion": suggestion,
        "timeline": suggestion.timeline.select_related("actor"),
        "replies": suggestion.replies.all(),
        "escalations": suggestion.escalations.select_related(
            "city_deputy"
        ).prefetch_related("follow_ups"),
        "form": form,
    }
    return render(request, "suggestions/my_detail.html", context, status=status)


# Reception session issues -------------------------------------------------------


def get_session_issue_for_deputy(request, session_id, issue_uid):
    """A deputy reaches only issues of sessions they took part in (404 otherwise)."""
    from reception.models import ReceptionSession

    deputy = _deputy_or_403(request)
    session = get_object_or_404(
        ReceptionSession.objects.for_deputy(deputy), pk=session_id
    )
    issue = get_object_or_404(session.issues.select_related("community"), uid=issue_uid)
    return deputy, session, issue


@login_required
@require_http_methods(["GET", "POST"])
def from_session_issue(
    request: HttpRequest, session_id: int, issue_uid
) -> HttpResponse:
    deputy, session, issue = get_session_issue_for_deputy(
        request, session_id, issue_uid
    )
    existing = Suggestion.objects.filter(session_issue_uid=issue.uid).first()
    if existing:
        messages.info(request, _("This issue is already a tracked suggestion."))
        return redirect(existing)
    initial = intake.session_issue_defaults(issue)
    form = SessionIssueSuggestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        suggestion, created = intake.suggestion_from_session_issue(
            session=session,
            issue=issue,
            deputy=deputy,
            user=request.user,
            **form.cleaned_data,
        )
        if created:
            audit.record_change(
                request, suggestion, audit.Action.CREATE, form.changed_data
            )
        messages.success(
            request,
            _("Tracked as %(code)s.") % {"code": suggestion.tracking_code},
        )
        return redirect(suggestion)
    context = {"form": form, "session": session, "issue": issue}
    status = 400 if request.method == "POST" else 200
    return render(
        request, "suggestions/from_session_issue.html", context, status=status
    )
