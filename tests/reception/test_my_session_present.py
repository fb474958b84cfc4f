"""Only the deputy who logs a session is ticked as present to begin with."""

import re

import pytest

from reception.models import ReceptionSession

from .test_my_session_new import URL, form_data

pytestmark = pytest.mark.django_db


def checked_deputies(html: str) -> list[str]:
    boxes = re.findall(r'<input[^>]*name="co_deputies"[^>]*>', html)
    return [re.search(r'value="(\d+)"', b).group(1) for b in boxes if "checked" in b]


def test_the_new_form_ticks_nobody_else(deputy_client, zhang, station, colleague):
    html = deputy_client.get(URL).content.decode()
    assert f'value="{colleague.pk}"' in html  # offered
    assert checked_deputies(html) == []
    assert "张示例(您本人)已记为参加代表" in html


def test_a_session_sent_as_offered_has_only_the_logging_deputy(
    deputy_client, zhang, station, colleague
):
    response = deputy_client.post(URL, form_data(station))
    assert response.status_code == 302
    assert list(ReceptionSession.objects.get().deputies.all()) == [zhang]


def test_a_colleague_ticked_by_the_deputy_is_present(
    deputy_client, zhang, station, colleague
):
    deputy_client.post(URL, form_data(station, co_deputies=[colleague]))
    assert set(ReceptionSession.objects.get().deputies.all()) == {zhang, colleague}


def test_a_form_sent_back_with_errors_keeps_what_was_ticked(
    deputy_client, zhang, station, colleague
):
    data = form_data(station, co_deputies=[colleague], voters_received="-1")
    response = deputy_client.post(URL, data)
    assert response.status_code == 400
    assert "不能为负数" in response.content.decode()
    assert checked_deputies(response.content.decode()) == [str(colleague.pk)]
    assert not ReceptionSession.objects.exists()


def test_the_edit_form_keeps_whoever_was_recorded_present(
    deputy_client, zhang, station, colleague
):
    deputy_client.post(URL, form_data(station, co_deputies=[colleague]))
    session = ReceptionSession.objects.get()
    html = deputy_client.get(f"/my/sessions/{session.pk}/edit/").content.decode()
    assert checked_deputies(html) == [str(colleague.pk)]


def test_other_personas_cannot_open_the_form(
    client, resident_client, staff_client, other_deputy_client
):
    assert client.get(URL).status_code == 302
    assert resident_client.get(URL).status_code == 403
    assert staff_client.get(URL).status_code == 403
    # A deputy login without a register entry is refused too.
    assert other_deputy_client.get(URL).status_code == 403
