"""Figures, markers and their round trip through the snapshot."""

from decimal import Decimal

from report.figures import (
    Figure,
    figures_from_json,
    figures_to_json,
    plain_text,
    referenced_keys,
    split_segments,
)


def test_a_count_a_rate_and_a_list_display_as_the_report_writes_them():
    assert Figure.count("a", 9, "站").display() == "9"
    assert Figure.rate("b", 100, "参加率").display() == "100%"
    assert Figure.rate("c", 200 / 3, "率").display() == "66.7%"
    assert Figure.names("d", ["甲", "乙"], "名单").display() == "甲、乙"


def test_a_rate_of_nothing_due_is_no_rate_rather_than_zero():
    figure = Figure.rate("r", None, "入户率")
    assert figure.value is None
    assert figure.display() == "—"
    assert figure.is_empty


def test_the_snapshot_keeps_every_kind_of_value_exactly():
    figures = {
        f.key: f
        for f in (
            Figure.count("a", 5, "次数", "/admin/x/"),
            Figure.rate("b", Decimal("87.5"), "率"),
            Figure.names("c", ["《人民意志》"], "名单"),
        )
    }
    again = figures_from_json(figures_to_json(figures))
    assert again == figures
    assert again["b"].value == Decimal("87.5")


def test_markers_split_text_and_resolve_to_values():
    text = "完成[[reception.stations]]个接待站，[[x.y]]。"
    assert referenced_keys(text) == ["reception.stations", "x.y"]
    assert split_segments(text)[:2] == [
        ("text", "完成"),
        ("figure", "reception.stations"),
    ]
    figures = {"reception.stations": Figure.count("reception.stations", 9, "站")}
    assert plain_text(text, figures) == "完成9个接待站，[[x.y]]。"
