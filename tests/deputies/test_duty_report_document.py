"""A duty report's attached document is checked through its bytes."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from deputies.models import DutyReport
from tests.factories import ConstituencyFactory, DeputyFactory

URL = "/admin/deputies/dutyreport/add/"


def docx_bytes() -> bytes:
    doc = Document()
    doc.add_paragraph("述职报告")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def post(client, name, content):
    deputy = DeputyFactory()
    data = {
        "deputy": str(deputy.pk),
        "date": "2018-06-01",
        "constituency": str(ConstituencyFactory().pk),
        "place": "",
        "audience": "30",
        "text": "",
        "satisfied": "20",
        "fairly_satisfied": "5",
        "dissatisfied": "0",
        "document": SimpleUploadedFile(name, content),
    }
    return client.post(URL, data)


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", PDF), ("report.docx", docx_bytes()), ("report.doc", DOC)],
)
def test_real_documents_are_kept(staff_client, settings, tmp_path, name, content):
    settings.MEDIA_ROOT = tmp_path
    response = post(staff_client, name, content)
    assert response.status_code == 302
    report = DutyReport.objects.get()
    assert report.document.read() == content
    assert report.document.name.endswith("." + name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00 a program", "不是PDF或Word文档"),
        ("report.docx", b"PK\x03\x04 not really a zip", "不是PDF或Word文档"),
        ("report.pdf", docx_bytes(), "实际是DOCX文档"),
        ("report.docx", PDF, "实际是PDF文档"),
    ],
)
def test_other_bytes_are_refused_in_chinese_and_nothing_is_saved(
    staff_client, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    response = post(staff_client, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DutyReport.objects.exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
