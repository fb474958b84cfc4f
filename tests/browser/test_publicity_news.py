"""The news list and an article on a 360 px phone screen."""

import datetime

import pytest

from tests.factories import DeputyFactory
from tests.publicity.factories import (
    ArticleFactory,
    ArticleImageFactory,
    OutletFactory,
    SubmissionFactory,
)

from .conftest import assert_accessible, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def news():
    deputy = DeputyFactory(name="张示例")
    for day in range(1, 13):
        ArticleFactory(
            title=f"紫阳街人大代表进社区接待选民活动第{day}期",
            summary="代表们在社区代表接待站面对面听取居民意见,现场答复群众关切。",
            date=datetime.date(2018, 6, day),
        )
    article = ArticleFactory(
        title="人大代表风采|张示例:扎根社区二十年的“贴心人”",
        body=(
            "## 一心为民\n\n张示例代表长期扎根社区,"
            + "为居民办实事。" * 40
            + "\n\n- 走访困难家庭\n- 督办道路整修\n\n"
            "[区人大网站原文](https://example.org/a/very/long/address/that/must/wrap/"
            "on/a/phone/screen/without/scrolling/sideways)\n\n"
            "<script>document.title='hacked'</script>"
        ),
        is_profile_post=True,
        date=datetime.date(2018, 7, 1),
        deputies=[deputy],
    )
    ArticleImageFactory(
        article=article, alt_text="张示例代表在接待站听取居民意见", caption="接待现场"
    )
    SubmissionFactory(
        article=article,
        outlet=OutletFactory(name="区人大网站"),
        accepted=True,
        url="https://example.org/news/1",
    )
    ArticleFactory(title="未发布的草稿", is_published=False)
    return article


def test_a_resident_reads_the_news_list_on_a_phone(phone_page, news):
    phone_page.goto("/news/")
    assert phone_page.get_by_role("heading", name="工作动态", level=1).is_visible()
    assert phone_page.get_by_role("link", name=news.title).is_visible()
    assert phone_page.get_by_text("未发布的草稿").count() == 0
    assert phone_page.get_by_role("navigation", name="新闻分页").is_visible()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_a_resident_opens_an_article_on_a_phone(phone_page, news):
    phone_page.goto("/news/")
    phone_page.get_by_role("link", name=news.title).click()
    phone_page.wait_for_url(f"**/news/{news.pk}/")
    assert phone_page.get_by_role("heading", name=news.title, level=1).is_visible()
    assert phone_page.get_by_alt_text("张示例代表在接待站听取居民意见").is_visible()
    assert phone_page.title() != "hacked"
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_the_second_page_of_news_is_reached_by_keyboard(phone_page, news):
    phone_page.goto("/news/")
    older = phone_page.get_by_role("link", name="较早")
    older.focus()
    phone_page.keyboard.press("Enter")
    phone_page.wait_for_url("**/news/?page=2")
    assert phone_page.get_by_text("第2页,共2页").is_visible()
    assert_accessible(phone_page)


def test_deputy_profiles_list_fits_a_phone(phone_page, news):
    phone_page.goto("/news/")
    phone_page.get_by_role("link", name="人大代表风采", exact=True).click()
    phone_page.wait_for_url("**/news/profiles/")
    assert phone_page.get_by_role("link", name=news.title).is_visible()
    assert phone_page.get_by_text("紫阳街人大代表进社区接待选民活动第1期").count() == 0
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
