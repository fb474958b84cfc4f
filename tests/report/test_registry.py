"""Every figure and paragraph of the report is written by a registered function
of its provider, which runs alone on the records of a year."""

import fnmatch

import pytest

from report.builder import collect_figures
from report.figures import Figure
from report.sections import providers, registry
from tests.utils import count_queries

from .conftest import YEAR


def _provided_sections():
    provided = set()
    for provider in providers():
        provided.update(provider.PROVIDER.sections)
        provided.update(provider.PROVIDER.paragraph_sections)
    return provided


def test_every_section_of_the_report_belongs_to_a_provider():
    provided = _provided_sections()
    sections = [s for s in registry.SECTIONS if s.name.startswith("report.sections.")]
    assert sections
    for section in sections:
        assert section in provided, section
    for provider in providers():
        # Each section's figures and its paragraphs are both written.
        assert set(provider.PROVIDER.sections) == set(
            provider.PROVIDER.paragraph_sections
        ), provider.__name__


def _spy(function, called):
    def spy(*args):
        called.append(function)
        return function(*args)

    return spy


def test_every_registered_function_is_reached_by_its_provider(
    factory_year, monkeypatch
):
    every_figure = collect_figures(YEAR)
    for provider in providers():
        registered = [
            f
            for section in provider.PROVIDER.sections
            for f in (*section.figure_functions, *section.paragraph_functions)
        ]
        called = []
        for section in provider.PROVIDER.sections:
            for name in ("figure_functions", "paragraph_functions"):
                spies = [_spy(f, called) for f in getattr(section, name)]
                monkeypatch.setattr(section, name, spies)
        provider.figures(YEAR)
        provider.paragraphs(YEAR, every_figure)
        monkeypatch.undo()
        # Every function of its sections, each once.
        assert sorted(map(id, called)) == sorted(map(id, registered)), provider
        assert len(called) == len(set(called)), provider


def test_each_figure_function_gives_the_keys_it_is_registered_for(factory_year):
    for provider in providers():
        records = provider.PROVIDER.records(YEAR)
        for function in provider.PROVIDER.figure_functions():
            result = function(records)
            figures = [result] if isinstance(result, Figure) else list(result)
            keys = [figure.key for figure in figures]
            declared = function.figure_keys
            for key in keys:
                assert any(fnmatch.fnmatchcase(key, k) for k in declared), key
            for key in declared:
                assert "*" in key or key in keys, (function.__name__, key)


def test_the_providers_give_the_figures_of_their_functions_in_order(factory_year):
    for provider in providers():
        records = provider.PROVIDER.records(YEAR)
        expected = []
        for function in provider.PROVIDER.figure_functions():
            result = function(records)
            figures = [result] if isinstance(result, Figure) else list(result)
            expected += [figure.key for figure in figures]
        assert list(provider.figures(YEAR)) == expected, provider.__name__


# One function per figure or paragraph, called alone.


def test_a_deputies_figure_runs_only_its_own_query(factory_year):
    from report.sections.deputies import activities, duties, training
    from report.sections.deputies.records import DeputyRecords

    records = DeputyRecords(YEAR)
    assert count_queries(lambda: training.study_trips(records)) == 1
    # The symposiums come from the same count by kind: no query of their own.
    assert count_queries(lambda: activities.symposiums(records)) == 0
    assert training.study_trips(records).value == 1
    assert activities.symposiums(records).value == 2
    rate = activities.poverty_household_rate(DeputyRecords(YEAR))
    assert rate.key == "deputies.poverty_household_rate"
    assert rate.display() == "80%"
    constituencies = duties.by_election_constituencies(DeputyRecords(YEAR))
    assert constituencies.value == ["第示例选区"]


