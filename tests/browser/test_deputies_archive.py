"""A deputy opens their duty archive on a phone and downloads it."""

import pytest

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from core.demo import load_accounts
    from deputies import demo

    load_accounts(None)
    demo.load(None)


def _download(page, name):
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    download = info.value
    with open(download.path(), "rb") as handle:
        return download.suggested_filename, handle.read()


def test_the_deputy_downloads_the_archive_as_pdf_and_word(phone_page, demo):
    login(phone_page, "deputy", "ziyang-deputy-2018")
    phone_page.wait_for_url("**/my/")
    phone_page.get_by_role("link", name="我的履职档案").click()
    phone_page.wait_for_url("**/my/archive/")
    assert phone_page.get_by_role("heading", name="履职档案:张某华").is_visible()
    assert phone_page.locator("img.archive-photo").count() >= 10
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)

    name, content = _download(phone_page, "下载 PDF")
    assert name.endswith("2018.pdf") and "张某华" in name
    assert content.startswith(b"%PDF")
    name, content = _download(phone_page, "下载 Word")
    assert name.endswith(".docx")
    assert content.startswith(b"PK")


def test_the_deputy_switches_to_the_whole_term(phone_page, demo):
    login(phone_page, "deputy", "ziyang-deputy-2018")
    phone_page.wait_for_url("**/my/")
    phone_page.goto("/my/archive/")
    phone_page.get_by_label("期间").select_option(label="整个任期")
    phone_page.get_by_role("button", name="查看").click()
    phone_page.wait_for_url("**year=all**")
    assert phone_page.get_by_text("期间:整个任期").is_visible()
