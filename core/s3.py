"""The media bucket (MEDIA_STORAGE=s3, see core.storage)."""

from urllib.parse import quote

from django.conf import settings
from storages.backends.s3 import S3Storage


class MediaS3Storage(S3Storage):
    """The media bucket; public pictures keep their address under MEDIA_URL.

    A signed bucket address would be another origin (refused by the
    Content-Security-Policy) and would expire in cached pages, so public
    pictures are served by the portal from the bucket instead.
    """

    def url(self, name, parameters=None, expire=None, http_method=None):
        if name and name.startswith(settings.PUBLIC_MEDIA_PREFIXES):
            return f"{settings.MEDIA_URL}{quote(name)}"
        return super().url(name, parameters, expire, http_method)
