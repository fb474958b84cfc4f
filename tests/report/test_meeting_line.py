"""The line under the title: when and at which meeting the report is read, from
the report's own fields, in the web page, Word and PDF; none when not recorded."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from docx import Document

from report.document import ReportDocument
from report.models import WorkReport, meeting_line
from report.render import render_docx, render_html
from report.services import report_generate, report_save_version

from .conftest import YEAR

DATE = datetime.date(YEAR, 12, 20)
NAME = "示例区第一届人大常委会第3次会议"
LINE = f"（{YEAR}年12月20日在示例区第一届人大常委会第3次会议上）"


def url(name, *args):
    return reverse(f"admin:report_workreport_{name}", args=args)


@pytest.mark.parametrize(
    ("date", "name", "line"),
    [
        (DATE, NAME, LINE),
        (DATE, "  ", f"（{YEAR}年12月20日）"),
        (None, NAME, "（在示例区第一届人大常委会第3次会议上）"),
        (None, "", ""),
    ],
)
def test_the_line_says_as_much_as_is_recorded(date, name, line):
    with translation.override("zh-hans"):
        assert meeting_line(date, name) == line


def docx_lines(document) -> list[str]:
    return [p.text for p in Document(io.BytesIO(render_docx(document))).paragraphs]


def test_a_generated_draft_prints_the_meeting_under_the_title(factory_year, staff_user):
    report = report_generate(
        year=YEAR, user=staff_user, meeting_date=DATE, meeting_name=NAME
    )
    document = ReportDocument.for_version(report.latest_version())
    kinds = [(b.kind, b.text) for b in document.blocks()[:3]]
    assert kinds[1] == ("subtitle", LINE)
    assert kinds[2][0] == "speaker"
    assert f'<p class="report-subtitle">{LINE}</p>' in render_html(document)
    lines = [line for line in docx_lines(document) if line]
    assert lines[:3] == [document.title, LINE, "人大紫阳街工委"]
    # Straight from the records, the year's report keeps its meeting.
    assert ReportDocument.from_records(YEAR).subtitle == LINE


def test_without_a_meeting_there_is_no_line_and_no_placeholder(
    factory_year, staff_user
):
    report = report_generate(year=YEAR, user=staff_user)
    document = ReportDocument.for_version(report.latest_version())
    assert [b.kind for b in document.blocks()[:2]] == ["title", "speaker"]
    assert 'class="report-subtitle"' not in render_html(document)
    lines = [line for line in docx_lines(document) if line]
    assert lines[:2] == [document.title, "人大紫阳街工委"]
    assert "（）" not in document.plain_text()
    assert ReportDocument.from_records(YEAR - 1).subtitle == ""


def test_staff_record_the_meeting_when_generating(staff_client, factory_year):
    response = staff_client.post(
        url("add"),
        {"year": str(YEAR), "meeting_date": "2016-12-20", "meeting_name": NAME},
    )
    assert response.status_code == 302
    report = WorkReport.objects.get(year=YEAR)
    assert (report.meeting_date, report.meeting_name) == (DATE, NAME)
    assert report.latest_version().subtitle == LINE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"meeting_date": "12月20日"}, "请按日期填写会议日期"),
        ({"meeting_name": "会" * 101}, "不超过 100 字符"),
    ],
)
def test_a_bad_meeting_is_refused_in_chinese_and_nothing_saved(
    staff_client, factory_year, data, message
):
    response = staff_client.post(url("add"), {"year": str(YEAR), **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WorkReport.objects.exists()


def test_the_editor_changes_the_meeting_and_the_next_version_prints_it(
    staff_client, draft
):
    from .test_views import edit_data

    page = staff_client.get(url("change", draft.pk)).content.decode()
    assert 'name="meeting_date"' in page and 'name="meeting_name"' in page
    data = {**edit_data(draft), "meeting_date": "2016-12-20", "meeting_name": NAME}
    assert staff_client.post(url("change", draft.pk), data).status_code == 302
    draft.refresh_from_db()
    assert draft.meeting_name == NAME
    assert draft.latest_version().subtitle == LINE
    # Emptied again: the next version has no line under its title.
    data.update(meeting_date="", meeting_name="")
    assert staff_client.post(url("change", draft.pk), data).status_code == 302
    assert draft.latest_version().subtitle == ""
    assert draft.versions.get(number=2).subtitle == LINE


def test_a_version_saved_without_meeting_fields_keeps_the_reports(
    factory_year, staff_user
):
    report = report_generate(
        year=YEAR, user=staff_user, meeting_date=DATE, meeting_name=NAME
    )
    version = report_save_version(
        report=report, user=staff_user, title="标题", texts={}
    )
    assert version.subtitle == LINE


def test_a_final_report_keeps_its_line_whatever_the_fields_say(final):
    line = final.latest_version().subtitle
    WorkReport.objects.filter(pk=final.pk).update(meeting_name="另一次会议")
    final.refresh_from_db()
    assert ReportDocument.for_version(final.latest_version()).subtitle == line
