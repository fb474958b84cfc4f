"""A resident opts in to notices on the form reached from a station's QR code,
staff accept and reply in the admin, and the notices arrive (locmem SMS and
e-mail outboxes); the resident stops them on the tracking page. axe-clean at
360 and 1280 px."""

import pytest
from django.core import mail

from core.sms.backends import locmem
from tests.browser.conftest import login
from tests.browser.test_accessibility import assert_usable
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def captcha_and_sms(settings, monkeypatch):
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    settings.SMS_BACKEND = "core.sms.backends.locmem.SmsBackend"
    locmem.outbox.clear()


@pytest.fixture
def station():
    from tests.reception.factories import StationFactory

    return StationFactory(name="示例东社区人大代表接待站", slug="dong")


def fill_the_form(page, phone):
    page.get_by_label("一句话说明问题").fill("楼道灯不亮")
    page.get_by_label("详细情况").fill("3栋2单元楼道灯坏了一周,晚上看不见路。")
    page.get_by_label("您的姓名").fill("居民某某")
    page.get_by_label("手机号码").fill(phone)
    page.get_by_label("我已阅读并同意").check()
    page.locator("input[name=captcha_1]").fill("PASSED")


def staff_reply(page, suggestion):
    from tests.suggestions.factories import HandlingUnitFactory

    unit = HandlingUnitFactory(name="紫阳街城管中队")
    act = f"/admin/suggestions/suggestion/{suggestion.pk}/act/"
    page.goto(act)
    page.select_option("select[name=action]", "accept")
    page.select_option("select[name=handling_unit]", str(unit.pk))
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()
    page.goto(act)
    page.select_option("select[name=action]", "reply")
    page.locator("input[name=responder]").fill("紫阳街城管中队")
    page.locator("input[name=answered_on]").fill("2026-01-05")
    page.select_option("select[name=channel]", index=1)
    page.locator("textarea[name=text]").fill("已更换灯泡。")
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()


def test_sms_notices_from_a_qr_poster_form_to_the_reply_and_stopped(
    phone_page, desktop_page, station, staff_user
):
    from suggestions.models import Suggestion

    page = phone_page
    page.goto("/suggest/?station=dong")
    page.get_by_text("示例东社区人大代表接待站的二维码").wait_for()
    assert_usable(page)
    fill_the_form(page, "13800001234")
    page.get_by_label("短信发到我的手机").check()
    page.get_by_role("button", name="提交").click()
    page.get_by_role("heading", name="谢谢您,意见已收到").wait_for()
    code = page.locator("#tracking-code").inner_text().strip()

    item = Suggestion.objects.get()
    assert item.station == station and item.source == "qr_poster"
    assert [m.params["status"] for m in locmem.outbox] == ["已收到"]

    login(desktop_page, staff_user.username, PASSWORD)
    staff_reply(desktop_page, item)
    statuses = [m.params["status"] for m in locmem.outbox]
    assert statuses == ["已收到", "已受理", "已答复"]
    assert all(m.to == "13800001234" for m in locmem.outbox)
    assert all(code in m.body and "居民某某" not in m.body for m in locmem.outbox)

    page.goto("/track/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("手机号后四位").fill("1234")
    page.get_by_role("button", name="查询").click()
    page.get_by_text("138****1234").wait_for()
    assert "13800001234" not in page.content()
    assert_usable(page)
    page.get_by_role("button", name="停止通知").click()
    page.get_by_text("通知已停止").wait_for()
    assert_usable(page)
    item.refresh_from_db()
    assert item.notice_channel == ""


def test_email_notice_at_1280_px(desktop_page, browser, live_server, staff_user):
    from suggestions.models import Suggestion

    page = desktop_page
    page.goto("/suggest/")
    fill_the_form(page, "13900005678")
    page.get_by_label("电子邮件", exact=True).check()
    page.get_by_role("button", name="提交").click()
    # Without the address: the summary names the field, nothing is saved.
    page.get_by_text("请填写电子邮箱").first.wait_for()
    assert not Suggestion.objects.exists()
    assert_usable(page)
    page.get_by_label("接收通知的电子邮箱").fill("resident@example.invalid")
    page.locator("input[name=captcha_1]").fill("PASSED")
    page.get_by_role("button", name="提交").click()
    page.get_by_role("heading", name="谢谢您,意见已收到").wait_for()
    item = Suggestion.objects.get()
    assert [m.to for m in mail.outbox] == [["resident@example.invalid"]]

    staff = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="zh-CN",
        base_url=live_server.url,
    ).new_page()
    login(staff, staff_user.username, PASSWORD)
    staff_reply(staff, item)
    staff.context.close()
    subjects = [m.subject for m in mail.outbox if m.to == ["resident@example.invalid"]]
    assert len(subjects) == 3 and "已答复" in subjects[-1]
    stop_link = next(
        line.split()[-1]
        for line in mail.outbox[-1].body.splitlines()
        if "/notices/stop/" in line
    )
    page.goto(stop_link.replace("http://localhost:8000", live_server.url))
    assert_usable(page)
    page.get_by_role("button", name="停止通知").click()
    page.get_by_text("不会再收到").wait_for()
    item.refresh_from_db()
    assert item.notice_channel == "" and item.notice_email == ""
