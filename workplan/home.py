"""This app's section of the public home page (see core/sections.py)."""

from django.utils import timezone

from .models import KeyWork
from .selectors import key_work_progress


def showcase_year(today=None) -> int | None:
    """This year if a public key work runs in it, else the latest year before."""
    today = today or timezone.localdate()
    public = KeyWork.objects.public()
    if public.running_in(today.year).exists():
        return today.year
    return (
        public.filter(start_year__lte=today.year)
        .order_by("-start_year")
        .values_list("start_year", flat=True)
        .first()
    )


def section(request):
    """The year's public key works, title and progress only; None when none."""
    year = showcase_year()
    if year is None:
        return None
    key_works = key_work_progress(
        KeyWork.objects.public()
        .running_in(year)
        .only("title", "status", "start_year", "end_year")
        .order_by("ordering", "title")
    )
    return {"year": year, "key_works": key_works} if key_works else None
