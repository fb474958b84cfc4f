"""The register comes in from the sheet staff keep and goes out to Excel."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from deputies.models import Deputy
from deputies.services import COLUMNS
from tests.factories import CommunityFactory, ConstituencyFactory, DeputyFactory

pytestmark = pytest.mark.django_db

HEADERS = ["姓名", "性别", "民族", "党派", "出生年份", "层级", "届次", "选区编号"]
HEADERS += ["社区", "职业", "工作单位", "手机", "任职起始", "任职截止", "简介"]


@pytest.fixture
def places():
    ConstituencyFactory(number=1, name="第一选区")
    CommunityFactory(name="梅隐寺社区", slug="meiyinsi")


def _sheet(*rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "register.xlsx"
    return buffer


GOOD = ["王某某", "女", "汉族", "中共党员", 1975, "区", 15, 1, "梅隐寺社区"]
GOOD += ["社区书记", "示例单位", "13900001234", "2016-12-01", None, "示例简介"]


def test_a_good_sheet_adds_the_deputies(staff_client, places):
    second = ["赵某某", "男", *GOOD[2:11], "", "", None, ""]
    response = staff_client.post(
        "/admin/deputies/deputy/import/", {"sheet": _sheet(GOOD, second)}
    )
    assert response.status_code == 302
    wang = Deputy.objects.get(name="王某某")
    assert wang.level == "district" and wang.constituency.number == 1
    assert wang.community.name == "梅隐寺社区"
    assert wang.phone == "13900001234"
    assert str(wang.active_from) == "2016-12-01"
    assert Deputy.objects.count() == 2


def test_a_row_with_the_same_name_and_level_updates_the_deputy(staff_client, places):
    DeputyFactory(name="王某某", level="district", occupation="旧职业")
    staff_client.post("/admin/deputies/deputy/import/", {"sheet": _sheet(GOOD)})
    assert Deputy.objects.get(name="王某某").occupation == "社区书记"
    assert Deputy.objects.count() == 1


def test_a_sheet_with_errors_lists_each_row_in_chinese_and_saves_nothing(
    staff_client, places
):
    bad_level = [*GOOD[:5], "乡", *GOOD[6:]]
    bad_place = ["李某某", "男", "汉族", "", "", "区", 15, 9, "无此社区"]
    bad_phone = ["孙某某", "女", "汉族", "", "", "区", "第十五", "", "", "", "", "123"]
    response = staff_client.post(
        "/admin/deputies/deputy/import/",
        {"sheet": _sheet(GOOD, bad_level, bad_place, bad_phone, GOOD)},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "第3行" in html and "层级" in html
    assert "第4行" in html and "没有编号为 9 的选区" in html and "无此社区" in html
    assert "第5行" in html and "手机" in html
    assert "第6行" in html and "第2行" in html
    assert "第2行:" not in html  # the good row itself is fine
    assert not Deputy.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [
        lambda: io.BytesIO(b"name,gender\n"),
        lambda: _sheet(GOOD, headers=["名字", "性别"]),
        lambda: _sheet(),
    ],
    ids=["not-excel", "missing-columns", "no-rows"],
)
def test_an_unusable_file_is_refused_in_chinese(staff_client, places, upload):
    file = upload()
    file.name = "register.xlsx"
    response = staff_client.post("/admin/deputies/deputy/import/", {"sheet": file})
    assert response.status_code == 400
    html = response.content.decode()
    assert "没有导入" in html
    assert not Deputy.objects.exists()


def test_the_import_page_needs_a_file(staff_client):
    assert staff_client.get("/admin/deputies/deputy/import/").status_code == 200
    response = staff_client.post("/admin/deputies/deputy/import/", {})
    assert response.status_code == 400
    assert "这个字段是必须的" in response.content.decode()


def test_the_template_has_every_column_and_reimports_cleanly(staff_client, places):
    response = staff_client.get("/admin/deputies/deputy/import/template/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADERS
    assert len(HEADERS) == len(COLUMNS)
    file = io.BytesIO(response.content)
    file.name = "template.xlsx"
    response = staff_client.post("/admin/deputies/deputy/import/", {"sheet": file})
    assert response.status_code == 302
    assert Deputy.objects.filter(name="王某某(示例)").exists()


def test_staff_export_the_register_with_phones_masked(staff_client):
    DeputyFactory(name="甲某", phone="13912345678")
    response = staff_client.get("/admin/deputies/deputy/export/")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][0] == "姓名"
    assert rows[1][0] == "甲某"
    assert rows[1][11] == "139****5678"


def test_a_superuser_export_has_the_full_phone_and_reimports(superuser_client):
    deputy = DeputyFactory(name="甲某", phone="13912345678")
    response = superuser_client.get("/admin/deputies/deputy/export/")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][11] == "13912345678"
    file = io.BytesIO(response.content)
    file.name = "export.xlsx"
    response = superuser_client.post("/admin/deputies/deputy/import/", {"sheet": file})
    assert response.status_code == 302
    assert Deputy.objects.get().pk == deputy.pk


def test_a_masked_export_reimported_keeps_the_phone_on_file(staff_client):
    DeputyFactory(name="甲某", phone="13912345678")
    file = io.BytesIO(staff_client.get("/admin/deputies/deputy/export/").content)
    file.name = "export.xlsx"
    response = staff_client.post("/admin/deputies/deputy/import/", {"sheet": file})
    assert response.status_code == 302
    assert Deputy.objects.get().phone == "13912345678"


def test_import_and_export_are_for_staff_only(deputy_client, resident_client):
    for client in (deputy_client, resident_client):
        for url in (
            "/admin/deputies/deputy/import/",
            "/admin/deputies/deputy/export/",
            "/admin/deputies/deputy/import/template/",
        ):
            response = client.get(url)
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]
