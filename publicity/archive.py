"""This app's section of a deputy's duty archive (see core/sections.py)."""

from django.db.models import Prefetch

from .models import Article, Submission


def section(deputy, year):
    """Every article featuring the deputy in the year (or the whole term), with
    where it appeared; the archive is not public, so unpublished articles count.
    """
    articles = Article.objects.featuring(deputy).prefetch_related(
        Prefetch(
            "submissions",
            queryset=Submission.objects.accepted().select_related("outlet"),
            to_attr="appearances",
        )
    )
    if year is not None:
        articles = articles.in_year(year)
    articles = list(articles.order_by("date", "pk"))
    if not articles:
        return None
    return {
        "deputy": deputy,
        "year": year,
        "articles": articles,
        "profile_posts": sum(1 for a in articles if a.is_profile_post),
    }
