"""This app's section of the public home page (see core/sections.py)."""

from .models import Article

HOME_ITEMS = 4


def section(request):
    """The latest published news, or None when nothing is published."""
    articles = list(
        Article.objects.published().only("title", "date", "is_profile_post")[
            :HOME_ITEMS
        ]
    )
    return {"articles": articles} if articles else None
