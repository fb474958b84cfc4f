"""Issues raised at reception sessions, tracked as suggestions from the admin.

The reception app keeps the sessions' admin and never imports this app, which
is built on it. This module adds to that admin what concerns suggestions: an
action that tracks the selected sessions' issue lines as suggestions, through
the same service as the deputy's workspace, and in each issue line the item
made of it.
"""

from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from deputies.models import Deputy
from reception import admin as reception_admin
from reception.models import ReceptionSession

from ..models import Suggestion
from ..services import intake


def deputy_for_session(session):
    """Who raises and follows an item made of the session's issue in the
    admin: the deputy who logged the session, else its only deputy present,
    else nobody (staff name one when they accept it)."""
    present = list(session.deputies.all()[:2])
    logger = next((d for d in present if d.user_id == session.created_by_id), None)
    if logger is None and session.created_by_id:
        logger = Deputy.objects.filter(
            user_id=session.created_by_id, reception_sessions=session
        ).first()
    return logger or (present[0] if len(present) == 1 else None)


def track_issues(request, sessions) -> tuple[list[Suggestion], int]:
    """Make a suggestion of every issue line of the sessions not yet tracked.
    Returns the new items and how many lines were tracked already."""
    made, already = [], 0
    suggestion_admin = admin.site._registry[Suggestion]
    for session in sessions.prefetch_related("issues__community", "deputies"):
        deputy = deputy_for_session(session)
        for issue in session.issues.all():
            suggestion, created = intake.suggestion_from_session_issue(
                session=session,
                issue=issue,
                deputy=deputy,
                user=request.user,
                **intake.session_issue_defaults(issue),
            )
            if not created:
                already += 1
                continue
            made.append(suggestion)
            # The admin's change log, which the audit trail mirrors.
            suggestion_admin.log_addition(request, suggestion, [{"added": {}}])
    return made, already


@admin.action(description=_("Track the issues of the selected sessions as suggestions"))
def track_session_issues(modeladmin, request, queryset):
    if not request.user.has_perm("suggestions.add_suggestion"):
        modeladmin.message_user(
            request,
            _("You may not enter suggestions: ask for the permission to add them."),
            messages.ERROR,
        )
        return None
    made, already = track_issues(request, queryset)
    if made:
        modeladmin.message_user(
            request,
            ngettext(
                "%(n)d issue is now a tracked suggestion.",
                "%(n)d issues are now tracked suggestions.",
                len(made),
            )
            % {"n": len(made)},
            messages.SUCCESS,
        )
    if already or not made:
        modeladmin.message_user(
            request,
            ngettext(
                "%(n)d issue was tracked already.",
                "%(n)d issues were tracked already.",
                already,
            )
            % {"n": already},
            messages.INFO,
        )
    return None


class TrackedSessionIssueInline(reception_admin.SessionIssueInline):
    """The session's issue lines, each with the suggestion made of it."""

    base = reception_admin.SessionIssueInline
    fields = [*base.fields, "tracked_as"]
    readonly_fields = [*base.readonly_fields, "tracked_as"]

    def get_queryset(self, request):
        made = Suggestion.objects.filter(session_issue_uid=OuterRef("uid"))
        return (
            super()
            .get_queryset(request)
            .annotate(
                item_pk=Subquery(made.values("pk")[:1]),
                item_code=Subquery(made.values("tracking_code")[:1]),
            )
        )

    @admin.display(description=_("tracked as"))
    def tracked_as(self, obj):
        if not getattr(obj, "item_pk", None):
            return _("not yet tracked")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:suggestions_suggestion_change", args=[obj.item_pk]),
            obj.item_code,
        )


def extend_session_admin(site=admin.site) -> None:
    """Add the action and the tracked column to the registered session admin."""
    session_admin = site._registry.get(ReceptionSession)
    if session_admin is None:
        return
    if track_session_issues not in session_admin.actions:
        session_admin.actions = [*session_admin.actions, track_session_issues]
    session_admin.inlines = [
        TrackedSessionIssueInline
        if inline is reception_admin.SessionIssueInline
        else inline
        for inline in session_admin.inlines
    ]


extend_session_admin()
