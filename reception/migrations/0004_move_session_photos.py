"""Session photos already stored move from the public folder to the private one.

They may show voters' faces: under `reception/` the web server serves them to
anyone with the address (PUBLIC_MEDIA_PREFIXES). Each file is copied through the
media storage (a folder or the bucket), the public copy removed, then the row
points at the private one. Running it again finishes what an interrupted run
left: a row still on the old name whose private copy exists is only repointed.
A row whose file is missing is repointed as well, so no name stays public.
Reversing moves nothing back: the files stay private.
"""

from django.core.files.storage import default_storage
from django.db import migrations

# Copies, not imports: a migration must not change when models.py does.
OLD_FOLDER = "reception/sessions/"
NEW_FOLDER = "private/reception/sessions/"


def move_file(storage, old: str, new: str) -> str:
    """Move one stored file from `old` to `new`; the name it now has."""
    if not storage.exists(new) and storage.exists(old):
        with storage.open(old, "rb") as stored:
            new = storage.save(new, stored)
    if storage.exists(new) and storage.exists(old):
        storage.delete(old)
    return new


def move_session_photos(apps, schema_editor):
    SessionPhoto = apps.get_model("reception", "SessionPhoto")
    photos = SessionPhoto.objects.using(schema_editor.connection.alias)
    rows = list(photos.filter(image__startswith=OLD_FOLDER).values_list("pk", "image"))
    for pk, old in rows:
        new = move_file(default_storage, old, NEW_FOLDER + old[len(OLD_FOLDER) :])
        photos.filter(pk=pk).update(image=new)


class Migration(migrations.Migration):
    dependencies = [
        ("reception", "0003_session_photos_private"),
    ]

    operations = [
        migrations.RunPython(move_session_photos, migrations.RunPython.noop),
    ]
