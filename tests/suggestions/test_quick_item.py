"""A deputy records a voter's item from /my/: two fields and a photo, one item
in the same lifecycle as every other, refused to everyone else."""

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from suggestions import archive, submission_tokens
from suggestions.models import (
    Notification,
    Suggestion,
    SuggestionPhoto,
    TimelineEntry,
)
from suggestions.quick import title_from
from tests.factories import CommunityFactory
from tests.suggestions.conftest import jpeg_bytes

pytestmark = pytest.mark.django_db
URL = reverse("suggestions:quick_item")
TEXT = "居民来电:紫阳路12号门前井盖松动。车辆经过响声很大,夜里影响休息。"


def data(**overrides):
    """What the served page sends back, with its signed token."""
    values = {"text": TEXT, "community": "", "token": submission_tokens.issue()}
    values.update(overrides)
    return values


def photo(content=None, name="scene.jpg"):
    return SimpleUploadedFile(
        name, content or jpeg_bytes(exif_gps=True), content_type="image/jpeg"
    )


# Who may use it -----------------------------------------------------------------


def test_a_serving_deputy_gets_the_form_with_their_community(deputy_client, zhang):
    response = deputy_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "记录选民反映的问题" in html
    assert response.context["form"]["community"].value() == zhang.community.pk
    assert 'enctype="multipart/form-data"' in html


def test_a_visitor_is_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    assert client.post(URL, data()).status_code == 302
    assert not Suggestion.objects.exists()


def test_staff_without_a_deputy_record_are_refused(staff_client):
    assert staff_client.get(URL).status_code == 403
    assert staff_client.post(URL, data()).status_code == 403
    assert not Suggestion.objects.exists()


def test_a_resident_login_is_refused(resident_client):
    assert resident_client.get(URL).status_code == 403
    assert resident_client.post(URL, data()).status_code == 403


def test_a_deputy_login_without_a_register_entry_is_refused(deputy_client):
    assert deputy_client.get(URL).status_code == 403
    assert deputy_client.post(URL, data()).status_code == 403
    assert not Suggestion.objects.exists()


def test_a_deputy_whose_service_ended_is_refused(deputy_client, zhang):
    zhang.active_to = timezone.localdate() - datetime.timedelta(days=1)
    zhang.save(update_fields=["active_to"])
    assert deputy_client.get(URL).status_code == 403
    assert deputy_client.post(URL, data()).status_code == 403
    assert not Suggestion.objects.exists()


def test_a_deputy_whose_service_has_not_begun_is_refused(deputy_client, zhang):
    zhang.active_from = timezone.localdate() + datetime.timedelta(days=3)
    zhang.save(update_fields=["active_from"])
    assert deputy_client.get(URL).status_code == 403


def test_the_workspace_links_the_form_for_serving_deputies_only(deputy_client, zhang):
    link = f'href="{URL}"'
    assert link in deputy_client.get("/my/").content.decode()
    zhang.active_to = timezone.localdate() - datetime.timedelta(days=1)
    zhang.save(update_fields=["active_to"])
    assert link not in deputy_client.get("/my/").content.decode()


def test_without_a_register_entry_the_workspace_has_no_link(deputy_client):
    assert f'href="{URL}"' not in deputy_client.get("/my/").content.decode()


# What it records ----------------------------------------------------------------


def test_the_item_enters_the_lifecycle_raised_and_followed_by_the_deputy(
    deputy_client, deputy_user, zhang, staff_user
):
    community = CommunityFactory(name="梅隐寺示例社区")
    response = deputy_client.post(URL, data(community=community.pk))
    item = Suggestion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()
    assert item.status == Suggestion.Status.RECEIVED
    assert item.kind == Suggestion.Kind.RESIDENT
    assert item.source == Suggestion.Source.DEPUTY
    assert item.raised_by == zhang and item.following_deputy == zhang
    assert item.created_by == deputy_user
    assert item.community == community
    assert item.text == TEXT
    assert item.title == "居民来电:紫阳路12号门前井盖松动"
    assert len(item.tracking_code) >= 12
    assert item.submitter_name == item.submitter_phone == ""
    entry = item.timeline.get()
    assert entry.kind == TimelineEntry.Kind.RECEIVED
    assert "选民" in entry.note
    # Staff are told of a new item, as of every other.
    assert Notification.objects.filter(
        suggestion=item, recipient=staff_user, kind=Notification.Kind.NEW
    ).exists()


