"""Versions, comparison, finalising and the freeze of a final report."""

import pytest
from django.core.exceptions import ValidationError

from deputies.models import DutyActivity
from report.diff import inline_diff
from report.document import ReportDocument
from report.models import WorkReport
from report.render import render_docx
from report.services import (
    report_changed_figures,
    report_finalise,
    report_generate,
    report_refresh_figures,
    report_save_version,
)
from tests.deputies.factories import DutyActivityFactory

from .conftest import YEAR, complete, day
from .test_outputs import docx_text


def add_symposium():
    DutyActivityFactory(
        kind=DutyActivity.Kind.SYMPOSIUM, date=day(11), topics="新增议题"
    )


def test_generating_takes_the_figures_and_writes_version_one(draft, staff_user):
    assert draft.status == WorkReport.Status.DRAFT
    assert draft.figures["deputies.symposiums"]["value"] == 2
    version = draft.latest_version()
    assert version.number == 1
    assert version.author == staff_user
    assert "[[deputies.symposiums]]" in version.text_of("deputies.symposiums")


def test_a_second_report_for_the_same_year_is_refused(draft, staff_user):
    with pytest.raises(ValidationError, match="已经存在"):
        report_generate(year=YEAR, user=staff_user)


def test_saving_numbers_the_versions_and_keeps_every_one(draft, staff_user):
    second = complete(draft, staff_user)
    third = report_save_version(
        report=draft,
        user=staff_user,
        title="人大紫阳街工委2016年工作报告（修改稿）",
        texts={"general.opening": "改写后的开头。"},
    )
    assert [second.number, third.number] == [2, 3]
    assert third.text_of("general.opening") == "改写后的开头。"
    assert third.text_of("problems") == second.text_of("problems")
    assert draft.versions.count() == 3


def test_an_unknown_marker_is_refused_and_nothing_is_saved(draft, staff_user):
    with pytest.raises(ValidationError, match="数据标记不存在"):
        report_save_version(
            report=draft,
            user=staff_user,
            title="标题",
            texts={"general.opening": "共[[no.such_figure]]次。"},
        )
    assert draft.versions.count() == 1


def test_finalising_needs_the_problems_and_the_plans(draft, staff_user):
    with pytest.raises(ValidationError, match="存在的问题"):
        report_finalise(report=draft, user=staff_user)
    draft.refresh_from_db()
    assert draft.status == WorkReport.Status.DRAFT


def test_a_final_report_can_no_longer_change(final, staff_user):
    assert final.is_final and final.finalised_by == staff_user
    with pytest.raises(ValidationError, match="已定稿"):
        complete(final, staff_user)
    with pytest.raises(ValidationError, match="已定稿"):
        report_refresh_figures(report=final, user=staff_user)
    with pytest.raises(ValidationError, match="已定稿"):
        report_finalise(report=final, user=staff_user)


def test_a_new_record_shows_as_a_change_in_the_draft(draft, staff_user):
    assert report_changed_figures(draft) == []
    add_symposium()
    changes = {c.key: c for c in report_changed_figures(draft)}
    assert changes["deputies.symposiums"].old.value == 2
    assert changes["deputies.symposiums"].new.value == 3
    report_refresh_figures(report=draft, user=staff_user)
    draft.refresh_from_db()
    assert draft.figure_map()["deputies.symposiums"].value == 3
    assert report_changed_figures(draft) == []


def test_a_new_record_does_not_change_a_final_report(final):
    text_before = docx_text(
        render_docx(ReportDocument.for_version(final.latest_version()))
    )
    add_symposium()
    final.refresh_from_db()
    assert final.figure_map()["deputies.symposiums"].value == 2
    assert report_changed_figures(final) == []
    text_after = docx_text(
        render_docx(ReportDocument.for_version(final.latest_version()))
    )
    assert "开展2次座谈会" in text_after
    assert text_after == text_before


def test_the_comparison_marks_deleted_and_added_text_and_escapes_it():
    html = inline_diff("共<b>4次</b>座谈会", "共<b>5次</b>座谈会")
    assert "<del>4</del>" in html
    assert "<ins>5</ins>" in html
    assert "&lt;b&gt;" in html
    assert "<b>" not in html.replace("<del>", "").replace("<ins>", "")


def test_a_final_report_keeps_last_years_figures_for_its_comparison(final):
    DutyActivityFactory(
        kind=DutyActivity.Kind.SYMPOSIUM, date=day(6, year=YEAR - 1), topics="补录"
    )
    final.refresh_from_db()
    rows = {
        row.key: row
        for row in ReportDocument.for_version(final.latest_version()).comparison()
    }
    assert rows["deputies.symposiums"].previous.value == 1
    assert rows["deputies.symposiums"].change == "+1"
