import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from exports.building import export_build
from exports.models import Export
from exports.services import export_request
from security.models import AuditEvent
from suggestions.models import Suggestion
from tests.deputies.factories import AttendanceFactory, DutyActivityFactory
from tests.publicity.factories import SubmissionFactory
from tests.reception.factories import (
    ReceptionSessionFactory,
    SessionIssueFactory,
    StandardCheckFactory,
)
from tests.suggestions.factories import SuggestionFactory, accepted
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db

ADD = "/admin/exports/export/add/"
LIST = "/admin/exports/export/"


def grant(user, codename):
    user.user_permissions.add(Permission.objects.get(codename=codename))
    # Permission caches live on the instance.
    for cache in ("_perm_cache", "_user_perm_cache"):
        user.__dict__.pop(cache, None)


def workbook(export):
    export.refresh_from_db()
    with export.file.open("rb") as f:
        return load_workbook(io.BytesIO(f.read()))


def built(user, register, **kwargs):
    export = export_request(user=user, register=register, **kwargs)
    return export_build(export.pk)


@pytest.fixture
def opinion():
    suggestion = SuggestionFactory(
        submitter_name="居民某某", submitter_phone="13800001234"
    )
    accepted(suggestion)
    return suggestion


def values(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_the_suggestions_export_masks_personal_data_by_default(staff_user, opinion):
    export = built(staff_user, Export.Register.SUGGESTIONS)
    assert export.status == Export.Status.DONE and export.progress == 100
    book = workbook(export)
    rows = values(book["意见建议"])
    assert rows[1][0] == "反映人电话" or "反映人电话" in rows[1]
    flat = [str(v) for row in rows for v in row]
    assert "138****1234" in flat
    assert "13800001234" not in flat
    assert "居民某某" not in flat
    assert export.rows == 1
    # The timeline sheet lists each step of the item.
    timeline = values(book["办理过程"])
    assert len(timeline) >= 4 and timeline[2][0] == opinion.tracking_code


def test_personal_data_needs_the_permission_and_the_request_and_is_audited(
    staff_user, opinion
):
    grant(staff_user, "export_personal_data")
    masked = built(staff_user, Export.Register.SUGGESTIONS)
    assert "13800001234" not in str(values(workbook(masked)["意见建议"]))
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.REVEAL).exists()
    full = built(staff_user, Export.Register.SUGGESTIONS, include_personal=True)
    flat = str(values(workbook(full)["意见建议"]))
    assert "13800001234" in flat and "居民某某" in flat
    event = AuditEvent.objects.get(action=AuditEvent.Action.REVEAL)
    assert event.user == staff_user
    assert event.target == f"exports.export:{full.pk}"
    assert "13800001234" not in event.detail


def test_staff_without_the_permission_cannot_ask_for_personal_data(
    staff_client, opinion
):
    response = staff_client.post(
        ADD, {"register": "suggestions", "include_personal": "on"}
    )
    assert response.status_code == 400
    assert "您无权导出本台账中的个人信息" in response.content.decode()
    assert not Export.objects.exists()


def test_a_withdrawn_permission_masks_an_export_built_later(staff_user, opinion):
    grant(staff_user, "export_personal_data")
    export = export_request(
        user=staff_user, register=Export.Register.SUGGESTIONS, include_personal=True
    )
    staff_user.user_permissions.clear()
    staff_user.__dict__.pop("_perm_cache", None)
    staff_user.__dict__.pop("_user_perm_cache", None)
    export_build(export.pk)
    assert "13800001234" not in str(values(workbook(export)["意见建议"]))


def test_the_deputies_register_masks_private_phones(staff_user, zhang):
    rows = values(workbook(built(staff_user, Export.Register.DEPUTIES))["人大代表"])
    flat = [str(v) for row in rows for v in row]
    assert "张示例" in flat
    assert "139****1111" in flat and "13900001111" not in flat


def test_every_register_opens_in_openpyxl_in_the_one_style(staff_user, zhang, opinion):
    activity = DutyActivityFactory()
    AttendanceFactory(activity=activity, deputy=zhang, attended=True)
    StandardCheckFactory(met=True)
    SessionIssueFactory(session=ReceptionSessionFactory(deputies=[zhang]))
    SubmissionFactory(accepted=True)
    expected = {
        Export.Register.DEPUTIES: ["人大代表"],
        Export.Register.ACTIVITIES: ["履职活动", "出席情况"],
        Export.Register.STATIONS: ["接待站", "“八有”标准检查表"],
        Export.Register.SESSIONS: ["接待选民活动", "反映问题"],
        Export.Register.SUGGESTIONS: ["意见建议", "办理过程"],
        Export.Register.ARTICLES: ["宣传稿件", "投稿明细"],
    }
    for register, sheets in expected.items():
        book = workbook(built(staff_user, register))
        assert book.sheetnames == sheets, register
        for sheet in book.worksheets:
            header = sheet[2]
            assert all(cell.font.b for cell in header), register
            assert sheet.freeze_panes == "A3"
            assert sheet.print_title_rows == "$2:$2"
            assert sheet.page_setup.orientation == "landscape"
            assert sheet.max_row >= 3, (register, sheet.title)


