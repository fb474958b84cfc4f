import datetime

import pytest
from django.utils import timezone

from suggestions import tasks
from suggestions.models import Suggestion, SuggestionPhoto, mask_phone
from suggestions.services import lifecycle, personal_data
from tests.suggestions.factories import SuggestionFactory, replied

pytestmark = pytest.mark.django_db


def test_phones_are_masked_like_138_stars_5678():
    assert mask_phone("13812345678") == "138****5678"


def closed(days_ago, **kwargs):
    s = SuggestionFactory(**kwargs)
    replied(s)
    at = timezone.now() - datetime.timedelta(days=days_ago)
    lifecycle.suggestion_close(suggestion=s, actor=None, at=at)
    return s


def test_retention_erases_contact_details_and_keeps_the_counts(settings):
    from django.core.files.base import ContentFile

    from tests.suggestions.conftest import jpeg_bytes

    settings.SUGGESTIONS_PERSONAL_DATA_RETENTION_DAYS = 30
    old = closed(40)
    SuggestionPhoto.objects.create(
        suggestion=old, image=ContentFile(jpeg_bytes(), name="a.jpg")
    )
    photo_path = old.photos.get().image.path
    recent = closed(5)
    still_open = SuggestionFactory()
    year = timezone.localdate().year
    before = Suggestion.objects.figures(year)

    assert tasks.erase_expired_personal_data() == 1

    old.refresh_from_db()
    assert (old.submitter_name, old.submitter_phone, old.submitter_address) == ("",) * 3
    assert old.personal_data_erased_at is not None
    assert not old.photos.exists()
    import os

    assert not os.path.exists(photo_path)
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.submitter_phone
    assert Suggestion.objects.figures(year) == before
    assert tasks.erase_expired_personal_data() == 0


def test_erased_personal_data_is_not_left_in_the_history(settings):
    settings.SUGGESTIONS_PERSONAL_DATA_RETENTION_DAYS = 1
    old = closed(3, submitter_phone="13899998888")
    personal_data.erase_expired_personal_data()
    values = [str(v) for row in old.history.values() for v in row.values()]
    assert not any("13899998888" in v for v in values)
