import mimetypes
from functools import partial

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health
from .access import is_deputy
from .pagecache import public_page
from .sections import home_sections


@require_GET
@public_page("home")
def home(request: HttpRequest) -> HttpResponse:
    # A callable: the template runs it only when its cached content is stale.
    return render(request, "home.html", {"sections": partial(home_sections, request)})


@require_GET
@never_cache
@transaction.non_atomic_requests
def healthz(request: HttpRequest) -> JsonResponse:
    """Machine-readable health: 200 when every part is up and no scheduled job
    is overdue, 503 otherwise; `?scope=host` leaves the jobs out of the status."""
    body, status = health.report(jobs_count=request.GET.get("scope") != "host")
    return JsonResponse(body, status=status)


@login_required
@require_GET
def my_home(request: HttpRequest) -> HttpResponse:
    """The deputy workspace; staff use the admin instead."""
    if not is_deputy(request.user):
        raise PermissionDenied
    context = {
        "name": chinese_name(request.user),
        "records_items": is_serving_deputy(request.user),
    }
    return render(request, "my/home.html", context)


def is_serving_deputy(user) -> bool:
    """A login linked to a register entry whose service runs today: who may
    record a voter's item (suggestions.quick makes the same check)."""
    deputy = getattr(user, "deputy", None)
    if deputy is None:
        return False
    # The register's own definition of serving, through the record's manager.
    return type(deputy).objects.current().filter(pk=deputy.pk).exists()


def chinese_name(user) -> str:
    """A person's name as Chinese writes it: the deputy's name as registered,
    else family name then given name with no space, else the login name."""
    # The register's record, through its one-to-one link to the login.
    deputy = getattr(user, "deputy", None)
    if deputy is not None and deputy.name:
        return deputy.name
    return f"{user.last_name}{user.first_name}".strip() or user.get_username()


@require_GET
def public_media(request: HttpRequest, path: str) -> HttpResponse:
    """Public pictures, read through the media storage (a folder or the bucket).

    Served in development, and whenever media are in a private bucket
    (MEDIA_STORAGE=s3); residents' photos and generated files never.
    """
    if not path.startswith(settings.PUBLIC_MEDIA_PREFIXES) or ".." in path:
        raise Http404
    try:
        stored = default_storage.open(path, "rb")
    except OSError as exc:  # missing, in a folder or in the bucket
        raise Http404 from exc
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(stored, content_type=content_type)
    # Stored names are random and never reused: a picture never changes.
    response["Cache-Control"] = "public, max-age=86400"
    return response