def test_the_deputy_sees_the_code_then_the_item_in_their_list(deputy_client, zhang):
    page = deputy_client.post(URL, data(), follow=True).content.decode()
    item = Suggestion.objects.get()
    assert f"已记录,跟踪码 {item.tracking_code}" in page
    listing = deputy_client.get(reverse("suggestions:my_suggestions")).content.decode()
    assert item.title in listing and item.tracking_code in listing


def test_staff_find_it_in_the_admin(deputy_client, zhang, staff_client):
    deputy_client.post(URL, data())
    item = Suggestion.objects.get()
    changelist = reverse("admin:suggestions_suggestion_changelist")
    assert item.tracking_code in staff_client.get(changelist).content.decode()
    filtered = staff_client.get(changelist, {"source__exact": "deputy"})
    assert item.tracking_code in filtered.content.decode()


def test_the_archive_and_the_year_figures_count_it(deputy_client, zhang):
    year = timezone.localdate().year
    before = Suggestion.objects.figures(year)["resident_collected"]
    deputy_client.post(URL, data())
    item = Suggestion.objects.get()
    assert Suggestion.objects.figures(year)["resident_collected"] == before + 1
    section = archive.section(zhang, year)
    assert section["total"] == 1
    assert section["raised"] == [item] and section["followed"] == [item]


def test_the_photo_is_stored_through_the_image_pipeline(deputy_client, zhang):
    response = deputy_client.post(URL, {**data(), "photo": photo()})
    assert response.status_code == 302
    stored = SuggestionPhoto.objects.get(suggestion=Suggestion.objects.get())
    assert not stored.image.name.endswith("scene.jpg")
    with Image.open(stored.image.open("rb")) as picture:
        assert picture.format == "JPEG"
        assert not picture.getexif()  # the GPS position was dropped


def test_the_title_is_the_first_sentence_cut_to_sixty_characters():
    assert title_from("  楼道灯坏了。已经一周。") == "楼道灯坏了"
    assert title_from("甲" * 100) == "甲" * 60
    assert title_from("第一行\n第二行") == "第一行"


# The same form sent twice --------------------------------------------------------


def test_the_same_form_sent_twice_makes_one_item(deputy_client, zhang):
    sent = data()
    first = deputy_client.post(URL, sent)
    second = deputy_client.post(URL, sent)
    item = Suggestion.objects.get()
    assert first["Location"] == second["Location"] == item.get_absolute_url()
    assert item.timeline.count() == 1


def test_the_same_form_with_its_photo_sent_twice_stores_one_photo(deputy_client, zhang):
    sent = data()
    deputy_client.post(URL, {**sent, "photo": photo()})
    deputy_client.post(URL, {**sent, "photo": photo()})
    assert Suggestion.objects.count() == 1
    assert SuggestionPhoto.objects.count() == 1


def test_another_deputys_token_never_shows_their_item(
    deputy_client, zhang, other_deputy_client, li
):
    sent = data()
    deputy_client.post(URL, sent)
    assert other_deputy_client.post(URL, sent).status_code == 403
    assert Suggestion.objects.count() == 1


def test_two_forms_make_two_items(deputy_client, zhang):
    deputy_client.post(URL, data())
    deputy_client.post(URL, data(text="小区门口路灯不亮。"))
    assert Suggestion.objects.count() == 2


# Bad input ----------------------------------------------------------------------


