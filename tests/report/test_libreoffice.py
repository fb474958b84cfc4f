"""The Word document opens in LibreOffice and prints as an official report:
28 characters a line, page numbers at the outside edge.

Set REPORT_PAGES_DIR to keep the rendered pages as PNG files for a person to
look at; nothing generated is kept otherwise.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from report.document import ReportDocument
from report.render import render_docx

from .conftest import YEAR
from .test_typesetting import (
    LINES_OF_A_PARAGRAPH,
    assert_numbers_at_the_outside,
    grid_document,
    lines_of_zi,
    page_number_centres,
)

pytestmark = pytest.mark.skipif(
    not shutil.which("soffice"),
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
)


def to_pdf(document, tmp_path) -> Path:
    """The document's Word file as LibreOffice prints it."""
    docx = tmp_path / "report.docx"
    docx.write_bytes(render_docx(document))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    return pdf


def pdf_text(pdf, *options) -> str:
    return subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()


def test_libreoffice_converts_the_word_document_to_pdf_pages(factory_year, tmp_path):
    pdf = to_pdf(ReportDocument.from_records(YEAR), tmp_path)
    text = pdf_text(pdf)
    squeezed = "".join(text.split())
    assert "人大紫阳街工委2016年工作报告" in squeezed
    assert "—1—" in squeezed and "—2—" in squeezed  # the PAGE field, page by page

    pages_dir = Path(os.environ.get("REPORT_PAGES_DIR") or tmp_path / "pages")
    pages_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(pages_dir / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(pages_dir.glob("page-*.png"))
    assert len(pages) >= 2


def test_libreoffice_lays_28_characters_a_line_and_numbers_at_the_outside(tmp_path):
    pdf = to_pdf(grid_document(), tmp_path)
    assert lines_of_zi(pdf_text(pdf, "-layout")) == LINES_OF_A_PARAGRAPH * 6
    assert_numbers_at_the_outside(page_number_centres(pdf))
