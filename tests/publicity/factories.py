import datetime

import factory
from factory.django import DjangoModelFactory

from publicity.models import Article, ArticleImage, Outlet, Submission


class OutletFactory(DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"示例媒体{n}")
    level = Outlet.Level.DISTRICT
    kind = Outlet.Kind.WEBSITE


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"示例新闻{n}")
    body = "代表走进社区,听取居民意见。\n\n第二段内容。"
    authors = "示例通讯员"
    date = factory.Sequence(
        lambda n: datetime.date(2018, 1, 1) + datetime.timedelta(days=n % 365)
    )
    is_published = True

    @factory.post_generation
    def deputies(self, create, extracted, **kwargs):
        if create and extracted:
            self.deputies.set(extracted)


class ArticleImageFactory(DjangoModelFactory):
    class Meta:
        model = ArticleImage

    article = factory.SubFactory(ArticleFactory)
    image = factory.django.ImageField(filename="photo.jpg", width=40, height=30)
    alt_text = "代表在接待站与居民交谈"


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        model = Submission

    article = factory.SubFactory(ArticleFactory)
    outlet = factory.SubFactory(OutletFactory)
    sent_on = factory.LazyAttribute(lambda o: o.article.date)
    accepted = False
    accepted_on = factory.LazyAttribute(
        lambda o: o.sent_on + datetime.timedelta(days=3) if o.accepted else None
    )
