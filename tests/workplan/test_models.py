"""Rules of key works and plan items that hold in the model."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from deputies.models import DutyActivity
from tests.deputies.factories import DutyReportFactory
from tests.factories import DeputyFactory
from tests.publicity.factories import ArticleFactory
from tests.reception.factories import ReceptionSessionFactory
from tests.suggestions.factories import SuggestionFactory
from tests.workplan.factories import KeyWorkFactory, PlanItemFactory
from workplan.models import KeyWork, PlanItem

pytestmark = pytest.mark.django_db

K = DutyActivity.Kind
M = PlanItem.Measure


def test_a_key_work_runs_from_its_first_to_its_last_year():
    KeyWorkFactory(title="两年的工作", start_year=2020, end_year=2021)
    KeyWorkFactory(title="仍在持续的工作", start_year=2019, end_year=None)
    titles = lambda year: set(  # noqa: E731
        KeyWork.objects.running_in(year).values_list("title", flat=True)
    )
    assert titles(2018) == set()
    assert titles(2019) == {"仍在持续的工作"}
    assert titles(2021) == {"两年的工作", "仍在持续的工作"}
    assert titles(2022) == {"仍在持续的工作"}


def test_the_database_refuses_a_key_work_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyWorkFactory(start_year=2021, end_year=2020)


def test_a_deputy_takes_part_in_a_key_work_through_any_kind_of_record():
    deputy = DeputyFactory()
    session = ReceptionSessionFactory(deputies=[deputy])
    by_session = KeyWorkFactory(title="接待")
    by_session.sessions.add(session)
    by_suggestion = KeyWorkFactory(title="建议")
    by_suggestion.suggestions.add(SuggestionFactory(following_deputy=deputy))
    by_article = KeyWorkFactory(title="宣传")
    by_article.articles.add(ArticleFactory(deputies=[deputy]))
    by_item = KeyWorkFactory(title="计划")
    PlanItemFactory(key_work=by_item, deputies=[deputy])
    KeyWorkFactory(title="无关")
    KeyWorkFactory(title="他人").sessions.add(
        ReceptionSessionFactory(deputies=[DeputyFactory()])
    )
    assert set(KeyWork.objects.for_deputy(deputy).values_list("title", flat=True)) == {
        "接待",
        "建议",
        "宣传",
        "计划",
    }


def test_a_deputy_takes_part_in_a_plan_item_through_its_duty_reports():
    report = DutyReportFactory(date=datetime.date(2021, 8, 1))
    item = PlanItemFactory(measure=M.DUTY_REPORTS)
    item.duty_reports.add(report)
    PlanItemFactory()
    assert list(PlanItem.objects.for_deputy(report.deputy)) == [item]


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"measure": M.SESSIONS, "activity_kind": K.STUDY}, "activity_kind"),
        ({"measure": M.LINKED, "match_rule": True}, "match_rule"),
        ({"keyword": "档案法", "match_rule": False}, "keyword"),
        ({"target_date": datetime.date(2022, 1, 1)}, "target_date"),
        ({"target_count": 0}, "target_count"),
    ],
)
def test_an_inconsistent_plan_item_is_refused_with_a_message(fields, error_field):
    item = PlanItemFactory.build(plan=PlanItemFactory().plan, **fields)
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error_field in error.value.message_dict


def test_the_target_of_an_item_reads_in_words():
    with translation.override("zh-hans"):
        item = PlanItemFactory.build(activity_kind=K.LAW_INSPECTION, target_count=3)
        assert item.target_text == f"{K.LAW_INSPECTION.label} × 3"
        linked = PlanItemFactory.build(measure=M.LINKED, target_count=1)
        assert linked.target_text == "各类关联记录 × 1"
