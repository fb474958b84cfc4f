"""The 2018 report made from the demo records states every figure of FIGURES.md,
in the web page, the Word document and the PDF, and no resident's details."""

import html
import io
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from docx import Document

from deputies.models import Deputy
from report.document import ReportDocument
from report.render import render_csv, render_docx, render_html, render_pdf
from suggestions.models import Suggestion

# Marked so that pytest-django sets up the test database for this module's
# fixture, which loads the demo once for every test here.
pytestmark = pytest.mark.django_db

# What the report must say, as the committee writes it (FIGURES.md, by part).
STATEMENTS = {
    "9 stations upgraded": "全面完成9个社区代表接待站的提档升级",
    "eight-haves": (
        "均按照“八有”标准（有场所、有标牌、有制度、有人"
        "员、有计划、有经费、有档案、有活动）建设，9个接"
        "待站全部达标"
    ),
    "4 delegation visits named": (
        "接待了全国人大办公厅、江西省新余市渝水区人大、山"
        "东省济南市槐荫区人大常委会、山东省潍坊市奎文区人"
        "大代表等4个考察团"
    ),
    "5 government briefings": "向人大代表发放《武昌政务简报》5次",
    "6 internal periodicals": "等内部期刊合计6次",
    "3 study trips": "考察学习3次",
    "reflections": "认真撰写了培训心得体会",
    "3 trips with reflections": "3次考察学习均有书面心得",
    "4 symposiums with topics": (
        "就红色物业、幸福驿站、“大湖+”、“双评议”、巡"
        "司河综合治理、紫阳湖水质提升等重点工作情况开展4"
        "次座谈会"
    ),
    "3 poverty visits": "精准扶贫“回头看”活动合计3次",
    "100% and 100%": "代表参加率100%、入户率100%",
    "5 sessions, 129 voters": "接待群众活动5次，接待选民129人",
    "escalation": (
        "在收到梅隐寺社区居民反映的梅家山立交转盘下道路坑"
        "洼不平、大石墩子影响通行等诉求后"
    ),
    "1 escalation partly resolved": ("全年共提请市代表协调1件，其中基本解决1件"),
    "7 duty reports in August": (
        "于2018年8月组织开展人大代表述职活动，安排7名代表回原选区述职"
    ),
    "by-election in constituency 2": "圆满完成了第二选区的人大代表补选工作",
    "channels": "“紫阳微邻里”微信平台“代表直通车”",
    "community groups": "通过社区QQ群、微信群反映16条",
    "6 + 4 deputy suggestions replied": (
        "6条区十五届人大二次会议代表建议及4条闭会期间建议均得到回复"
    ),
    "72 collected, 48 followed up": "广泛收集民意72条，目前已经督办了48条",
    "16 submitted": "全年投稿数16篇",
    "acceptances by outlet": (
        "其中《人民意志》录用1篇，《长江日报》录用1篇，"
        "《武汉晚报》录用1篇，市人大网站录用3篇，区人大"
        "网站录用10篇，区内网录用13篇"
    ),
    "6 profile posts": "在紫阳微邻里推送人大代表风采6篇",
    "archives with photos": (
        "完整记录全部15名代表的履职轨迹，每名代表的档案均配有活动照片，做到“有图有真相”"
    ),
    "subtitle": "（2018年12月25日在武汉市武昌区第十五届人大常委会第16次会议上）",
    "speaker": "人大紫阳街工委主任、各位副主任、各位委员：",
    "outline": "一、主要工作完成情况及特色亮点工作",
    "problems": "二、存在的问题",
    "plans": "三、2019年工作思路",
}


def squeeze(text: str) -> str:
    return "".join(text.split())


def html_text(page: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.DOTALL)
    return squeeze(html.unescape(re.sub(r"<[^>]+>", "", body)))


def pdf_text(content: bytes, tmp: Path) -> str:
    path = tmp / "report.pdf"
    path.write_bytes(content)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode()
    return re.sub(r"—\d+—", "", squeeze(out))


@pytest.fixture(scope="module")
def demo_outputs(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo year loaded once, rendered three ways, and rolled back."""
    tmp = tmp_path_factory.mktemp("demo-report")
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, name
        call_command("load_demo", stdout=io.StringIO())
        document = ReportDocument.from_records(2018)
        personal = {
            value
            for row in Suggestion.objects.values_list(
                "submitter_name", "submitter_phone", "submitter_address"
            )
            for value in row
            if value
        } | {phone for phone in Deputy.objects.values_list("phone", flat=True) if phone}
        outputs = {
            "html": render_html(document, links=True),
            "docx": render_docx(document),
            "pdf": render_pdf(document),
            "csv": render_csv(document),
        }
        texts = {
            "html": html_text(outputs["html"]),
            "docx": squeeze(
                "\n".join(
                    p.text for p in Document(io.BytesIO(outputs["docx"])).paragraphs
                )
            ),
            "pdf": pdf_text(outputs["pdf"], tmp),
        }
        transaction.set_rollback(True)
    return {"texts": texts, "outputs": outputs, "personal": personal}


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
@pytest.mark.parametrize("what", list(STATEMENTS))
def test_the_2018_report_states_each_figure(demo_outputs, fmt, what):
    assert squeeze(STATEMENTS[what]) in demo_outputs["texts"][fmt]


def test_the_pdf_text_is_real_chinese_not_empty_boxes(demo_outputs):
    text = demo_outputs["texts"]["pdf"]
    chinese = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert chinese > 1500


def test_no_section_of_the_demo_year_is_reported_empty(demo_outputs):
    for fmt in ("html", "docx", "pdf"):
        assert "本年度没有" not in demo_outputs["texts"][fmt]


def test_the_report_never_names_a_resident_or_a_private_phone(demo_outputs):
    personal = demo_outputs["personal"]
    assert "居民梅某某" in personal and "13800009999" in personal
    csv_text = demo_outputs["outputs"]["csv"].decode("utf-8-sig")
    for fmt, text in demo_outputs["texts"].items():
        for value in personal:
            assert squeeze(value) not in text, (fmt, value)
    for value in personal:
        assert value not in csv_text
        assert value not in demo_outputs["outputs"]["html"]
