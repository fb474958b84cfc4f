import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction

from suggestions.models import PersonalDataReveal, TimelineEntry

pytestmark = pytest.mark.django_db


def test_a_timeline_entry_cannot_be_changed(suggestion):
    entry = suggestion.timeline.get()
    entry.note = "rewritten"
    with pytest.raises(ValidationError):
        entry.save()


def test_a_timeline_entry_cannot_be_deleted(suggestion):
    with pytest.raises(ValidationError):
        suggestion.timeline.get().delete()
    with pytest.raises(ValidationError):
        TimelineEntry.objects.all().delete()
    assert TimelineEntry.objects.count() == 1


def test_bulk_updates_of_the_timeline_are_refused(suggestion):
    with pytest.raises(ValidationError):
        TimelineEntry.objects.update(note="rewritten")


def test_the_database_itself_refuses_to_rewrite_the_timeline(suggestion):
    entry = suggestion.timeline.get()
    with (
        pytest.raises((IntegrityError, DatabaseError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE suggestions_timelineentry SET note = %s WHERE id = %s",
            ["rewritten", entry.pk],
        )
    entry.refresh_from_db()
    assert entry.note != "rewritten"


def test_a_suggestion_with_a_timeline_cannot_be_deleted(suggestion):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        suggestion.delete()


def test_reveals_are_append_only_too(suggestion, superuser):
    reveal = PersonalDataReveal.objects.create(user=superuser, suggestion=suggestion)
    with pytest.raises(ValidationError):
        reveal.save()


def test_the_record_itself_keeps_its_history_without_personal_data(suggestion):
    suggestion.title = "新标题"
    suggestion.save()
    history = suggestion.history.all()
    assert history.count() == 2
    field_names = {f.name for f in history.model._meta.fields}
    assert "submitter_phone" not in field_names
    assert "submitter_name" not in field_names


def test_an_account_that_acted_cannot_be_deleted_only_deactivated(
    suggestion, staff_user
):
    from django.db.models import ProtectedError

    from suggestions.services import following

    following.suggestion_follow_up(suggestion=suggestion, actor=staff_user, note="催办")
    with pytest.raises(ProtectedError):
        staff_user.delete()