def test_a_year_limits_the_rows(staff_user):
    import datetime
    import zoneinfo

    tz = zoneinfo.ZoneInfo("Asia/Shanghai")
    SuggestionFactory(received_at=datetime.datetime(2017, 5, 1, 9, tzinfo=tz))
    SuggestionFactory(received_at=datetime.datetime(2018, 5, 1, 9, tzinfo=tz))
    export = built(staff_user, Export.Register.SUGGESTIONS, year=2018)
    assert export.rows == 1
    assert workbook(export)["意见建议"]["A1"].value == "意见建议及办理过程 2018"


def test_staff_ask_for_an_export_in_the_admin_and_download_it(
    staff_client, staff_user, opinion, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(ADD, {"register": "suggestions", "year": ""})
    assert response.status_code == 302
    export = Export.objects.get()
    assert export.user == staff_user and export.status == Export.Status.DONE
    listing = staff_client.get(LIST).content.decode()
    assert export.get_absolute_url() in listing
    download = staff_client.get(export.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book.sheetnames == ["意见建议", "办理过程"]
    # Every download is in the audit trail (security).
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.EXPORT, user=staff_user, target="exports:download"
    ).exists()
    progress = staff_client.get(reverse("exports:progress", args=[export.pk])).json()
    assert progress == {
        "status": "done",
        "progress": 100,
        "download": export.get_absolute_url(),
    }


def test_an_unknown_register_is_refused_with_400(staff_client):
    response = staff_client.post(ADD, {"register": "residents"})
    assert response.status_code == 400
    assert not Export.objects.exists()


def test_nobody_else_downloads_an_export(
    staff_user, django_user_model, deputy_client, resident_client, client, opinion
):
    from core.roles import STAFF_GROUP
    from tests.conftest import make_user

    export = built(staff_user, Export.Register.SUGGESTIONS)
    url = export.get_absolute_url()
    colleague = make_user(
        django_user_model, "staff-li", group=STAFF_GROUP, is_staff=True
    )
    from django.test import Client

    other = Client()
    other.force_login(colleague)
    assert other.get(url).status_code == 404
    assert deputy_client.get(url).status_code == 403
    assert resident_client.get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_deputies_do_not_see_the_exports_in_the_admin(deputy_client):
    assert deputy_client.get(LIST).status_code == 302


def test_the_exports_list_keeps_constant_queries(staff_client, staff_user):
    def add(n):
        for _ in range(n):
            Export.objects.create(user=staff_user, register="deputies")

    assert_constant_queries(lambda: staff_client.get(LIST), add)


def test_workbooks_are_stored_outside_the_public_media_folder(
    staff_user, exports_root, settings
):
    export = built(staff_user, Export.Register.DEPUTIES)
    path = export.file.path
    assert path.startswith(str(exports_root))
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_an_export_being_built_shows_its_progress_in_the_list(staff_client, staff_user):
    export = Export.objects.create(user=staff_user, register="deputies")
    html = staff_client.get(LIST).content.decode()
    assert (
        f'data-progress-url="{reverse("exports:progress", args=[export.pk])}"' in html
    )
    assert "exports/progress.js" in html


def test_headers_are_chinese_whatever_language_is_active(staff_user, opinion):
    from django.utils import translation

    with translation.override("en"):
        export = built(staff_user, Export.Register.SUGGESTIONS)
    assert workbook(export).sheetnames == ["意见建议", "办理过程"]


def test_long_registers_are_read_while_the_sheet_is_written(
    staff_user, django_assert_num_queries, monkeypatch
):
    """Rows stream from the database in chunks: nothing is read up front, and
    every row arrives however small the chunks and the width sample are."""
    from exports import registers, style

    monkeypatch.setattr(registers, "CHUNK", 2)
    monkeypatch.setattr(style, "WIDTH_SAMPLE_ROWS", 2)
    for n in range(5):
        accepted(SuggestionFactory(title=f"第{n}条"))
    with django_assert_num_queries(0):
        sheets = registers.suggestions(None, False)
    export = built(staff_user, Export.Register.SUGGESTIONS)
    assert export.rows == 5
    book = workbook(export)
    titles = [row[6] for row in values(book["意见建议"])[2:]]
    assert sorted(titles) == [f"第{n}条" for n in range(5)]
    # Each suggestion has its receipt and its acceptance in the timeline.
    assert len(values(book["办理过程"])[2:]) == sum(
        s.timeline.count() for s in Suggestion.objects.all()
    )
    assert len(sheets) == 2
