"""Who may use the report pages of the admin, and what bad input gets."""

import re

import pytest
from django.urls import reverse

from report.models import ReportExport, WorkReport

from .conftest import YEAR, complete


def url(name, *args):
    return reverse(f"admin:report_workreport_{name}", args=args)


def report_urls(report):
    pk = report.pk
    return [
        url("change", pk),
        url("document", pk),
        url("compare", pk, 1),
    ]


@pytest.fixture
def staff_without_permission(db, django_user_model):
    from django.test import Client

    user = django_user_model.objects.create_user(
        username="staff-no-report", password="x" * 16, is_staff=True
    )
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", ["client", "resident_client", "deputy_client"])
def test_people_who_are_not_staff_are_sent_to_the_admin_login(request, draft, persona):
    client = request.getfixturevalue(persona)
    for target in [url("changelist"), url("add"), *report_urls(draft)]:
        response = client.get(target)
        assert response.status_code == 302, target
        assert response["Location"].startswith(reverse("admin:login"))
    response = client.post(url("finalise", draft.pk))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == WorkReport.Status.DRAFT


def test_staff_without_the_report_permissions_are_refused(
    draft, staff_without_permission
):
    for target in report_urls(draft):
        assert staff_without_permission.get(target).status_code == 403, target
    assert (
        staff_without_permission.post(
            url("export", draft.pk), {"format": "pdf"}
        ).status_code
        == 403
    )
    assert staff_without_permission.post(url("finalise", draft.pk)).status_code == 403


