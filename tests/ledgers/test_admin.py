"""The import pages: who may use them, the preview, the confirmation, bad files."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ledgers import sheets
from ledgers.kinds import kinds
from ledgers.models import LedgerImport
from reception.models import ReceptionSession
from suggestions.models import Suggestion
from tests.conftest import make_user

from .conftest import ROWS, session_row, suggestion_row, upload

pytestmark = pytest.mark.django_db

PERMISSION = {
    "sessions": "add_receptionsession",
    "activities": "add_dutyactivity",
    "suggestions": "add_suggestion",
    "articles": "add_article",
}


def upload_url(kind):
    return reverse("admin:ledgers_upload", args=[kind])


def template_url(kind):
    return reverse("admin:ledgers_template", args=[kind])


@pytest.fixture
def clerk(django_user_model):
    """Staff with no permission but to add reception sessions."""
    user = make_user(django_user_model, "clerk-zhou", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_receptionsession"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def bare_staff(django_user_model):
    client = Client()
    client.force_login(make_user(django_user_model, "staff-bare", is_staff=True))
    return client


def preview(client, kind, rows, **kwargs):
    return client.post(upload_url(kind), {"sheet": upload(kind, rows, **kwargs)})


@pytest.mark.parametrize("kind", kinds())
def test_staff_preview_then_confirm(street, staff_client, kind):
    response = preview(staff_client, kind, [ROWS[kind]()])
    assert response.status_code == 200
    assert "导入将新增1条记录" in response.content.decode()
    record = LedgerImport.objects.get()
    assert record.status == LedgerImport.Status.PREVIEWED
    assert LedgerImport.objects.count() == 1
    response = staff_client.post(reverse("admin:ledgers_confirm", args=[record.pk]))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == LedgerImport.Status.IMPORTED
    assert (record.created_count, record.skipped_count) == (1, 0)
    assert bytes(record.content) == b""


def test_the_preview_saves_no_record(street, staff_client):
    preview(staff_client, "sessions", [session_row()])
    assert not ReceptionSession.objects.exists()


def test_the_superuser_imports(street, superuser_client):
    response = preview(superuser_client, "suggestions", [suggestion_row()])
    assert response.status_code == 200
    record = LedgerImport.objects.get()
    superuser_client.post(reverse("admin:ledgers_confirm", args=[record.pk]))
    assert Suggestion.objects.get().status == Suggestion.Status.CLOSED


def test_a_clerk_imports_only_the_ledger_of_their_permission(street, clerk):
    assert clerk.get(upload_url("sessions")).status_code == 200
    assert clerk.get(template_url("sessions")).status_code == 200
    for kind in ("activities", "suggestions", "articles"):
        assert clerk.get(upload_url(kind)).status_code == 403
        assert clerk.get(template_url(kind)).status_code == 403
        assert preview(clerk, kind, [ROWS[kind]()]).status_code == 403
    page = clerk.get(reverse("admin:ledgers_ledgerimport_changelist")).content.decode()
    assert upload_url("sessions") in page
    assert upload_url("suggestions") not in page


@pytest.mark.parametrize("kind", kinds())
def test_staff_without_the_permission_are_refused(street, bare_staff, kind):
    assert bare_staff.get(upload_url(kind)).status_code == 403
    assert preview(bare_staff, kind, [ROWS[kind]()]).status_code == 403
    changelist = reverse("admin:ledgers_ledgerimport_changelist")
    assert bare_staff.get(changelist).status_code == 403
    assert not LedgerImport.objects.exists()


@pytest.mark.parametrize("kind", kinds())
def test_deputies_and_visitors_are_sent_to_the_login(street, deputy_client, kind):
    for client in (deputy_client, Client()):
        for url in (upload_url(kind), template_url(kind)):
            response = client.get(url)
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]
        assert preview(client, kind, [ROWS[kind]()]).status_code == 302
    assert not LedgerImport.objects.exists()


def test_a_preview_is_confirmed_only_by_who_uploaded_it(
    street, staff_client, superuser_client, clerk
):
    preview(staff_client, "sessions", [session_row()])
    record = LedgerImport.objects.get()
    url = reverse("admin:ledgers_confirm", args=[record.pk])
    assert clerk.post(url).status_code == 403
    assert superuser_client.post(url).status_code == 403
    assert Client().post(url).status_code == 302
    assert not ReceptionSession.objects.exists()
    assert staff_client.post(url).status_code == 302
    assert ReceptionSession.objects.count() == 1
    # Confirmed once: a second confirmation finds nothing waiting.
    assert staff_client.post(url).status_code == 404
    assert ReceptionSession.objects.count() == 1


def test_a_sheet_with_row_errors_answers_400_and_lists_them(street, staff_client):
    rows = [session_row(), session_row(date="2019-03-06", voters="十二")]
    response = preview(staff_client, "sessions", rows)
    assert response.status_code == 400
    page = response.content.decode()
    assert "第3行 接待选民人数：“十二”不是整数。" in page
    assert "什么也没有保存" in page
    assert not LedgerImport.objects.exists()


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        (SimpleUploadedFile("s.csv", b"a,b\n"), "只能导入Excel工作簿（.xlsx）"),
        (SimpleUploadedFile("s.xlsx", b"not a zip"), "这个文件不是Excel工作簿"),
        (upload("sessions", [session_row()], headers=["日期"]), "第1行缺少以下列"),
    ],
)
def test_bad_files_answer_400_with_a_chinese_message(
    street, staff_client, sheet, message
):
    response = staff_client.post(upload_url("sessions"), {"sheet": sheet})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_a_file_over_the_limit_answers_400(street, staff_client, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_SHEET_BYTES", 100)
    response = preview(staff_client, "sessions", [session_row()])
    assert response.status_code == 400
    assert "文件大于100\xa0字节" in response.content.decode()


def test_no_file_answers_400(street, staff_client):
    assert staff_client.post(upload_url("sessions"), {}).status_code == 400


def test_an_unknown_ledger_is_not_found(staff_client):
    assert staff_client.get(upload_url("budgets")).status_code == 404


def test_records_changed_since_the_preview_are_caught_at_confirmation(
    street, staff_client
):
    preview(staff_client, "sessions", [session_row()])
    record = LedgerImport.objects.get()
    street.wang.name = "王某改"
    street.wang.save()
    response = staff_client.post(reverse("admin:ledgers_confirm", args=[record.pk]))
    assert response.status_code == 400
    assert "第2行 到场代表" in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_the_preview_masks_residents_personal_data(street, superuser_client):
    row = suggestion_row(name="陈大明", phone="13912345678", consent="是")
    page = preview(superuser_client, "suggestions", [row]).content.decode()
    assert "139****5678" in page
    assert "13912345678" not in page
    assert "陈大明" not in page


def test_staff_without_the_personal_data_permission_cannot_import_it(
    street, staff_client
):
    row = suggestion_row(name="陈大明", phone="13912345678", consent="是")
    response = preview(staff_client, "suggestions", [row])
    assert response.status_code == 400
    assert "第2行 居民姓名：您无权导入居民个人信息。" in response.content.decode()


def test_the_log_lists_imports_in_constant_queries(street, staff_client, staff_user):
    url = reverse("admin:ledgers_ledgerimport_changelist")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(url).status_code == 200
        return len(queries)

    LedgerImport.objects.create(kind="sessions", file_name="a.xlsx", user=staff_user)
    count()  # the first request of a session also sets it up
    few = count()
    for n in range(12):
        user = make_user(type(staff_user), f"u{n}", is_staff=True)
        LedgerImport.objects.create(kind="sessions", file_name=f"{n}.xlsx", user=user)
    assert count() == few


def test_a_preview_left_unconfirmed_is_dropped_after_a_day(
    street, staff_client, superuser_client
):
    import datetime

    from django.utils import timezone

    preview(superuser_client, "sessions", [session_row()])
    LedgerImport.objects.update(uploaded_at=timezone.now() - datetime.timedelta(days=2))
    preview(staff_client, "sessions", [session_row()])
    assert list(LedgerImport.objects.values_list("user__username", flat=True)) == [
        "staff-wang"
    ]


def test_the_page_works_in_english(street, staff_client):
    response = staff_client.get(upload_url("sessions"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Download the ledger template" in response.content.decode()
    response = staff_client.get(template_url("sessions"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
