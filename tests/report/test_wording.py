"""Each sentence of the report is chosen by the facts it states: all, some or
none; one or many. Enumerations are numbered only when there are two or more."""

import pytest
from django.utils import translation

from report.builder import REPORT_LANGUAGE, _enumerate
from report.enumeration import enumeration, prefixes
from report.figures import Figure, Paragraph, plain_text

YEAR = 2016


@pytest.fixture(autouse=True)
def in_report_language():
    with translation.override(REPORT_LANGUAGE):
        yield


def counts(**values) -> dict[str, Figure]:
    """Figures from keyword arguments: deputies__archives=3 is deputies.archives."""
    figures = {}
    for name, value in values.items():
        key = name.replace("__", ".")
        if isinstance(value, list):
            figures[key] = Figure.names(key, value, key)
        elif isinstance(value, float) or value is None:
            figures[key] = Figure.rate(key, value, key)
        else:
            figures[key] = Figure.count(key, value, key)
    return figures


def text_of(paragraph, figures) -> str:
    return plain_text(paragraph.text, figures)


# -- the enumeration helper ---------------------------------------------------------


def test_no_item_is_no_enumeration():
    assert enumeration([]) == ""
    assert prefixes(0) == []


def test_a_single_item_is_not_numbered():
    assert enumeration(["开展接待选民活动。"]) == "开展接待选民活动。"
    assert prefixes(1) == [""]


def test_two_items_are_first_and_second():
    assert enumeration(["开展座谈会", "开展接待选民活动；"]) == (
        "一是开展座谈会；二是开展接待选民活动。"
    )


def test_five_items_are_numbered_in_order():
    items = ["甲", "乙", "丙", "丁", "戊"]
    assert enumeration(items) == "一是甲；二是乙；三是丙；四是丁；五是戊。"
    assert prefixes(5) == ["一是", "二是", "三是", "四是", "五是"]


def test_past_ten_items_the_numbering_goes_on():
    assert len(set(prefixes(12))) == 12


def numbered_paragraphs(n: int) -> list[Paragraph]:
    return [
        Paragraph(f"p{i}", "work.special", f"活动{i}。", i, numbered=True)
        for i in range(n)
    ]


def test_a_part_with_one_numbered_paragraph_does_not_start_with_first():
    paragraphs = numbered_paragraphs(1) + [Paragraph("other", "work.training", "x")]
    _enumerate(paragraphs)
    assert paragraphs[0].text == "活动0。"


def test_a_part_with_two_numbered_paragraphs_reads_first_second():
    paragraphs = numbered_paragraphs(2)
    _enumerate(paragraphs)
    assert [p.text for p in paragraphs] == ["一是活动0。", "二是活动1。"]


# -- reception ----------------------------------------------------------------------


def sessions_text(n, centralised) -> str:
    from report.sections import reception

    figures = counts(
        reception__sessions=n,
        reception__sessions_centralised=centralised,
        reception__voters=10 * n,
    )
    return text_of(reception.sessions_paragraph(YEAR, figures), figures)


def test_sessions_all_centralised_say_so():
    text = sessions_text(3, 3)
    assert "接待群众活动3次，接待选民30人，以集中接待的方式" in text


def test_sessions_some_centralised_give_how_many():
    text = sessions_text(3, 1)
    assert "以集中接待的方式" not in text
    assert "其中集中接待1次" in text


def test_sessions_none_centralised_do_not_mention_centralising():
    text = sessions_text(1, 0)
    assert "接待群众活动1次" in text
    assert "集中接待" not in text


def test_one_delegation_is_not_one_of_several():
    from report.sections import reception

    one = counts(reception__delegation_visits=1, reception__delegation_bodies=["甲"])
    text = text_of(reception.visits_paragraph(YEAR, one), one)
    assert "接待了甲考察团" in text and "等" not in text
    two = counts(
        reception__delegation_visits=2, reception__delegation_bodies=["甲", "乙"]
    )
    assert "接待了甲、乙等2个考察团" in text_of(
        reception.visits_paragraph(YEAR, two), two
    )


