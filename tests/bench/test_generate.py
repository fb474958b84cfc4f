"""The benchmark data generator: a tiny synthetic year, checked against the report.

Runs on SQLite (bulk_create) and on PostgreSQL (COPY) alike.
"""

import argparse

import pytest

from bench.generate.build import generate
from bench.generate.database import wipe
from bench.generate.plan import parse_scale, plan_counts
from deputies.models import Deputy, DutyActivity
from report.builder import collect_figures
from report.figures import figures_to_json
from suggestions.models import Suggestion, TimelineEntry

YEAR = 2026
SCALE = 200


@pytest.fixture
def generated(db):
    return generate(SCALE, YEAR, seed=7)


def test_scales_read_as_numbers_of_suggestions():
    assert parse_scale("1k") == 1_000
    assert parse_scale("100K") == 100_000
    assert parse_scale("1m") == 1_000_000
    assert parse_scale("200") == 200
    with pytest.raises(argparse.ArgumentTypeError):
        parse_scale("lots")


def test_records_grow_linearly_and_people_with_the_square_root():
    small, large = plan_counts(10_000), plan_counts(1_000_000)
    assert large["sessions"] == pytest.approx(100 * small["sessions"], rel=0.01)
    assert large["articles"] == pytest.approx(100 * small["articles"], rel=0.01)
    assert large["deputies"] == pytest.approx(10 * small["deputies"], rel=0.02)


def test_report_figures_match_the_rows_generated(generated):
    figures = {key: f.value for key, f in collect_figures(YEAR).items()}
    counts = generated

    assert counts["suggestions.Suggestion"] == SCALE
    assert Suggestion.objects.in_year(YEAR).count() == SCALE
    assert (
        figures["suggestions.collected"] + figures["suggestions.deputy_suggestions"]
        == SCALE
    )
    assert figures["suggestions.deputy_suggestions"] == (
        figures["suggestions.session_suggestions"]
        + figures["suggestions.inter_session_suggestions"]
    )
    assert 0 < figures["suggestions.followed_up"] <= figures["suggestions.collected"]
    assert figures["suggestions.escalations"] == counts["suggestions.Escalation"]
    assert figures["reception.sessions"] == counts["reception.ReceptionSession"]
    # Every station but the street office is a community station.
    assert figures["reception.stations"] == counts["reception.Station"] - 1
    assert figures["reception.delegation_visits"] == counts["reception.DelegationVisit"]
    assert figures["deputies.serving"] == counts["deputies.Deputy"]
    assert figures["deputies.duty_reports"] == counts["deputies.DutyReport"]
    assert figures["deputies.by_elections"] == counts["deputies.ByElection"]
    # Every article went to at least one outside outlet.
    assert figures["publicity.articles_submitted"] == counts["publicity.Article"]
    by_kind = DutyActivity.objects.in_year(YEAR).counts_by_kind()
    assert sum(by_kind.values()) == counts["deputies.DutyActivity"]
    assert figures["deputies.study_sessions"] == by_kind["study"]
    assert figures["deputies.study_trips"] == by_kind["training"]
    assert figures["workplan.items"] == counts["workplan.PlanItem"]
    # Each suggestion has its "received" entry and one per status change.
    assert TimelineEntry.objects.filter(kind="received").count() == SCALE


def test_personal_data_is_invented_and_masked_rows_stay_consistent(generated):
    resident = Suggestion.objects.resident_opinions().first()
    assert resident.submitter_name and resident.submitter_phone
    assert resident.phone_last4 == resident.submitter_phone[-4:]
    assert not Suggestion.objects.deputy_suggestions().exclude(submitter_name="")
    codes = Suggestion.objects.values_list("tracking_code", flat=True)
    assert len(set(codes)) == SCALE


def test_a_second_run_after_a_wipe_makes_the_same_year(generated):
    first = figures_to_json(collect_figures(YEAR))
    wipe()
    assert not Deputy.objects.exists()
    again = generate(SCALE, YEAR, seed=7)
    assert again == generated
    assert figures_to_json(collect_figures(YEAR)) == first
