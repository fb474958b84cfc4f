"""Staff import a reception ledger on a phone: upload, check the preview, confirm."""

import pytest

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def clerk(transactional_db, django_user_model):
    from core.roles import STAFF_GROUP, sync_roles
    from tests.conftest import PASSWORD, make_user
    from tests.factories import CommunityFactory, DeputyFactory
    from tests.reception.factories import StationFactory

    sync_roles()
    community = CommunityFactory(name="示例东社区")
    deputies = [
        DeputyFactory(name="王某东", community=community),
        DeputyFactory(name="刘某西", community=community),
    ]
    StationFactory(
        name="示例东社区人大代表接待站", community=community, deputies=deputies
    )
    make_user(django_user_model, "clerk", group=STAFF_GROUP, is_staff=True)
    return PASSWORD


def test_staff_import_a_reception_ledger_on_a_phone(phone_page, clerk, tmp_path):
    from reception.models import ReceptionSession
    from tests.ledgers.conftest import session_row, sheet_bytes

    good = tmp_path / "sessions.xlsx"
    good.write_bytes(sheet_bytes("sessions", [session_row()]))
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(sheet_bytes("sessions", [session_row(voters="十二")]))
    page = phone_page
    login(page, "clerk", clerk)
    page.goto("/admin/ledgers/ledgerimport/")
    page.get_by_role("link", name="导入接待选民活动").click()
    assert page.get_by_role("link", name="下载台账模板").is_visible()
    assert_accessible(page)
    assert no_horizontal_scroll(page)

    page.get_by_label("台账表格（.xlsx）").set_input_files(str(bad))
    page.get_by_role("button", name="检查表格").click()
    assert (
        "第2行 接待选民人数：“十二”不是整数。"
        in page.locator("#import-errors").inner_text()
    )
    assert_accessible(page)

    page.get_by_label("台账表格（.xlsx）").set_input_files(str(good))
    page.get_by_label("台账表格（.xlsx）").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#import-summary")
    assert "导入将新增1条记录" in page.locator("#import-summary").inner_text()
    assert "示例东社区人大代表接待站" in page.locator("#result_list").inner_text()
    assert_accessible(page)
    assert not ReceptionSession.objects.exists()

    page.get_by_role("button", name="确认导入").click()
    page.wait_for_url("**/admin/ledgers/ledgerimport/")
    assert "台账已导入：新增1条记录" in page.content()
    assert ReceptionSession.objects.count() == 1
    assert_accessible(page)
