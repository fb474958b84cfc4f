"""This app's section of a deputy's public profile (see core/sections.py)."""

from .models import Article

PROFILE_ITEMS = 10


def section(deputy):
    """Published profile posts on the deputy, then other news featuring them."""
    articles = list(
        Article.objects.published()
        .featuring(deputy)
        .only("title", "date", "is_profile_post")
        .order_by("-is_profile_post", "-date", "-pk")[:PROFILE_ITEMS]
    )
    return {"deputy": deputy, "articles": articles} if articles else None
