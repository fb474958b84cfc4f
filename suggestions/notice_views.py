"""Residents stopping the notices of their item: on the tracking page after
the digits check, or from the signed link in each e-mail."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import delivery_notices, ratelimit
from .models import Suggestion
from .services import resident_notices

TRACKED_KEY = "suggestions:tracked"
STOPPED_KEY = "suggestions:notices_stopped"


@require_POST
def track_notices_stop(request: HttpRequest) -> HttpResponse:
    """Stop the notices of the item looked up in this session."""
    pk = request.session.get(TRACKED_KEY)
    suggestion = Suggestion.objects.filter(pk=pk).first() if pk else None
    if suggestion is None:
        return redirect("suggestions:track")
    resident_notices.notices_stop(suggestion=suggestion)
    request.session[STOPPED_KEY] = True
    return redirect("suggestions:track_result")


@never_cache
@require_http_methods(["GET", "POST"])
def notices_stop(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mail's link: a page to confirm (a GET never changes anything, so a
    mail scanner opening the link stops nothing), then the POST stops them."""
    if not ratelimit.hit("notice-stop-ip", ratelimit.client_address(request)):
        return render(
            request,
            "suggestions/rate_limited.html",
            {"message": _("Too many requests from this network.")},
            status=429,
        )
    suggestion = delivery_notices.suggestion_for_stop_token(token)
    if suggestion is None:
        context = {"invalid": True}
        return render(request, "suggestions/notices_stop.html", context, status=404)
    stopped = False
    if request.method == "POST":
        resident_notices.notices_stop(suggestion=suggestion)
        stopped = True
    context = {
        "code": suggestion.tracking_code,
        "stopped": stopped,
        "active": bool(suggestion.notice_channel),
    }
    return render(request, "suggestions/notices_stop.html", context)
