"""The back office greets staff by name in Chinese order, family name first."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
INDEX = reverse("admin:index")


def greeting(client) -> str:
    html = client.get(INDEX).content.decode()
    start = html.index('id="user-tools"')
    return html[start : html.index("</div>", start)]


def test_staff_are_greeted_family_name_first(staff_client, staff_user):
    staff_user.first_name, staff_user.last_name = "某芳", "王"
    staff_user.save()
    tools = greeting(staff_client)
    assert "欢迎您,王某芳。" in tools
    assert "某芳" not in tools.replace("王某芳", "")


def test_a_staff_member_who_is_a_deputy_is_greeted_by_the_registered_name(
    staff_client, staff_user
):
    from tests.factories import DeputyFactory

    staff_user.first_name, staff_user.last_name = "某华", "张"
    staff_user.save()
    DeputyFactory(name="张示例", user=staff_user)
    assert "欢迎您,张示例。" in greeting(staff_client)


def test_without_a_name_the_login_is_shown(staff_client):
    assert "欢迎您,staff-wang。" in greeting(staff_client)


def test_a_name_is_escaped(staff_client, staff_user):
    staff_user.first_name, staff_user.last_name = "<b>某</b>", "王"
    staff_user.save()
    tools = greeting(staff_client)
    assert "<b>某</b>" not in tools and "&lt;b&gt;" in tools


def test_the_greeting_is_english_in_english(staff_client, staff_user):
    staff_user.first_name, staff_user.last_name = "Fang", "Wang"
    staff_user.save()
    staff_client.cookies["django_language"] = "en"
    tools = greeting(staff_client)
    assert "Welcome," in tools and "欢迎" not in tools
