"""A resident submits and tracks on a phone; a deputy tracks a session issue."""

import io
import re

import pytest
from PIL import Image

from tests.browser.conftest import assert_accessible, login, no_horizontal_scroll
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def captcha_test_mode(settings, monkeypatch):
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


def photo_file(tmp_path):
    path = tmp_path / "lamp.jpg"
    image = Image.new("RGB", (640, 480), (30, 30, 160))
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (30.0, 32.0, 0.0)}
    image.save(out, format="JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


def test_a_resident_submits_with_a_photo_on_a_phone_and_tracks_it(phone_page, tmp_path):
    from suggestions.models import Suggestion

    page = phone_page
    page.goto("/suggest/")
    assert no_horizontal_scroll(page)
    page.get_by_label("一句话说明问题").fill("楼道灯不亮")
    page.get_by_label("详细情况").fill("3栋2单元楼道灯坏了一周,晚上看不见路。")
    page.get_by_label("照片(可不传)").set_input_files(str(photo_file(tmp_path)))
    page.get_by_label("您的姓名").fill("居民某某")
    page.get_by_label("手机号码").fill("13800001234")
    page.get_by_label("我已阅读并同意").check()
    page.locator("input[name=captcha_1]").fill("PASSED")
    page.get_by_role("button", name="提交").click()

    page.get_by_role("heading", name="谢谢您,意见已收到").wait_for()
    code = page.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert no_horizontal_scroll(page)
    suggestion = Suggestion.objects.get()
    assert suggestion.tracking_code == code
    assert suggestion.photos.count() == 1

    page.get_by_role("link", name="现在查询").click()
    page.get_by_label("查询码").fill(code.lower().replace("-", " "))
    page.get_by_label("手机号后四位").fill("1234")
    page.get_by_role("button", name="查询").click()
    page.get_by_role("heading", name="您反映事项的办理进度").wait_for()
    body = page.content()
    assert code in body and "已收到" in body
    assert "13800001234" not in body and "居民某某" not in body
    assert no_horizontal_scroll(page)


def test_the_suggest_and_track_pages_have_no_serious_accessibility_violations(
    phone_page,
):
    from tests.suggestions.factories import SuggestionFactory

    item = SuggestionFactory(submitter_phone="13800004321")
    phone_page.goto("/suggest/")
    assert_accessible(phone_page)
    phone_page.goto("/track/")
    assert_accessible(phone_page)
    phone_page.get_by_label("查询码").fill(item.tracking_code)
    phone_page.get_by_label("手机号后四位").fill("4321")
    phone_page.get_by_role("button", name="查询").click()
    phone_page.get_by_role("heading", name="您反映事项的办理进度").wait_for()
    assert_accessible(phone_page)


def test_a_deputy_turns_a_session_issue_into_a_suggestion(
    phone_page, django_user_model
):
    from django.contrib.auth.models import Group

    from core.roles import DEPUTY_GROUP
    from suggestions.models import Suggestion
    from tests.factories import DeputyFactory
    from tests.reception.factories import (
        ReceptionSessionFactory,
        SessionIssueFactory,
    )

    user = django_user_model.objects.create_user("deputy-b", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=DEPUTY_GROUP)[0])
    deputy = DeputyFactory(name="张示例", user=user)
    session = ReceptionSessionFactory(deputies=[deputy])
    issue = SessionIssueFactory(session=session, text="小区门口垃圾桶满溢无人清理")

    page = phone_page
    login(page, "deputy-b", PASSWORD)
    page.goto(f"/my/sessions/{session.pk}/issues/{issue.uid}/suggest/")
    assert page.get_by_label("选民反映的内容").input_value() == issue.text
    page.get_by_label("标题").fill("垃圾桶满溢")
    page.get_by_role("button", name="创建意见建议").click()
    page.get_by_role("heading", name="垃圾桶满溢").wait_for()
    suggestion = Suggestion.objects.get()
    assert suggestion.reception_session == session
    assert suggestion.following_deputy == deputy
    assert suggestion.tracking_code in page.content()
    assert no_horizontal_scroll(page)
    assert_accessible(page)
