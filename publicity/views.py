from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from core.pagecache import public_page
from reception.models import ReceptionSession

from .models import Article

NEWS_PER_PAGE = 10


def get_published_article(pk: int) -> Article:
    """The one way to reach an article publicly: 404 unless it is published."""
    return get_object_or_404(
        Article.objects.published().prefetch_related(
            "images",
            "deputies",
            "activities",
            Prefetch(
                "sessions",
                queryset=ReceptionSession.objects.select_related("station"),
            ),
        ),
        pk=pk,
    )


class NewsListView(ListView):
    template_name = "publicity/news_list.html"
    context_object_name = "articles"
    paginate_by = NEWS_PER_PAGE
    http_method_names = ["get", "head"]
    profiles_only = False

    def get_queryset(self):
        articles = Article.objects.published().only(
            "title", "summary", "body", "date", "cover", "cover_alt", "is_profile_post"
        )
        return articles.profile_posts() if self.profiles_only else articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(profiles_only=self.profiles_only, **kwargs)


news_list = public_page("news")(NewsListView.as_view())
profile_list = public_page("profiles")(NewsListView.as_view(profiles_only=True))


@require_safe
@public_page("article")
def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_published_article(pk)
    appearances = (
        article.submissions.filter(accepted=True, outlet__is_own_channel=False)
        .select_related("outlet")
        .order_by("outlet__ordering", "outlet__name")
    )
    return render(
        request,
        "publicity/news_detail.html",
        {"article": article, "appearances": appearances},
    )
