import pytest
from django.urls import reverse

from suggestions.models import TimelineEntry
from tests.suggestions.factories import SuggestionFactory
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db
LIST = reverse("suggestions:my_suggestions")


def detail(s):
    return reverse("suggestions:my_suggestion", args=[s.pk])


@pytest.fixture
def mine(zhang):
    return SuggestionFactory(following_deputy=zhang, submitter_phone="13811112222")


@pytest.fixture
def raised(zhang):
    return SuggestionFactory(raised_by=zhang, kind="inter_session", source="deputy")


@pytest.fixture
def others(li):
    return SuggestionFactory(following_deputy=li, title="别人的事项")


def test_a_deputy_sees_the_items_they_raised_or_follow(
    deputy_client, mine, raised, others
):
    html = deputy_client.get(LIST).content.decode()
    assert mine.title in html and raised.title in html
    assert others.title not in html


def test_a_deputy_never_sees_the_full_phone(deputy_client, mine):
    html = deputy_client.get(detail(mine)).content.decode()
    assert "13811112222" not in html
    assert "138****2222" in html
    assert mine.submitter_address not in html


def test_a_deputy_cannot_open_another_deputys_item(deputy_client, zhang, others):
    assert deputy_client.get(detail(others)).status_code == 404


def test_a_deputy_adds_a_follow_up_note(deputy_client, mine, deputy_user):
    response = deputy_client.post(detail(mine), {"note": "已到现场查看"})
    assert response.status_code == 302
    entry = mine.timeline.get(kind=TimelineEntry.Kind.FOLLOW_UP)
    assert entry.actor == deputy_user and not entry.public
    assert "张示例" in entry.actor_label


def test_an_empty_note_is_refused_with_400(deputy_client, mine):
    response = deputy_client.post(detail(mine), {"note": ""})
    assert response.status_code == 400
    assert not mine.timeline.filter(kind=TimelineEntry.Kind.FOLLOW_UP).exists()


def test_a_note_on_another_deputys_item_is_refused(deputy_client, zhang, others):
    assert deputy_client.post(detail(others), {"note": "x"}).status_code == 404
    assert not others.timeline.filter(kind=TimelineEntry.Kind.FOLLOW_UP).exists()


@pytest.mark.parametrize("persona", ["resident_client", "staff_client"])
def test_people_who_are_not_deputies_are_refused(request, persona, mine):
    c = request.getfixturevalue(persona)
    assert c.get(LIST).status_code == 403
    assert c.get(detail(mine)).status_code == 403


def test_a_deputy_login_without_a_deputy_record_is_refused(other_deputy_client):
    assert other_deputy_client.get(LIST).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_list_query_count_does_not_grow(deputy_client, zhang):
    assert_constant_queries(
        lambda: deputy_client.get(LIST),
        lambda n: [SuggestionFactory(following_deputy=zhang) for _ in range(n)],
    )
