"""A year built from factories gets exactly its own figures, in plain sentences."""

from report.builder import collect_figures, generate_paragraphs
from report.document import ReportDocument

from .conftest import YEAR


def test_a_factory_year_gets_exactly_its_own_figures(factory_year):
    figures = collect_figures(YEAR)
    for key, expected in factory_year.items():
        assert figures[key].value == expected, key


def test_rates_come_from_invited_and_visited_records(factory_year):
    figures = collect_figures(YEAR)
    assert figures["deputies.poverty_participation"].display() == "50%"
    assert figures["deputies.poverty_household_rate"].display() == "80%"


def test_every_figure_has_a_chinese_label_and_a_drill_down(factory_year):
    for figure in collect_figures(YEAR).values():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in figure.label), figure.key
        # An empty id-named list has nothing to show, so no link.
        assert figure.drilldown.startswith("/admin/") or figure.is_empty, figure.key


def test_the_draft_states_the_figures_in_chinese_sentences(factory_year):
    text = ReportDocument.from_records(YEAR).plain_text()
    assert "开展2次座谈会" in text
    assert "示例议题甲、示例议题乙、示例议题丙" in text
    assert "《示例政务简报》2次" in text
    assert "第示例选区" in text
    assert "一、主要工作完成情况及特色亮点工作" in text
    assert "三、2017年工作思路" in text


def test_a_year_without_records_says_so_instead_of_printing_zeros(db):
    text = ReportDocument.from_records(1999 + 10).plain_text()
    assert "本年度没有召开座谈会的记录" in text
    assert "0次" not in text
    assert "0名" not in text


def test_numbered_activities_read_first_second_in_their_part(factory_year):
    paragraphs = generate_paragraphs(YEAR, collect_figures(YEAR))
    special = [p["text"] for p in paragraphs if p["part"] == "work.special"]
    # The sentence opening the deputies' group activities comes first, unnumbered.
    assert special[0].startswith("我们按照区人大统一部署")
    assert special[1].startswith("一是")
    assert special[2].startswith("二是")


def test_the_free_text_parts_are_drafted_for_the_committee_to_edit(factory_year):
    paragraphs = generate_paragraphs(YEAR, collect_figures(YEAR))
    free = {
        p["key"]: p["text"] for p in paragraphs if p["part"] in ("problems", "plans")
    }
    assert set(free) == {"problems", "plans"} and all(free.values())
    assert (
        "（本部分待工委撰写。）" not in ReportDocument.from_records(YEAR).plain_text()
    )


def test_every_section_of_the_factory_year_reads_as_the_committee_writes(
    factory_year,
):
    text = ReportDocument.from_records(YEAR).plain_text()
    for sentence in (
        "完成1个社区代表接待站的提档升级（全街共2个）",
        "已有1个接待站全部达标",
        "接待了示例考察团甲、示例考察团乙等2个考察团",
        "接待群众活动2次，接待选民25人",
        "全年共提请市代表协调1件，其中已解决1件。目前，问题已经解决。",
        "2条区示例届人大一次会议代表建议及1条闭会期间建议中已有2条得到回复（回复率66.7%）",
        "广泛收集民意3条，目前已经督办了2条",
        "全年投稿数2篇，其中示例区人大网站录用1篇，《示例日报》录用1篇",
        "在示例微信号推送人大代表风采1篇",
        "于2016年3月组织开展人大代表述职活动，安排3名代表回原选区述职",
    ):
        assert sentence in text
