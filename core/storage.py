"""Where uploaded and generated files live: a folder, or an S3-compatible bucket.

With MEDIA_STORAGE=s3 (settings) every file goes to one private bucket through
django-storages. Nothing in it is readable without a signature: public pictures
are addressed at MEDIA_URL and streamed by the portal (views.public_media),
residents' photos only by the authorised view, exports and reports only by
their download views, each reading through ``storage.open``.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages

# In a module of its own: boto3 is imported only where the bucket is used.
S3_BACKEND = "core.s3.MediaS3Storage"
EXPORTS_LOCATION = "private/exports"


def s3_storages(
    *,
    bucket_name: str,
    endpoint_url: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    region_name: str | None = None,
) -> dict:
    """The STORAGES entries of media and exports in one private bucket."""
    options = {
        "bucket_name": bucket_name,
        "endpoint_url": endpoint_url or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "region_name": region_name or None,
        # Private objects, reached only with a signed, expiring address.
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": 300,
        "signature_version": "s3v4",
        # Never replace a stored file that happens to have the same name.
        "file_overwrite": False,
    }
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": options},
        "exports": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "location": EXPORTS_LOCATION},
        },
    }


class PrivateExportStorage(FileSystemStorage):
    """Exports may hold personal data: never under the public MEDIA_ROOT.

    The folder is read from settings on every use (EXPORTS_ROOT, by default
    var/private/exports), so that it can differ per environment and per test.
    """

    @property
    def base_location(self):
        return getattr(settings, "EXPORTS_ROOT", None) or (
            settings.VAR_DIR / "private" / "exports"
        )

    @property
    def location(self):
        return os.path.abspath(self.base_location)


class ExportStorage(Storage):
    """Register exports: STORAGES["exports"] when configured (the bucket), else
    the private folder EXPORTS_ROOT.

    The backend is looked up on every call, because a model field keeps the
    storage it was given when the model was imported.
    """

    def backend(self) -> Storage:
        if "exports" in settings.STORAGES:
            return storages["exports"]
        return PrivateExportStorage()

    def _open(self, name, mode="rb"):
        return self.backend().open(name, mode)

    def _save(self, name, content):
        return self.backend().save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.backend().get_available_name(name, max_length)

    def delete(self, name):
        self.backend().delete(name)

    def exists(self, name):
        return self.backend().exists(name)

    def size(self, name):
        return self.backend().size(name)

    def url(self, name):
        return self.backend().url(name)

    def path(self, name):
        return self.backend().path(name)

    def listdir(self, path):
        return self.backend().listdir(path)

    def get_modified_time(self, name):
        return self.backend().get_modified_time(name)
