"""Workflows with side effects on reception records (files, several tables)."""

from django.core.files.storage import default_storage
from django.db import transaction

from .models import ReceptionSession, SessionPhoto


def session_save(*, form, issues, deputy, user) -> ReceptionSession:
    """Save a session logged or edited by a deputy, its issue lines and photos.

    `form` is a valid SessionForm (its photos already through the image
    pipeline) and `issues` a valid issue formset. The deputy stays among the
    deputies present. If anything fails, the photo files written so far are
    removed again, so a refused or failed session leaves nothing on disk.
    """
    written: list[str] = []
    try:
        with transaction.atomic():
            session = form.save(commit=False)
            if session.pk is None:
                session.created_by = user
            session.save()
            session.deputies.set([deputy, *form.cleaned_data["co_deputies"]])
            _save_issues(session, issues)
            for content in form.cleaned_data.get("photos") or []:
                photo = SessionPhoto(session=session)
                photo.image.save(content.name, content, save=False)
                written.append(photo.image.name)
                photo.save()
            removed = form.cleaned_data.get("remove_photos")
            if removed:
                # Files go with the rows, on commit (see signals.py).
                for photo in session.photos.filter(pk__in=[p.pk for p in removed]):
                    photo.delete()
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    return session


def _save_issues(session, issues) -> None:
    issues.instance = session
    lines = issues.save(commit=False)
    for obj in issues.deleted_objects:
        obj.delete()
    start = session.issues.count()
    for offset, line in enumerate(lines):
        if line.community_id is None:
            line.community_id = session.station.community_id
        if line.pk is None:
            line.ordering = start + offset
        line.save()


def session_delete(*, session: ReceptionSession) -> None:
    session.delete()