def test_staff_see_the_list_editor_page_and_comparison(staff_client, draft):
    assert staff_client.get(url("changelist")).status_code == 200
    response = staff_client.get(url("change", draft.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "修改文字" in body
    assert "[[deputies.symposiums]]" in body
    assert "2015" in body  # the year-over-year column
    assert staff_client.get(url("compare", draft.pk, 1)).status_code == 200


def test_the_print_page_links_each_figure_to_an_admin_list(staff_client, draft):
    response = staff_client.get(url("document", draft.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="zh-hans">' in body
    assert (
        'href="/admin/deputies/dutyactivity/?date__year=2016&amp;kind=symposium"'
        in body
    )
    assert "<style" not in body and "style=" not in body


# Figures that count the very records their list shows.
ONE_TO_ONE = {
    "deputies.symposiums",
    "deputies.poverty_visits",
    "deputies.briefings_government",
    "deputies.briefings_internal",
    "deputies.study_trips",
    "deputies.duty_reports",
    "deputies.by_elections",
    "deputies.archives",
    "reception.stations",
    "reception.stations_upgraded",
    "reception.stations_meeting_standard",
    "reception.delegation_visits",
    "reception.sessions",
    "suggestions.collected",
    "suggestions.followed_up",
    "suggestions.deputy_suggestions",
    "suggestions.deputy_replied",
    "suggestions.escalations",
    "suggestions.escalations_resolved",
    "publicity.articles_submitted",
    "publicity.acceptances",
    "publicity.profile_posts",
}


def test_every_drill_down_opens_the_list_of_its_records(superuser_client, draft):
    checked = 0
    for key, figure in draft.figure_map().items():
        if not figure.drilldown:
            continue
        response = superuser_client.get(figure.drilldown)
        assert response.status_code == 200, (key, figure.drilldown)
        if key in ONE_TO_ONE:
            assert response.context["cl"].result_count == figure.value, key
            checked += 1
    assert checked == len(ONE_TO_ONE)


def test_staff_generate_a_draft_for_a_year(staff_client, factory_year, staff_user):
    response = staff_client.post(url("add"), {"year": str(YEAR)})
    report = WorkReport.objects.get(year=YEAR)
    assert response.status_code == 302
    assert response["Location"] == url("change", report.pk)
    assert report.generated_by == staff_user


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("", "请输入报告年度"),
        ("二零一八", "请输入年份"),
        ("1990", "之间的年份"),
        ("3000", "之间的年份"),
    ],
)
def test_a_bad_year_is_refused_in_chinese(staff_client, db, year, message):
    response = staff_client.post(url("add"), {"year": year})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WorkReport.objects.exists()


def test_a_year_that_has_a_report_is_refused(staff_client, draft):
    response = staff_client.post(url("add"), {"year": str(YEAR)})
    assert response.status_code == 400
    assert "已经存在" in response.content.decode()


def edit_data(report, **texts):
    from report.forms import VersionForm

    version = report.latest_version()
    data = {"title": version.title, "note": "修改"}
    for paragraph in version.paragraphs:
        data[VersionForm.field_name(paragraph["key"])] = paragraph["text"]
    for key, text in texts.items():
        data[VersionForm.field_name(key)] = text
    return data


def test_staff_save_a_version_from_the_editor(staff_client, draft):
    response = staff_client.post(
        url("change", draft.pk),
        edit_data(draft, problems="（一）宣传工作还需加强\n素材不够。"),
    )
    assert response.status_code == 302
    assert draft.latest_version().number == 2
    assert draft.latest_version().text_of("problems").startswith("（一）宣传工作")


def test_an_unknown_marker_in_the_editor_is_a_400_and_saves_nothing(
    staff_client, draft
):
    response = staff_client.post(
        url("change", draft.pk), edit_data(draft, **{"general.opening": "[[no.such]]"})
    )
    assert response.status_code == 400
    assert "数据标记[[no.such]]不存在" in response.content.decode()
    assert draft.versions.count() == 1


def test_a_title_that_is_too_long_is_a_400(staff_client, draft):
    data = edit_data(draft)
    data["title"] = "长" * 201
    response = staff_client.post(url("change", draft.pk), data)
    assert response.status_code == 400
    assert draft.versions.count() == 1


def test_finalising_an_incomplete_report_is_a_400_in_chinese(staff_client, draft):
    # The problems and plans are drafted, but no one has reviewed and saved them.
    assert draft.latest_version().text_of("problems")
    response = staff_client.post(url("finalise", draft.pk))
    assert response.status_code == 400
    assert "审阅" in response.content.decode()
    assert "存在的问题" in response.content.decode()
    # Emptied in the editor, a part must be written again first.
    staff_client.post(url("change", draft.pk), edit_data(draft, problems=""))
    assert draft.versions.count() == 2
    assert staff_client.post(url("finalise", draft.pk)).status_code == 400
    draft.refresh_from_db()
    assert not draft.is_final


def test_staff_finalise_the_drafts_once_saved_in_the_editor(staff_client, draft):
    response = staff_client.post(url("change", draft.pk), edit_data(draft))
    assert response.status_code == 302
    response = staff_client.post(url("finalise", draft.pk))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_final
    assert draft.latest_version().text_of("plans")


def test_staff_finalise_and_can_no_longer_edit(staff_client, draft, staff_user):
    complete(draft, staff_user)
    response = staff_client.post(url("finalise", draft.pk))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_final
    page = staff_client.get(url("change", draft.pk)).content.decode()
    assert "报告已定稿，不能再修改" in page
    response = staff_client.post(url("change", draft.pk), edit_data(draft))
    assert response.status_code == 400
    assert draft.versions.count() == 2
    assert staff_client.post(url("refresh", draft.pk)).status_code == 400


def test_the_editor_shows_figures_changed_since_generation(staff_client, draft):
    from .test_services import add_symposium

    add_symposium()
    page = staff_client.get(url("change", draft.pk)).content.decode()
    assert "以下数据与当前工作记录不一致" in page
    assert "report-changed" in page


def test_a_refresh_takes_the_new_figures(staff_client, draft):
    from .test_services import add_symposium

    add_symposium()
    assert staff_client.post(url("refresh", draft.pk)).status_code == 302
    draft.refresh_from_db()
    assert draft.figure_map()["deputies.symposiums"].value == 3


def test_comparing_a_version_that_does_not_exist_is_a_404(staff_client, draft):
    assert staff_client.get(url("compare", draft.pk, 9)).status_code == 404
    assert staff_client.get(url("document", draft.pk) + "?version=x").status_code == 404
    assert staff_client.get(url("change", 999999)).status_code in (302, 404)


def test_the_comparison_shows_what_staff_changed(staff_client, draft, staff_user):
    complete(draft, staff_user)
    page = staff_client.get(url("compare", draft.pk, 2)).content.decode()
    # The drafted problems are compared with what staff wrote in their place.
    assert "<del>" in page and "<ins>" in page
    new_text = re.sub(r"</?ins>", "", re.sub(r"<del>.*?</del>", "", page))
    assert "（一）代表履职能力有待提高" in new_text


def test_an_unknown_export_format_is_a_400_in_chinese(staff_client, draft):
    response = staff_client.post(url("export", draft.pk), {"format": "exe"})
    assert response.status_code == 400
    assert "请选择Word、PDF、网页或CSV格式" in response.content.decode()
    assert not ReportExport.objects.exists()


def test_the_changelist_takes_the_same_queries_for_more_reports(
    staff_client, staff_user, db
):
    from report.services import report_generate
    from tests.utils import assert_constant_queries

    years = iter(range(2001, 2030))

    def add_rows(n):
        for _ in range(n):
            report_generate(year=next(years), user=staff_user)

    assert_constant_queries(
        lambda: staff_client.get(url("changelist")), add_rows, rounds=(1, 3)
    )


def test_text_staff_type_is_escaped_on_the_print_page(staff_client, draft):
    data = edit_data(draft, **{"general.opening": "<script>alert(1)</script>开头"})
    assert staff_client.post(url("change", draft.pk), data).status_code == 302
    body = staff_client.get(url("document", draft.pk)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;开头" in body
    assert "<script>alert(1)" not in body


def test_the_editor_speaks_english_while_the_report_stays_chinese(staff_client, draft):
    from django.conf import settings

    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = staff_client.get(url("change", draft.pk)).content.decode()
    assert "Edit the text" in page
    assert "人大紫阳街工委2016年工作报告" in page
    document = staff_client.get(url("document", draft.pk)).content.decode()
    assert "一、主要工作完成情况及特色亮点工作" in document


@pytest.mark.parametrize("persona", ["client", "resident_client", "deputy_client"])
def test_people_who_are_not_staff_reach_no_export_page_or_action(
    request, draft, staff_user, persona
):
    job = ReportExport.objects.create(
        report=draft,
        version=draft.latest_version(),
        format="pdf",
        requested_by=staff_user,
    )
    client = request.getfixturevalue(persona)
    for name in ("export_status", "export_progress", "export_download"):
        response = client.get(url(name, draft.pk, job.pk))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("admin:login"))
    for name in ("export", "refresh"):
        response = client.post(url(name, draft.pk), {"format": "docx"})
        assert response.status_code == 302, name
    assert ReportExport.objects.count() == 1
