from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from .access import is_deputy
from .health import run_checks
from .sections import home_sections


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"sections": home_sections(request)})


@require_GET
@never_cache
@transaction.non_atomic_requests
def healthz(request: HttpRequest) -> JsonResponse:
    """Machine-readable health: 200 when every part is up, 503 otherwise."""
    checks = run_checks()
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "checks": checks},
        status=200 if healthy else 503,
    )


@login_required
@require_GET
def my_home(request: HttpRequest) -> HttpResponse:
    """The deputy workspace; staff use the admin instead."""
    if not is_deputy(request.user):
        raise PermissionDenied
    return render(request, "my/home.html")


@require_GET
def public_media(request: HttpRequest, path: str) -> HttpResponse:
    """Public pictures in development; residents' photos and files never."""
    if not path.startswith(settings.PUBLIC_MEDIA_PREFIXES) or ".." in path:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
