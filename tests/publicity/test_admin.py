"""Staff keep articles, their submissions and pictures in the admin."""

import pytest

from publicity.models import Article, ArticleImage, Submission
from tests.deputies.factories import DutyActivityFactory
from tests.factories import DeputyFactory
from tests.reception.factories import ReceptionSessionFactory
from tests.utils import assert_constant_queries

from . import images
from .factories import ArticleFactory, OutletFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/publicity/article/"
ADD = "/admin/publicity/article/add/"


def _article_post(**overrides):
    data = {
        "title": "代表走访困难家庭",
        "authors": "示例通讯员",
        "date": "2018-04-18",
        "summary": "",
        "body": "代表们走访了困难家庭。",
        "cover_alt": "",
        "is_published": "on",
        "submissions-TOTAL_FORMS": "0",
        "submissions-INITIAL_FORMS": "0",
        "submissions-MIN_NUM_FORMS": "0",
        "submissions-MAX_NUM_FORMS": "1000",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_staff_open_the_article_changelist(staff_client):
    SubmissionFactory(article=ArticleFactory(title="代表进站接待"), accepted=True)
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "选择 稿件 来修改" in html
    assert "代表进站接待" in html


@pytest.mark.parametrize("persona", ["client", "resident_client", "deputy_client"])
def test_non_staff_are_sent_to_the_login_page(request, persona):
    response = request.getfixturevalue(persona).get(CHANGELIST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_changelist_query_count_does_not_grow_with_articles(staff_client):
    def add(n):
        for _ in range(n):
            article = ArticleFactory(deputies=[DeputyFactory()])
            SubmissionFactory(article=article, accepted=True)
            SubmissionFactory(article=article)

    assert_constant_queries(lambda: staff_client.get(CHANGELIST), add)


def test_changelist_search_and_filters_work(staff_client):
    outlet = OutletFactory(name="区人大网站")
    SubmissionFactory(article=ArticleFactory(title="巡司河治理"), outlet=outlet)
    ArticleFactory(title="紫阳湖水质")
    html = staff_client.get(CHANGELIST, {"q": "巡司河"}).content.decode()
    assert "巡司河治理" in html and "紫阳湖水质" not in html
    html = staff_client.get(CHANGELIST, {"outlet": outlet.pk}).content.decode()
    assert "巡司河治理" in html and "紫阳湖水质" not in html
    html = staff_client.get(CHANGELIST, {"is_profile_post__exact": "1"}).content
    assert "巡司河治理" not in html.decode()


def test_submission_changelist_query_count_does_not_grow(staff_client):
    assert_constant_queries(
        lambda: staff_client.get("/admin/publicity/submission/"),
        lambda n: SubmissionFactory.create_batch(n, accepted=True),
    )


def test_staff_add_an_article_with_submissions_and_a_picture(staff_client):
    city = OutletFactory(name="市人大网站")
    district = OutletFactory(name="区人大网站")
    data = _article_post(
        **{
            "submissions-TOTAL_FORMS": "2",
            "submissions-0-outlet": city.pk,
            "submissions-0-sent_on": "2018-04-19",
            "submissions-0-accepted": "on",
            "submissions-0-accepted_on": "2018-04-25",
            "submissions-0-url": "https://example.org/a/1",
            "submissions-1-outlet": district.pk,
            "submissions-1-sent_on": "2018-04-19",
            "images-TOTAL_FORMS": "1",
            "images-0-image": images.jpeg(),
            "images-0-alt_text": "代表入户走访",
            "images-0-ordering": "0",
        }
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.submissions.count() == 2
    assert article.submissions.get(outlet=city).accepted
    picture = ArticleImage.objects.get()
    # The pipeline gave the picture a server-made name.
    assert picture.image.name.startswith("publicity/gallery/")
    assert "photo" not in picture.image.name


def test_an_article_sent_twice_to_one_outlet_is_refused(staff_client):
    outlet = OutletFactory()
    row = {"outlet": outlet.pk, "sent_on": "2018-04-19"}
    data = _article_post(
        **{"submissions-TOTAL_FORMS": "2"},
        **{f"submissions-{i}-{k}": v for i in (0, 1) for k, v in row.items()},
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 400
    assert not Article.objects.exists()


def test_an_acceptance_needs_its_date_and_cannot_precede_the_sending(staff_client):
    outlet = OutletFactory()
    data = _article_post(
        **{
            "submissions-TOTAL_FORMS": "1",
            "submissions-0-outlet": outlet.pk,
            "submissions-0-sent_on": "2018-04-19",
            "submissions-0-accepted": "on",
        }
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 400
    assert "请填写录用日期" in response.content.decode()
    data["submissions-0-accepted_on"] = "2018-04-01"
    response = staff_client.post(ADD, data)
    assert response.status_code == 400
    assert "录用日期不能早于投稿日期" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_profile_post_must_feature_a_deputy(staff_client):
    response = staff_client.post(ADD, _article_post(is_profile_post="on"))
    assert response.status_code == 400
    assert "至少选择一名代表" in response.content.decode()
    deputy = DeputyFactory()
    response = staff_client.post(
        ADD, _article_post(is_profile_post="on", deputies=[deputy.pk])
    )
    assert response.status_code == 302
    assert Article.objects.get().deputies.get() == deputy


def test_a_cover_needs_a_description(staff_client):
    response = staff_client.post(ADD, _article_post(cover=images.jpeg()))
    assert response.status_code == 400
    assert "请描述" in response.content.decode()
    assert not Article.objects.exists()


def test_a_gallery_picture_needs_a_description(staff_client):
    data = _article_post(**{"images-TOTAL_FORMS": "1", "images-0-image": images.jpeg()})
    response = staff_client.post(ADD, data)
    assert response.status_code == 400
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (images.not_an_image, "不是 JPEG"),
        (images.bomb, "8000"),
        (images.oversized, "10 MB"),
    ],
)
def test_bad_pictures_are_refused_like_every_upload(staff_client, payload, message):
    for field in ("cover", "gallery"):
        if field == "cover":
            data = _article_post(cover=payload(), cover_alt="示例")
        else:
            data = _article_post(
                **{
                    "images-TOTAL_FORMS": "1",
                    "images-0-image": payload(),
                    "images-0-alt_text": "示例",
                }
            )
        response = staff_client.post(ADD, data)
        assert response.status_code == 400, field
        assert message in response.content.decode(), field
    assert not Article.objects.exists()
    assert not ArticleImage.objects.exists()


def test_publish_and_withdraw_actions(staff_client):
    article = ArticleFactory(is_published=False)
    staff_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.is_published
    staff_client.post(
        CHANGELIST, {"action": "unpublish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert not article.is_published


def test_staff_configure_outlets(staff_client):
    response = staff_client.post(
        "/admin/publicity/outlet/add/",
        {
            "name": "《楚天都市报》",
            "level": "province",
            "kind": "newspaper",
            "is_active": "on",
            "ordering": "3",
        },
    )
    assert response.status_code == 302
    response = staff_client.post(
        "/admin/publicity/outlet/add/",
        {"name": "无级别", "level": "galaxy", "kind": "newspaper", "ordering": "0"},
    )
    assert response.status_code == 400


def test_the_change_form_previews_the_body_as_readers_see_it(staff_client):
    article = ArticleFactory(body="**要点**\n\n<script>alert(1)</script>")
    html = staff_client.get(f"/admin/publicity/article/{article.pk}/change/").content
    html = html.decode()
    assert "<strong>要点</strong>" in html
    assert "<script>alert(1)</script>" not in html


def test_the_submission_list_links_the_yearly_table(staff_client):
    html = staff_client.get("/admin/publicity/submission/").content.decode()
    assert 'href="/admin/publicity/submission/yearly/"' in html
    assert "年度统计表" in html


def test_changelists_filter_by_the_links_the_year_end_report_gives(staff_client):
    outlet = OutletFactory(name="区内网")
    kept = SubmissionFactory(outlet=outlet, accepted=True)
    SubmissionFactory(outlet=outlet)
    SubmissionFactory(accepted=True)
    response = staff_client.get(
        "/admin/publicity/submission/",
        {
            "sent_on__year": kept.sent_on.year,
            "accepted__exact": "1",
            "outlet__id__exact": outlet.pk,
        },
    )
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [kept]
    response = staff_client.get(
        CHANGELIST, {"is_profile_post__exact": "0", "date__year": "2018"}
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 3


def test_a_bad_filter_value_gives_no_error_page(staff_client):
    ArticleFactory(title="巡司河治理")
    response = staff_client.get(CHANGELIST, {"outlet": "abc"})
    assert response.status_code == 200
    assert "巡司河治理" in response.content.decode()


def test_staff_link_an_article_to_the_activity_and_session_it_reports_on(
    staff_client,
):
    activity = DutyActivityFactory()
    session = ReceptionSessionFactory()
    response = staff_client.post(
        ADD, _article_post(activities=[activity.pk], sessions=[session.pk])
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert list(article.activities.all()) == [activity]
    assert list(article.sessions.all()) == [session]
    assert list(activity.articles.all()) == [article]
