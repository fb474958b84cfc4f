"""`manage.py check_report FILE`: the 2018 report's Word document and PDF pass
the GB/T 9704 rules, and files built wrong fail them with a non-zero status."""

import io
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from report import render as rendering
from report.document import ReportDocument

pytestmark = pytest.mark.django_db

WENQUANYI = "* { font-family: 'WenQuanYi Micro Hei' !important; }"


def _body_in_songti(docx: bytes) -> bytes:
    doc = Document(io.BytesIO(docx))
    fonts = doc.styles["Normal"].element.rPr.rFonts
    fonts.set(qn("w:eastAsia"), "宋体")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _numbers_centred(docx: bytes) -> bytes:
    doc = Document(io.BytesIO(docx))
    section = doc.sections[0]
    for footer in (section.footer, section.even_page_footer):
        footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _no_grid(docx: bytes) -> bytes:
    doc = Document(io.BytesIO(docx))
    sect = doc.sections[0]._sectPr
    for grid in sect.findall(qn("w:docGrid")):
        sect.remove(grid)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _body_uncondensed(docx: bytes) -> bytes:
    """The body off the grid at its full width: 27 characters a line."""
    doc = Document(io.BytesIO(docx))
    rpr = doc.styles["Normal"].element.rPr
    for spacing in rpr.findall(qn("w:spacing")):
        rpr.remove(spacing)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _pdf_in_wenquanyi(document, monkeypatch) -> bytes:
    css = rendering._css
    monkeypatch.setattr(
        rendering,
        "_css",
        lambda name: css(name) + (WENQUANYI if name == "print.css" else ""),
    )
    try:
        return rendering.render_pdf(document)
    finally:
        monkeypatch.setattr(rendering, "_css", css)


@pytest.fixture(scope="module")
def files(django_db_setup, django_db_blocker, tmp_path_factory):
    """The 2018 report's files, and copies built wrong, from the demo year."""
    tmp = tmp_path_factory.mktemp("check-report")
    monkeypatch = pytest.MonkeyPatch()
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, name
        call_command("load_demo", stdout=io.StringIO())
        document = ReportDocument.from_records(2018)
        docx = rendering.render_docx(document)
        contents = {
            "good.docx": docx,
            "good.pdf": rendering.render_pdf(document),
            "songti-body.docx": _body_in_songti(docx),
            "centred-numbers.docx": _numbers_centred(docx),
            "no-grid.docx": _no_grid(docx),
            "wide-body.docx": _body_uncondensed(docx),
            "wenquanyi.pdf": _pdf_in_wenquanyi(document, monkeypatch),
        }
        transaction.set_rollback(True)
    paths = {}
    for filename, content in contents.items():
        paths[filename] = tmp / filename
        paths[filename].write_bytes(content)
    return paths


def check(path) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("check_report", str(path), stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()


@pytest.mark.parametrize("filename", ["good.docx", "good.pdf"])
def test_the_2018_report_follows_every_rule(files, filename):
    status, output = check(files[filename])
    assert status == 0, output
    assert "✗" not in output
    rules = ("标题", "正文", "一级标题", "二级标题", "每页行数", "每行字数", "页码")
    for rule in rules:
        assert rule in output, rule
    assert "每页行数：22" in output
    assert "每行字数：28" in output
    assert "未用替代字体" in output or "替代字体的文字：无" in output


@pytest.mark.parametrize(
    ("filename", "failing"),
    [
        ("songti-body.docx", "✗ 正文的字体：宋体"),
        ("centred-numbers.docx", "✗ 页码"),
        ("no-grid.docx", "✗ 每行字数"),
        (
            "wide-body.docx",
            "✗ 每行字数：28（文档网格linesAndChars），不对齐网格的正文每行27字",
        ),
        ("wenquanyi.pdf", "✗ 替代字体的文字："),
    ],
)
def test_a_file_built_wrong_fails_with_the_rule_named(files, filename, failing):
    status, output = check(files[filename])
    assert status == 1, output
    assert failing in output, output
    assert "不符合GB/T 9704-2012" in output


def test_the_wenquanyi_pdf_fails_the_fonts_of_every_role(files):
    _status, output = check(files["wenquanyi.pdf"])
    assert "✗ 标题的字体" in output
    assert "✗ 替代字体的文字" in output


def test_bad_input_is_a_clear_error(tmp_path):
    text = tmp_path / "report.txt"
    text.write_text("不是报告")
    assert check(text)[0] == 1
    assert "请提供Word文档（.docx）或PDF" in check(text)[1]
    assert "文件不存在" in check(tmp_path / "missing.pdf")[1]
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK not a document")
    assert "无法读取" in check(broken)[1]


def test_pdffonts_lists_the_four_styles_and_no_wenquanyi(files):
    if not shutil.which("pdffonts"):
        pytest.fail("pdffonts is not installed (apt-get install poppler-utils)")
    listing = subprocess.run(
        ["pdffonts", str(files["good.pdf"])], check=True, capture_output=True
    ).stdout.decode()
    names = [line.split()[0] for line in listing.splitlines()[2:]]
    embedded = all(line.split()[-5] == "yes" for line in listing.splitlines()[2:])
    assert embedded, listing
    styles = {
        "小标宋 (title)": "Noto-Serif-CJK-SC-Bold",
        "仿宋 (body)": "FandolFang",
        "黑体 (level-1 headings)": "Noto-Sans-CJK-SC",
        "楷体 (level-2 headings)": "AR-PL-UKai-CN",
    }
    for style, face in styles.items():
        assert any(name.split("+")[-1] == face for name in names), (style, listing)
    assert not any("WenQuanYi" in name for name in names), listing
