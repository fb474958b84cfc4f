"""The form reached from a QR code poster: /suggest/?station=<slug> and
/suggest/?deputy=<id> fill it in, say where it came from, and record it."""

import datetime

import pytest
from django.urls import reverse

from suggestions.models import Suggestion
from tests.factories import DeputyFactory
from tests.reception.factories import StationFactory
from tests.suggestions.conftest import form_data

pytestmark = pytest.mark.django_db
URL = reverse("suggestions:suggest")


@pytest.fixture
def station():
    return StationFactory(name="示例东社区人大代表接待站", slug="dong")


@pytest.fixture
def deputy():
    return DeputyFactory(name="李示例")


@pytest.mark.parametrize("who", ["client", "staff_client", "deputy_client"])
def test_a_station_poster_fills_in_the_community_and_names_the_station(
    request, who, station
):
    client = request.getfixturevalue(who)
    response = client.get(URL, {"station": "dong"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["community"].value() == station.community.pk
    assert form["station"].value() == "dong"
    html = response.content.decode()
    assert "示例东社区人大代表接待站" in html and "二维码" in html


def test_a_deputy_poster_names_the_deputy_and_fills_in_their_community(client, deputy):
    response = client.get(URL, {"deputy": deputy.pk})
    form = response.context["form"]
    assert form["deputy"].value() == deputy.pk
    assert form["community"].value() == deputy.community.pk
    assert "李示例" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"station": "no-such-station"},
        {"station": "x" * 500},
        {"station": "../../etc"},
        {"deputy": "999999"},
        {"deputy": "abc"},
        {"deputy": "1e9"},
        {"deputy": "-1"},
        {"deputy": "9" * 40},
        {"station": "", "deputy": ""},
    ],
)
def test_an_unknown_or_malformed_poster_is_ignored(client, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert response.context["poster_station"] is None
    assert response.context["poster_deputy"] is None
    assert "二维码" not in response.content.decode()


def test_an_inactive_station_or_a_former_deputy_is_ignored(client, station, deputy):
    station.active = False
    station.save()
    deputy.active_to = datetime.date(2000, 1, 1)
    deputy.active_from = datetime.date(1995, 1, 1)
    deputy.save()
    response = client.get(URL, {"station": "dong", "deputy": deputy.pk})
    assert response.context["poster_station"] is None
    assert response.context["poster_deputy"] is None
    client.post(URL, form_data(station="dong", deputy=str(deputy.pk)))
    s = Suggestion.objects.get()
    assert s.source == "web_form" and s.station is None and s.addressed_deputy is None


def test_an_item_sent_from_a_station_poster_records_it(client, station, staff_client):
    client.post(URL, form_data(station="dong", community=station.community.pk))
    s = Suggestion.objects.get()
    assert s.source == Suggestion.Source.QR_POSTER
    assert s.station == station and s.addressed_deputy is None
    received = s.timeline.get(kind="received")
    assert "示例东社区人大代表接待站" in received.note and received.public
    admin = staff_client.get(
        reverse("admin:suggestions_suggestion_change", args=[s.pk])
    )
    html = admin.content.decode()
    assert admin.status_code == 200
    assert "示例东社区人大代表接待站" in html and "二维码海报" in html


def test_an_item_sent_from_a_deputy_poster_records_the_deputy(client, deputy):
    client.post(URL, form_data(deputy=str(deputy.pk)))
    s = Suggestion.objects.get()
    assert s.source == "qr_poster" and s.addressed_deputy == deputy
    assert "李示例" in s.timeline.get(kind="received").note


def test_a_poster_item_shows_its_origin_on_the_tracking_page(client, station):
    client.post(URL, form_data(station="dong"))
    s = Suggestion.objects.get()
    client.post(
        reverse("suggestions:track"),
        {"code": s.tracking_code, "phone_last4": s.phone_last4},
    )
    html = client.get(reverse("suggestions:track_result")).content.decode()
    assert "示例东社区人大代表接待站" in html


def test_the_poster_is_kept_through_an_error(client, station):
    response = client.post(URL, form_data(station="dong", title=""))
    assert response.status_code == 400
    assert response.context["poster_station"] == station
    assert 'name="station" value="dong"' in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_forged_poster_value_in_the_post_is_ignored(client):
    response = client.post(URL, form_data(station="<script>", deputy="1 OR 1=1"))
    assert response.status_code == 302
    s = Suggestion.objects.get()
    assert s.source == "web_form" and s.station is None


def test_the_admin_changelist_queries_stay_constant_with_poster_items(
    staff_client, django_assert_max_num_queries, station, deputy
):
    from tests.suggestions.factories import SuggestionFactory

    url = reverse("admin:suggestions_suggestion_changelist")
    SuggestionFactory.create_batch(3, station=station, source="qr_poster")
    staff_client.get(url)
    with django_assert_max_num_queries(60) as few:
        staff_client.get(url)
    SuggestionFactory.create_batch(
        20, station=station, addressed_deputy=deputy, source="qr_poster"
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(url).status_code == 200
