"""The yearly table of submissions and acceptances, read by the admin and export."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from .models import Article, Outlet, Submission


@dataclass
class LevelRow:
    level: str
    label: str
    submitted: int = 0
    accepted: int = 0


@dataclass
class YearlyTable:
    year: int
    outlets: list = field(default_factory=list)
    levels: list = field(default_factory=list)
    articles_submitted: int = 0
    submissions: int = 0
    acceptances: int = 0
    own_channel_posts: int = 0
    profile_posts: int = 0


def latest_year() -> int:
    """The latest year with a submission, or the current year."""
    last = Submission.objects.order_by("-sent_on").values_list("sent_on", flat=True)
    first = last.first()
    return first.year if first else timezone.localdate().year


def yearly_table(year: int) -> YearlyTable:
    """Submissions and acceptances of the year by outlet and by outlet level.

    Outlets with nothing in the year are left out; a submission belongs to the
    year it was sent, with its acceptance, as the work report counts them.
    """
    outlets = [
        o
        for o in Outlet.objects.with_counts(year).order_by(
            "is_own_channel", "ordering", "name"
        )
        if o.submitted
    ]
    by_level = {
        row["outlet__level"]: row
        for row in Submission.objects.submitted_in(year)
        .values("outlet__level")
        .annotate(submitted=Count("pk"), accepted=Count("pk", filter=Q(accepted=True)))
        .order_by()
    }
    levels = [
        LevelRow(
            level,
            label,
            by_level.get(level, {}).get("submitted", 0),
            by_level.get(level, {}).get("accepted", 0),
        )
        for level, label in Outlet.Level.choices
    ]
    own_posts = Article.objects.posted_on_own_channel_in(year)
    return YearlyTable(
        year=year,
        outlets=outlets,
        levels=levels,
        articles_submitted=Article.objects.submitted_in(year).count(),
        submissions=sum(row.submitted for row in levels),
        acceptances=sum(row.accepted for row in levels),
        own_channel_posts=own_posts.count(),
        profile_posts=own_posts.profile_posts().count(),
    )
