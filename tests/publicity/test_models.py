"""Rules that hold in the database, not only in a form."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from publicity.models import Article, ArticleImage, Outlet, Submission

from .factories import ArticleFactory, OutletFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def test_an_article_goes_to_one_outlet_once():
    submission = SubmissionFactory()
    with pytest.raises(IntegrityError):
        Submission.objects.create(
            article=submission.article,
            outlet=submission.outlet,
            sent_on=submission.sent_on,
        )


def test_one_article_may_be_accepted_by_several_outlets():
    article = ArticleFactory(date=datetime.date(2018, 4, 1))
    for name in ("区内网", "区人大网站", "市人大网站"):
        SubmissionFactory(
            article=article, outlet=OutletFactory(name=name), accepted=True
        )
    assert Article.objects.submitted_in(2018).count() == 1
    assert sum(Submission.objects.accepted_by_outlet(2018).values()) == 3


def test_an_acceptance_without_a_date_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        SubmissionFactory(accepted=True, accepted_on=None)


def test_an_acceptance_before_the_sending_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        SubmissionFactory(
            sent_on=datetime.date(2018, 5, 1),
            accepted=True,
            accepted_on=datetime.date(2018, 4, 1),
        )


def test_submission_validation_explains_the_dates():
    submission = SubmissionFactory.build(
        article=ArticleFactory(),
        outlet=OutletFactory(),
        accepted=False,
        accepted_on=datetime.date(2018, 5, 1),
    )
    with pytest.raises(ValidationError) as excinfo:
        submission.full_clean()
    assert "accepted" in excinfo.value.message_dict


def test_a_cover_without_a_description_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        ArticleFactory(cover="publicity/covers/x.jpg", cover_alt="")


def test_a_gallery_picture_without_a_description_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        ArticleImage.objects.create(
            article=ArticleFactory(), image="publicity/gallery/x.jpg", alt_text=""
        )


def test_posts_on_own_channels_are_not_submissions():
    wechat = OutletFactory(
        name="紫阳微邻里", kind=Outlet.Kind.WECHAT, is_own_channel=True
    )
    post = ArticleFactory(is_profile_post=True, date=datetime.date(2018, 3, 1))
    SubmissionFactory(article=post, outlet=wechat, accepted=True)
    assert not Article.objects.submitted_in(2018).exists()
    assert list(Article.objects.posted_on_own_channel_in(2018)) == [post]
    assert Submission.objects.accepted_by_outlet(2018) == {}


def test_a_submission_belongs_to_the_year_it_was_sent():
    article = ArticleFactory(date=datetime.date(2018, 12, 28))
    SubmissionFactory(
        article=article,
        outlet=OutletFactory(name="《长江日报》"),
        sent_on=datetime.date(2018, 12, 29),
        accepted=True,
        accepted_on=datetime.date(2019, 1, 3),
    )
    assert Submission.objects.accepted_by_outlet(2018) == {"《长江日报》": 1}
    assert Submission.objects.accepted_by_outlet(2019) == {}


def test_teaser_uses_the_summary_or_the_start_of_the_body():
    assert ArticleFactory.build(summary="摘要", body="正文").teaser() == "摘要"
    long = ArticleFactory.build(summary="", body="字" * 300).teaser()
    assert len(long) == 120 and long.endswith("…")


def test_placement_reads_like_a_citation():
    submission = SubmissionFactory.build(issue="2018年第5期", page="3")
    assert submission.placement() == "2018年第5期 第3版"