# -- deputies -----------------------------------------------------------------------


def archives_text(serving, archives, photos) -> str:
    from report.sections.deputies import duties

    figures = counts(
        deputies__serving=serving,
        deputies__archives=archives,
        deputies__archives_with_photos=photos,
    )
    return text_of(duties.archives_paragraph(YEAR, figures), figures)


def test_archives_of_every_deputy_with_photos():
    text = archives_text(5, 5, 5)
    assert "完整记录全部5名代表的履职轨迹，每名代表的档案均配有活动照片" in text


def test_archives_of_some_deputies_some_with_photos():
    text = archives_text(5, 3, 1)
    assert "完整记录3名代表的履职轨迹，其中1名代表的档案配有活动照片" in text
    assert "全部" not in text and "每名" not in text


def test_archives_without_photos_say_nothing_of_photos():
    text = archives_text(5, 3, 0)
    assert "完整记录3名代表的履职轨迹" in text and "照片" not in text


def test_the_archive_of_a_single_deputy_is_not_all_of_them():
    text = archives_text(1, 1, 1)
    assert "全部" not in text and "每名" not in text
    assert "完整记录1名代表的履职轨迹，档案配有活动照片" in text


def test_no_archive_record_says_so():
    assert "本年度没有代表履职档案的记录" in archives_text(5, 0, 0)


def reflections_text(trips, covered) -> str:
    from report.sections.deputies import training

    figures = counts(
        deputies__study_trips=trips,
        deputies__study_trip_titles=["赴甲地"] * trips,
        deputies__reflections=4,
        deputies__study_trips_with_reflections=covered,
    )
    return text_of(training.trips_paragraph(YEAR, figures), figures)


def test_reflections_on_every_trip():
    assert "3次考察学习均有书面心得" in reflections_text(3, 3)


def test_reflections_on_some_trips():
    text = reflections_text(3, 1)
    assert "均有" not in text and "其中1次考察学习有书面心得" in text


def test_reflections_on_the_only_trip():
    text = reflections_text(1, 1)
    assert "均有" not in text and "认真撰写了培训心得体会4篇" in text


# -- suggestions --------------------------------------------------------------------


def replies_text(total, replied) -> str:
    from report.sections.suggestions import handling

    figures = counts(
        suggestions__session_suggestions=0,
        suggestions__congress_sessions=[],
        suggestions__inter_session_suggestions=total,
        suggestions__deputy_suggestions=total,
        suggestions__deputy_replied=replied,
        suggestions__deputy_reply_rate=100.0 * replied / total,
        suggestions__collected=0,
        suggestions__followed_up=0,
    )
    return text_of(handling.deputy_suggestions_paragraph(YEAR, figures), figures)


def test_deputy_suggestions_all_answered():
    assert "3条闭会期间建议均得到回复" in replies_text(3, 3)


def test_deputy_suggestions_some_answered():
    assert "3条闭会期间建议中已有1条得到回复（回复率33.3%）" in replies_text(3, 1)


def test_deputy_suggestions_none_answered_yet():
    text = replies_text(2, 0)
    assert "0条" not in text and "尚未得到回复" in text


def test_the_only_deputy_suggestion_answered():
    text = replies_text(1, 1)
    assert "均" not in text and "1条闭会期间建议已得到回复" in text


def channels_text(names) -> str:
    from report.sections.suggestions import channels

    figures = counts(
        suggestions__channels=names,
        suggestions__channel_count=len(names),
        suggestions__wechat_express=0,
        suggestions__community_groups=0,
    )
    return text_of(channels.channels_paragraph(YEAR, figures), figures)


def test_one_channel_is_not_one_kind_of_several():
    text = channels_text(["来电"])
    assert "群众通过来电向人大代表反映意见" in text and "等" not in text
    assert "通过来电、来访等2类渠道" in channels_text(["来电", "来访"])
