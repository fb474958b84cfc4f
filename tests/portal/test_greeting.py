"""The workspace greets a deputy by name in Chinese order: family name first."""

import pytest

pytestmark = pytest.mark.django_db
URL = "/my/"


def test_a_deputy_is_greeted_by_the_registered_name(deputy_client, deputy_user, zhang):
    deputy_user.first_name, deputy_user.last_name = "某华", "张"
    deputy_user.save()
    html = deputy_client.get(URL).content.decode()
    assert "欢迎您,张示例。" in html
    assert "某华 张" not in html


def test_without_a_register_entry_the_family_name_comes_first(
    deputy_client, deputy_user
):
    deputy_user.first_name, deputy_user.last_name = "某华", "张"
    deputy_user.save()
    html = deputy_client.get(URL).content.decode()
    assert "欢迎您,张某华。" in html
    assert "某华 张" not in html


def test_without_any_name_the_login_is_shown(deputy_client):
    assert "欢迎您,deputy-zhang。" in deputy_client.get(URL).content.decode()


def test_the_workspace_is_for_deputies_only(client, resident_client, staff_client):
    assert client.get(URL).status_code == 302
    assert resident_client.get(URL).status_code == 403
    assert staff_client.get(URL).status_code == 403
