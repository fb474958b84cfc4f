"""Staff open the demo's 2018 draft in the admin, watch the files being made and
download Word and PDF; the print page fits a phone."""

import io

import pytest
from docx import Document

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


def make_file(page, label):
    """Ask for a file, follow its progress page and download it when ready."""
    page.get_by_label("下载格式").select_option(label=label)
    # The test settings make the file in the request: give it the time a
    # worker would take.
    page.get_by_role("button", name="生成文件").click(timeout=60_000)
    page.wait_for_url("**/exports/*/", timeout=60_000)
    progress = page.locator("#export-progress")
    link = page.locator("#export-download-link")
    link.wait_for(state="visible", timeout=60_000)
    assert progress.get_attribute("value") == "100"
    assert page.locator("#export-status").inner_text() == "已完成"
    with page.expect_download() as info:
        link.click()
    download = info.value
    with open(download.path(), "rb") as handle:
        content = handle.read()
    page.get_by_role("link", name="返回报告").click()
    return download.suggested_filename, content


def test_staff_open_the_2018_draft_and_download_word_and_pdf(desktop_page, demo):
    page = desktop_page
    login(page, "staff", "ziyang-staff-2018")
    page.goto("/admin/report/workreport/")
    page.get_by_role("link", name="2018", exact=True).click()
    page.wait_for_url("**/change/")
    assert page.get_by_role("heading", name="修改文字").is_visible()
    assert page.get_by_label("会议名称").input_value() == (
        "武汉市武昌区第十五届人大常委会第16次会议"
    )
    assert_accessible(page)

    name, content = make_file(page, "Word文档（.docx）")
    assert name == "work-report-2018-v1.docx"
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "接待群众活动5次" in text
    assert "（2018年12月25日在武汉市武昌区第十五届人大常委会第16次会议上）" in text

    name, content = make_file(page, "PDF")
    assert name == "work-report-2018-v1.pdf"
    assert content.startswith(b"%PDF")


def test_the_print_page_fits_a_phone_and_links_its_figures(phone_page, demo):
    from report.models import WorkReport

    report = WorkReport.objects.get(year=2018)
    login(phone_page, "staff", "ziyang-staff-2018")
    phone_page.goto(f"/admin/report/workreport/{report.pk}/document/")
    assert phone_page.get_by_role(
        "heading", name="人大紫阳街工委2018年工作报告"
    ).is_visible()
    assert phone_page.get_by_role("button", name="打印").is_visible()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    charts = phone_page.locator(".report-chart img")
    assert charts.count() == 3
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        assert charts.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
    phone_page.locator("a.report-figure", has_text="129").click()
    phone_page.wait_for_url("**/admin/reception/receptionsession/**")
    assert "5" in phone_page.locator("#changelist-form .paginator").inner_text()


def test_the_progress_page_follows_a_file_made_by_a_worker(desktop_page, staff_user):
    from report.building import report_export_run
    from report.models import ReportExport
    from report.services import report_generate
    from tests.conftest import PASSWORD

    report = report_generate(year=2017, user=staff_user)
    job = ReportExport.objects.create(
        report=report, version=report.latest_version(), format="pdf"
    )
    login(desktop_page, staff_user.username, PASSWORD)
    desktop_page.goto(f"/admin/report/workreport/{report.pk}/exports/{job.pk}/")
    assert desktop_page.locator("#export-status").inner_text() == "等待中"
    assert desktop_page.locator("#export-download").is_hidden()
    # What a Celery worker does elsewhere; the page learns of it by polling.
    report_export_run(job.pk)
    desktop_page.locator("#export-download-link").wait_for(state="visible")
    assert desktop_page.locator("#export-percent").inner_text() == "100%"
    assert desktop_page.locator("#export-status").inner_text() == "已完成"
    assert_accessible(desktop_page)
