import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from .models import Article

FEED_ITEMS = 20


class NewsFeed(Feed):
    """RSS 2.0 feed of the latest published articles."""

    feed_type = Rss201rev2Feed
    title = _("Ziyang Street people's congress news")
    link = reverse_lazy("publicity:news_list")
    description = _(
        "News of the Ziyang Street people's congress working committee and its "
        "deputies."
    )

    def items(self):
        return Article.objects.published()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html()

    def item_author_name(self, item):
        return item.authors

    def item_pubdate(self, item):
        # Articles carry a date only; midnight in the portal's zone keeps the
        # day right for readers in China.
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time())
        )

    def item_updateddate(self, item):
        return item.updated_at
