"""The duty archive: a deputy sees their own, staff see anyone's, both export it."""

import io

import pytest
from django.contrib.auth import get_user_model
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from deputies.models import Deputy
from tests.deputies.factories import ActivityPhotoFactory, AttendanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def zhang_2018(zhang):
    row = AttendanceFactory(
        deputy=zhang,
        activity__title="赴青岛考察学习",
        activity__kind="training",
        activity__date="2018-04-16",
        reflection="示例心得体会",
    )
    ActivityPhotoFactory(activity=row.activity, caption="青岛考察现场")
    AttendanceFactory(
        deputy=zhang, activity__title="2017年学习", activity__date="2017-03-01"
    )
    return zhang


def test_a_deputy_sees_their_own_archive_for_the_latest_year(deputy_client, zhang_2018):
    response = deputy_client.get("/my/archive/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "履职档案" in html and "张示例" in html
    assert "赴青岛考察学习" in html and "示例心得体会" in html
    assert 'alt="青岛考察现场"' in html
    assert "2017年学习" not in html


def test_a_deputy_chooses_a_year_or_the_whole_term(deputy_client, zhang_2018):
    html = deputy_client.get("/my/archive/", {"year": "2017"}).content.decode()
    assert "2017年学习" in html and "赴青岛考察学习" not in html
    html = deputy_client.get("/my/archive/", {"year": "all"}).content.decode()
    assert "2017年学习" in html and "赴青岛考察学习" in html
    assert "整个任期" in html


@pytest.mark.parametrize("year", ["abc", "1800", "99999"])
def test_a_bad_year_is_a_clear_400(deputy_client, zhang_2018, year):
    response = deputy_client.get("/my/archive/", {"year": year})
    assert response.status_code == 400
    assert "履职档案中没有这个年份" in response.content.decode()
    pdf = deputy_client.get("/my/archive/pdf/", {"year": year})
    assert pdf.status_code == 400


def test_a_deputy_sees_only_their_own_archive(other_deputy_client, zhang_2018, li):
    response = other_deputy_client.get("/my/archive/", {"year": "all"})
    html = response.content.decode()
    assert "李示例" in html
    assert "张示例" not in html and "赴青岛考察学习" not in html
    pdf = other_deputy_client.get("/my/archive/pdf/", {"year": "all"})
    text = _pdf_text(pdf.content)
    assert "李示例" in text and "张示例" not in text
    # Another deputy's archive in the admin is out of reach.
    response = other_deputy_client.get(
        f"/admin/deputies/deputy/{zhang_2018.pk}/archive/"
    )
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_archive_needs_a_deputy_login(client, resident_client, staff_client, db):
    response = client.get("/my/archive/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert resident_client.get("/my/archive/").status_code == 403
    assert staff_client.get("/my/archive/").status_code == 403
    assert staff_client.get("/my/archive/pdf/").status_code == 403


def test_a_deputy_login_without_a_register_entry_is_refused(deputy_client):
    assert deputy_client.get("/my/archive/").status_code == 403


def test_staff_see_any_deputys_archive_in_the_admin(staff_client, zhang_2018):
    response = staff_client.get(
        f"/admin/deputies/deputy/{zhang_2018.pk}/archive/", {"year": "2018"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "赴青岛考察学习" in html and "张示例" in html
    assert f"/admin/deputies/deputy/{zhang_2018.pk}/archive/pdf/?year=2018" in html


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_export_holds_real_chinese_text(deputy_client, zhang_2018):
    response = deputy_client.get("/my/archive/pdf/", {"year": "2018"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = _pdf_text(response.content)
    assert "履职档案" in text
    assert "张示例" in text and "赴青岛考察学习" in text
    reader = PdfReader(io.BytesIO(response.content))
    assert sum(len(page.images) for page in reader.pages) >= 1


def test_the_word_export_uses_a_chinese_font_and_holds_the_photos(
    deputy_client, zhang_2018
):
    response = deputy_client.get("/my/archive/docx/", {"year": "2018"})
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "履职档案" in text and "赴青岛考察学习" in text and "示例心得体会" in text
    assert len(document.inline_shapes) == 1
    fonts = document.styles["Heading 1"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert fonts.get(qn("w:eastAsiaTheme")) is None


def test_staff_download_the_archive_from_the_admin(staff_client, zhang_2018):
    for fmt in ("pdf", "docx"):
        response = staff_client.get(
            f"/admin/deputies/deputy/{zhang_2018.pk}/archive/{fmt}/",
            {"year": "2018"},
        )
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]


def test_an_unknown_export_format_is_a_404(deputy_client, zhang_2018):
    assert deputy_client.get("/my/archive/xls/").status_code == 404


def test_the_demo_archive_of_zhang_shows_2018_activities_with_photos(client, demo_2018):
    client.force_login(get_user_model().objects.get(username="deputy"))
    response = client.get("/my/archive/", {"year": "2018"})
    html = response.content.decode()
    zhang = Deputy.objects.get(name="张某华")
    assert response.context["archive"]["deputy"] == zhang
    assert "赴青岛考察学习基层人大工作" in html
    assert "精准扶贫“回头看”第一次入户走访" in html
    assert html.count('class="archive-photo"') >= 10
    assert "8 月" in html or "2018-08-08" in html  # the August duty report
