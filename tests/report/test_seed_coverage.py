"""The 2018 report covers the committee's own 2018 report paragraph by
paragraph: for each paragraph of ../shared/seed whose facts the portal
records, the generated report has a paragraph stating the same facts.

The stations' paragraphs of 一(一) are checked with the stations' figures
(tests/report/test_reception_years.py); 二 and 三 are drafted for staff to
rewrite (tests/report/test_problems.py, tests/workplan)."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from report.document import ReportDocument

pytestmark = pytest.mark.django_db

# The committee's 2018 report as published (a copy of ../shared/seed), kept
# beside the test so that it runs in any checkout.
SEED = Path(__file__).with_name("data") / "seed_2018_report.txt"

# (words that find the paragraph in the seed, the part's heading in the
#  report ("" for the opening and closing), facts that one paragraph states)
PARAGRAPHS = [
    (
        "区人大紫阳街工委在区人大、街党工委的正确领导下",
        "",
        ["2018年", "区人大紫阳街工委在区人大、街党工委的正确领导下", "密切联系代表"],
    ),
    (
        "组织人大代表深入学习了《宪法修正案》",
        "（二）",
        [
            "集中学习3次",
            "《宪法修正案》",
            "《监察法》",
            "习近平总书记视察湖北重要讲话精神",
            "《省人大常委会关于深入开展扫黑除恶专项斗争的决定》",
            "深刻领会和全面把握精神实质，站稳政治立场",
        ],
    ),
    (
        "全年向人大代表发放《武昌政务简报》5次",
        "（二）",
        ["《武昌政务简报》5次", "内部期刊合计6次", "知情知政"],
    ),
    (
        "赴青岛等地考察学习3次",
        "（二）",
        ["考察学习3次", "赴青岛", "严守培训纪律", "心得体会", "“一静一动”"],
    ),
    (
        "扎实开展代表小组活动",
        "（三）",
        ["扎实开展代表小组活动", "活动有方向、实施有步骤、工作有实效"],
    ),
    (
        "一是围绕区人大重点工作",
        "（三）",
        ["一是围绕区人大重点工作", "红色物业", "紫阳湖水质提升", "4次座谈会", "智囊团"],
    ),
    (
        "二是聚力脱贫攻坚",
        "（三）",
        ["二是聚力脱贫攻坚", "“回头看”活动合计3次", "代表参加率100%", "入户率100%"],
    ),
    (
        "三是开展接待选民活动",
        "（三）",
        ["三是开展接待选民活动", "接待群众活动5次", "接待选民129人"],
    ),
    (
        "四是向市代表借力解决居民所盼",
        "（三）",
        ["四是向市代表借力解决居民所盼", "梅隐寺社区", "梅家山立交转盘", "市代表"],
    ),
    (
        "安排7名代表回原选区述职",
        "（三）",
        ["2018年8月", "7名代表回原选区述职", "第二选区的人大代表补选工作"],
    ),
    (
        "搭建“线上线下”的双渠道平台",
        "（四）",
        [
            "“线上线下”的双渠道平台",
            "“紫阳微邻里”微信平台“代表直通车”",
            "社区QQ群、微信群",
            "一位代表就是一个流动接待站",
        ],
    ),
    (
        "4条闭会期间建议均得到回复",
        "（四）",
        [
            "6条区十五届人大二次会议代表建议及4条闭会期间建议均得到回复",
            "广泛收集民意72条",
            "督办了48条",
        ],
    ),
    (
        "目前投稿数16篇",
        "（五）",
        ["投稿数16篇", "《人民意志》录用1篇", "区内网录用13篇", "人大代表风采6篇"],
    ),
    (
        "规范、完善代表履职档案",
        "（五）",
        ["规范、完善代表履职档案", "“有图有真相”"],
    ),
    (
        "将紧盯区人大的目标任务和工作要求",
        "",
        ["2019年", "紧盯区人大的目标任务和工作要求", "为武昌全面发展贡献力量"],
    ),
]


@pytest.fixture(scope="module")
def paragraphs(django_db_setup, django_db_blocker):
    """The 2018 report's paragraphs, each with the part heading above it."""
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, name
        call_command("load_demo", stdout=io.StringIO())
        blocks = ReportDocument.from_records(2018).blocks()
        transaction.set_rollback(True)
    heading, found = "", []
    for block in blocks:
        if block.kind in ("chapter", "part"):
            heading = block.text
        elif block.kind == "paragraph":
            found.append((heading, block.text))
    return found


def squeeze(text: str) -> str:
    return (
        "".join(text.split()).replace(",", "，").replace("(", "（").replace(")", "）")
    )


def test_each_listed_paragraph_is_in_the_seed():
    seed = squeeze(SEED.read_text(encoding="utf-8"))
    for words, _part, _facts in PARAGRAPHS:
        assert squeeze(words) in seed, words


@pytest.mark.parametrize(
    ("words", "part", "facts"), PARAGRAPHS, ids=[p[0][:12] for p in PARAGRAPHS]
)
def test_the_2018_report_has_a_paragraph_with_the_seeds_facts(
    paragraphs, words, part, facts
):
    candidates = [
        text for heading, text in paragraphs if heading.startswith(part) or not part
    ]
    assert any(all(fact in text for fact in facts) for text in candidates), (
        words,
        [text[:60] for text in candidates],
    )


def test_no_paragraph_of_the_2018_report_is_a_placeholder(paragraphs):
    for _heading, text in paragraphs:
        assert "待工委撰写" not in text
        assert "[[" not in text
