"""Picture files leave storage with their rows, once the deletion is committed."""

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete

from .models import DelegationVisitPhoto, SessionPhoto, StandardCheck, StationPhoto

IMAGE_FIELDS = {
    SessionPhoto: "image",
    StationPhoto: "image",
    DelegationVisitPhoto: "image",
    StandardCheck: "evidence",
}


def delete_file_on_commit(sender, instance, **kwargs):
    name = getattr(instance, IMAGE_FIELDS[sender]).name
    if name:
        transaction.on_commit(lambda: default_storage.delete(name), robust=True)


def connect() -> None:
    for model in IMAGE_FIELDS:
        post_delete.connect(
            delete_file_on_commit,
            sender=model,
            dispatch_uid=f"reception-delete-file-{model.__name__}",
        )
