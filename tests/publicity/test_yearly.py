"""The yearly table of submissions and acceptances, on screen and in Excel."""

import io

import pytest
from openpyxl import load_workbook

from publicity.models import Submission
from tests.utils import assert_constant_queries

from .factories import SubmissionFactory

pytestmark = pytest.mark.django_db

YEARLY = "/admin/publicity/submission/yearly/"
EXPORT = "/admin/publicity/submission/yearly/export/"


def test_staff_see_the_2018_table_by_outlet_and_level(staff_client, demo):
    response = staff_client.get(YEARLY, {"year": 2018})
    assert response.status_code == 200
    table = response.context["table"]
    accepted = {o.name: o.accepted for o in table.outlets}
    assert accepted["区内网"] == 13
    assert accepted["《人民意志》"] == 1
    levels = {row.level: (row.submitted, row.accepted) for row in table.levels}
    expected_district = Submission.objects.filter(
        sent_on__year=2018, outlet__level="district"
    )
    assert levels["district"] == (
        expected_district.count(),
        expected_district.filter(accepted=True).count(),
    )
    assert levels["district"][1] == 23
    assert levels["province"][1] == 1
    assert table.articles_submitted == 16
    assert table.profile_posts == 6
    html = response.content.decode()
    assert "区内网" in html and "投稿" in html


def test_the_table_defaults_to_the_latest_year_with_submissions(staff_client, demo):
    latest = max(s.sent_on.year for s in Submission.objects.all())
    response = staff_client.get(YEARLY)
    assert response.status_code == 200
    assert response.context["table"].year == latest


@pytest.mark.parametrize("year", ["abc", "1900", "99999"])
def test_a_bad_year_is_a_400_with_a_chinese_message(staff_client, year):
    response = staff_client.get(YEARLY, {"year": year})
    assert response.status_code == 400
    assert "年份" in response.content.decode()
    assert staff_client.get(EXPORT, {"year": year}).status_code == 400


@pytest.mark.parametrize("persona", ["client", "resident_client", "deputy_client"])
def test_non_staff_cannot_open_the_table_or_the_export(request, persona):
    c = request.getfixturevalue(persona)
    for url in (YEARLY, EXPORT):
        response = c.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_staff_without_the_permission_are_forbidden(client, django_user_model):
    user = django_user_model.objects.create_user("bare-staff", is_staff=True)
    client.force_login(user)
    assert client.get(YEARLY).status_code == 403
    assert client.get(EXPORT).status_code == 403


def test_the_excel_export_holds_the_same_figures(staff_client, demo):
    response = staff_client.get(EXPORT, {"year": 2018})
    assert response.status_code == 200
    assert "publicity-submissions-2018.xlsx" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    by_outlet = wb.worksheets[0]
    rows = {r[0]: r for r in by_outlet.iter_rows(min_row=2, values_only=True)}
    assert rows["区人大网站"][4] == 10
    assert rows["市人大网站"][4] == 3
    assert by_outlet["A1"].value == "媒体/平台"
    by_level = list(wb.worksheets[1].iter_rows(values_only=True))
    sent = Submission.objects.submitted_in(2018)
    assert by_level[-1] == ("合计", sent.count(), 1 + 1 + 1 + 3 + 10 + 13)
    summary = {r[0]: r[1] for r in wb.worksheets[2].iter_rows(values_only=True)}
    assert summary["投稿篇数"] == 16
    assert summary["其中人大代表风采"] == 6
    assert wb["投稿明细"]["D1"].value == "是否录用"
    details = list(wb["投稿明细"].iter_rows(min_row=2, values_only=True))
    assert len(details) == Submission.objects.filter(sent_on__year=2018).count()
    assert sum(1 for row in details if row[3] == "是") == 1 + 1 + 1 + 3 + 10 + 13 + 6


def test_the_table_query_count_does_not_grow_with_submissions(staff_client):
    assert_constant_queries(
        lambda: staff_client.get(YEARLY, {"year": 2018}),
        lambda n: SubmissionFactory.create_batch(n, accepted=True),
    )


def test_the_export_query_count_does_not_grow_with_submissions(staff_client):
    assert_constant_queries(
        lambda: staff_client.get(EXPORT, {"year": 2018}),
        lambda n: SubmissionFactory.create_batch(n, accepted=True),
    )
