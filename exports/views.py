from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.access import is_committee_staff

from .models import Export
from .style import XLSX_CONTENT_TYPE


def _export_for(request, pk) -> Export:
    """The one access rule: committee staff, and only their own exports."""
    if not is_committee_staff(request.user):
        raise PermissionDenied
    return get_object_or_404(Export.objects.for_user(request.user), pk=pk)


@login_required
@require_GET
@never_cache
def download(request: HttpRequest, pk: int) -> FileResponse:
    export = _export_for(request, pk)
    if not export.is_ready:
        raise Http404
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=export.filename(),
        content_type=XLSX_CONTENT_TYPE,
    )


@login_required
@require_GET
@never_cache
def progress(request: HttpRequest, pk: int) -> JsonResponse:
    export = _export_for(request, pk)
    return JsonResponse(
        {
            "status": export.status,
            "progress": export.progress,
            "download": export.get_absolute_url() if export.is_ready else None,
        }
    )
