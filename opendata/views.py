from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import builder


def _stored_zip() -> str:
    # Built on first request if the nightly task has not run yet.
    if not default_storage.exists(builder.ZIP_NAME):
        builder.regenerate()
    return builder.ZIP_NAME


@require_GET
def page(request: HttpRequest) -> HttpResponse:
    name = _stored_zip()
    context = {
        "datasets": builder.DATASETS,
        "generated_at": timezone.localtime(default_storage.get_modified_time(name)),
        "size_kb": max(default_storage.size(name) // 1024, 1),
    }
    return render(request, "opendata/page.html", context)


@require_GET
def download(request: HttpRequest) -> FileResponse:
    response = FileResponse(
        default_storage.open(_stored_zip(), "rb"),
        as_attachment=True,
        filename="ziyang-open-data.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