def test_an_empty_text_is_refused_in_chinese(deputy_client, zhang):
    response = deputy_client.post(URL, data(text="   "))
    assert response.status_code == 400
    html = response.content.decode()
    assert "请写下选民反映的问题。" in html
    assert 'id="error-summary"' in html
    assert not Suggestion.objects.exists()


def test_a_text_too_long_is_refused(deputy_client, zhang):
    response = deputy_client.post(URL, data(text="长" * 2001))
    assert response.status_code == 400
    assert "2000" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_an_unknown_community_is_refused(deputy_client, zhang):
    response = deputy_client.post(URL, data(community="999999"))
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


def test_a_form_without_a_signed_token_is_refused_and_served_afresh(
    deputy_client, zhang
):
    for token in ("", "forged-token", str(submission_tokens.verify("x"))):
        response = deputy_client.post(URL, data(token=token))
        assert response.status_code == 400
        html = response.content.decode()
        assert "表单已过期" in html
        fresh = response.context["form"].data["token"]
        assert submission_tokens.verify(fresh) is not None
        assert TEXT in html  # what was written stays
    assert not Suggestion.objects.exists()


def test_a_file_that_is_no_picture_leaves_nothing_behind(deputy_client, zhang):
    bad = photo(content=b"%PDF-1.4 not a picture", name="scan.jpg")
    response = deputy_client.post(URL, {**data(), "photo": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert "该文件不是 JPEG、PNG 或 WebP 格式的图片" in html
    assert "您选的照片需要重新选择。" in html
    assert not Suggestion.objects.exists()
    assert not SuggestionPhoto.objects.exists()


def test_a_picture_too_large_is_refused(deputy_client, zhang):
    big = io.BytesIO()
    Image.new("RGB", (8001, 10), (1, 2, 3)).save(big, format="PNG")
    response = deputy_client.post(
        URL, {**data(), "photo": photo(content=big.getvalue(), name="wide.png")}
    )
    assert response.status_code == 400
    assert "8000" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_photo_that_cannot_be_stored_leaves_no_item(
    deputy_client, zhang, monkeypatch
):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(default_storage, "save", broken)
    response = deputy_client.post(URL, {**data(), "photo": photo()})
    assert response.status_code == 503
    assert "照片未能保存" in response.content.decode()
    assert not Suggestion.objects.exists()
    assert not TimelineEntry.objects.exists()


def test_only_get_and_post_are_answered(deputy_client, zhang):
    assert deputy_client.put(URL).status_code == 405


def test_the_page_works_in_english(deputy_client, zhang):
    deputy_client.cookies["django_language"] = "en"
    response = deputy_client.get(URL, headers={"accept-language": "en"})
    html = response.content.decode()
    assert "What the voter raised" in html and "Record the item" in html


def test_recording_costs_the_same_queries_however_many_items_exist(
    deputy_client, zhang
):
    from tests.suggestions.factories import SuggestionFactory
    from tests.utils import assert_constant_queries

    def add(n):
        for _ in range(n):
            SuggestionFactory(raised_by=zhang, following_deputy=zhang)

    def record():
        response = deputy_client.post(URL, data())
        assert response.status_code == 302

    assert_constant_queries(record, add)


# The demo -----------------------------------------------------------------------


def test_the_demo_deputy_has_a_quick_item_outside_2018(demo_2018, db):
    from django.core.management import call_command

    # Voters' items a deputy passed on, as against the deputies' own suggestions.
    quick = Suggestion.objects.resident_opinions().filter(
        source=Suggestion.Source.DEPUTY
    )
    item = quick.select_related("raised_by__user").get()
    assert item.raised_by.user.username == "deputy"
    assert item.following_deputy == item.raised_by
    assert timezone.localtime(item.received_at).year == 2019
    assert item.timeline.get().kind == TimelineEntry.Kind.RECEIVED
    assert not quick.in_year(2018).exists()
    call_command("load_demo", stdout=io.StringIO())
    assert quick.count() == 1
