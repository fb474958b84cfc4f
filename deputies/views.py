from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.pagecache import public_page
from core.sections import profile_sections

from .forms import DirectoryFilterForm
from .models import ActivityPhoto, Deputy, DutyActivity

PAGE_SIZE = 12
RECENT_ACTIVITIES = 12


@require_GET
@public_page("deputies")
def deputy_list(request: HttpRequest) -> HttpResponse:
    """The public directory: current deputies, filtered and paginated."""
    form = DirectoryFilterForm(request.GET or None)
    deputies = Deputy.objects.current().select_related("constituency", "community")
    status = 200
    if form.is_bound:
        if form.is_valid():
            deputies = form.filter(deputies)
        else:
            deputies, status = deputies.none(), 400
    page = Paginator(deputies, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "deputies/deputy_list.html", context, status=status)


@require_GET
@public_page("deputy")
def deputy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A deputy's public profile: no private field is ever in its context."""
    deputy = get_object_or_404(
        Deputy.objects.select_related("constituency", "community"), pk=pk
    )
    activities = (
        DutyActivity.objects.public()
        .attended_by(deputy)
        .exclude(kind=DutyActivity.Kind.BRIEFING)
        .prefetch_related(Prefetch("photos", queryset=ActivityPhoto.objects.all()))
        .order_by("-date")[:RECENT_ACTIVITIES]
    )
    context = {
        "deputy": deputy,
        "activities": activities,
        "sections": profile_sections(deputy),
    }
    return render(request, "deputies/deputy_detail.html", context)