def test_a_deputies_paragraph_is_written_from_its_figures_alone(db):
    from report.sections.deputies import activities, duties

    empty = {"deputies.symposiums": Figure.count("deputies.symposiums", 0, "座谈会")}
    paragraph = activities.symposiums_paragraph(YEAR, empty)
    assert paragraph.key == "deputies.symposiums"
    assert "[[" not in paragraph.text
    assert not paragraph.numbered
    held = {
        "deputies.symposiums": Figure.count("deputies.symposiums", 2, "座谈会"),
        "deputies.symposium_topics": Figure.names(
            "deputies.symposium_topics", ["示例议题"], "议题"
        ),
    }
    paragraph = activities.symposiums_paragraph(YEAR, held)
    assert "[[deputies.symposiums]]" in paragraph.text
    assert "[[deputies.symposium_topics]]" in paragraph.text
    assert paragraph.numbered
    no_reports = duties.duty_reports_paragraph(YEAR, {})
    assert "[[" not in no_reports.text


def test_a_reception_figure_and_paragraph_alone(factory_year):
    from report.sections import reception

    records = reception.ReceptionRecords(YEAR)
    assert reception.stations_upgraded(records).value == 1
    assert reception.voters(records).value == 25
    assert reception.delegation_bodies(records).value == [
        "示例考察团甲",
        "示例考察团乙",
    ]
    figures = reception.figures(YEAR)
    paragraph = reception.sessions_paragraph(YEAR, figures)
    assert paragraph.key == "reception.sessions"
    assert "[[reception.voters]]" in paragraph.text


def test_a_suggestions_figure_and_paragraph_alone(factory_year):
    from report.sections.suggestions import escalations, handling
    from report.sections.suggestions.records import SuggestionRecords

    records = SuggestionRecords(YEAR)
    assert handling.deputy_reply_rate(records).display() == "66.7%"
    outcomes = {f.key: f.value for f in escalations.escalation_outcomes(records)}
    assert outcomes == {
        "suggestions.escalations_resolved": 1,
        "suggestions.escalations_partly": 0,
        "suggestions.escalations_open": 0,
    }
    figures = handling.section.figure_functions
    all_replied = {f.key: f for f in (function(records) for function in figures)} | {
        "suggestions.deputy_replied": Figure.count(
            "suggestions.deputy_replied", 3, "已回复"
        )
    }
    text = handling.deputy_suggestions_paragraph(YEAR, all_replied).text
    assert "[[suggestions.deputy_reply_rate]]" not in text
    partly = {f.key: f for f in (function(records) for function in figures)}
    text = handling.deputy_suggestions_paragraph(YEAR, partly).text
    assert "[[suggestions.deputy_reply_rate]]" in text
    assert "[[suggestions.followed_up]]" in text


def test_a_publicity_figure_and_paragraph_alone(factory_year):
    from report.sections import publicity

    records = publicity.PublicityRecords(YEAR)
    by_outlet = publicity.accepted_by_outlet(records)
    assert [f.value for f in by_outlet] == [1, 1]
    assert all(f.key.startswith("publicity.accepted.outlet_") for f in by_outlet)
    assert publicity.own_channels(records).value == ["示例微信号"]
    empty = {
        key: Figure.count(key, 0, "稿件")
        for key in ("publicity.articles_submitted", "publicity.profile_posts")
    }
    paragraph = publicity.submissions_paragraph(YEAR, empty)
    assert paragraph.key == "publicity.submissions"
    assert "[[" not in paragraph.text


@pytest.mark.django_db
def test_a_year_without_a_plan_has_no_plan_figures_or_paragraphs():
    from report.sections import workplan

    records = workplan.PlanRecords(YEAR)
    assert workplan.completion(records).value is None
    assert workplan.items_by_part(records) == []
    assert workplan.carried_out(YEAR, {}) == []
    assert workplan.key_works_paragraph(YEAR, {}) is None
    assert workplan.plans_paragraph(YEAR, {}) is None


def test_the_opening_and_closing_name_their_years():
    from report.sections import general

    assert str(YEAR) in general.opening(YEAR, {}).text
    assert str(YEAR + 1) in general.closing(YEAR, {}).text
    assert general.figures(YEAR) == {}
