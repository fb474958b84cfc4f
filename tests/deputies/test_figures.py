"""The deputies' figures of the 2018 work report come out of the demo records."""

from deputies.models import ByElection, DutyActivity, DutyReport, Rate, year_figures
from tests.utils import count_queries

K = DutyActivity.Kind


def test_five_government_briefings_and_six_internal_periodicals(demo_2018):
    figures = year_figures(2018)
    assert figures["briefings_by_publication"]["《武昌政务简报》"] == 5
    assert figures["briefings_by_publication_kind"] == {
        "government": 5,
        "internal": 6,
    }


def test_three_study_trips_each_with_written_reflections(demo_2018):
    trips = DutyActivity.objects.in_year(2018).of_kind(K.TRAINING)
    assert trips.count() == 3
    assert year_figures(2018)["trainings_with_reflections"] == 3
    for trip in trips.with_attendance_counts():
        assert trip.reflection_count == trip.attended_count > 0


def test_four_symposiums_cover_the_six_topics_of_the_report(demo_2018):
    figures = year_figures(2018)
    assert figures["activities_by_kind"][K.SYMPOSIUM] == 4
    assert figures["symposium_topics"] == [
        "红色物业",
        "幸福驿站",
        "“大湖+”",
        "“双评议”",
        "巡司河综合治理",
        "紫阳湖水质提升",
    ]


def test_three_poverty_visits_with_full_participation_and_every_household(
    demo_2018,
):
    figures = year_figures(2018)
    assert figures["activities_by_kind"][K.POVERTY_VISIT] == 3
    participation = figures["poverty_participation"]
    households = figures["poverty_households"]
    assert participation.whole > 0 and participation.percent == 100.0
    assert households.whole > 0 and households.percent == 100.0


def test_seven_duty_reports_in_august(demo_2018):
    figures = year_figures(2018)
    assert figures["duty_reports"] == 7
    assert figures["duty_reports_by_month"] == {8: 7}
    assert DutyReport.objects.in_month(2018, 8).values("deputy").distinct().count() == 7


def test_one_by_election_in_constituency_two(demo_2018):
    assert year_figures(2018)["by_elections"] == [2]
    by_election = ByElection.objects.get()
    assert by_election.elected.count() == by_election.seats == 2
    assert {d.constituency.number for d in by_election.elected.all()} == {2}


def test_figures_take_the_same_number_of_queries_however_many_rows(demo_2018):
    from tests.deputies.factories import DutyActivityFactory

    before = count_queries(lambda: year_figures(2018))
    DutyActivityFactory.create_batch(
        5, kind=K.SYMPOSIUM, topics="示例议题", date="2018-03-01"
    )
    assert count_queries(lambda: year_figures(2018)) == before


def test_another_year_has_no_figures(demo_2018):
    figures = year_figures(2017)
    assert sum(figures["activities_by_kind"].values()) == 0
    assert figures["poverty_households"] == Rate(0, 0)
    assert figures["poverty_households"].percent is None


def test_loading_the_demo_twice_changes_nothing(demo_2018):
    from deputies import demo
    from deputies.models import ActivityPhoto, Attendance

    counts = [
        m.objects.count()
        for m in (DutyActivity, Attendance, ActivityPhoto, DutyReport, ByElection)
    ]
    demo.load(None)
    assert counts == [
        m.objects.count()
        for m in (DutyActivity, Attendance, ActivityPhoto, DutyReport, ByElection)
    ]
