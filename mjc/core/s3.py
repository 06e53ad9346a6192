"""Object storage (S3 protocol: MinIO, AWS S3, any compatible server) through django-storages.

Configured by the MJC_S3_* variables (README, "Configuration"; settings.STORAGES). Two
storages on the same server: public objects are written ``public-read`` (or made readable by
the bucket policy on the ``public/`` prefix, as MinIO does it) and linked at
MJC_S3_PUBLIC_URL (the bucket, or a CDN in front of it); private objects are written
``private`` (optionally to a bucket of their own, MJC_S3_PRIVATE_BUCKET) and leave only
through the authorised views: streamed by the app, or (MJC_S3_SIGNED_URLS=1) as a redirect to
a signed URL valid for MJC_S3_SIGNED_URL_SECONDS, issued after the permission check.
"""

from __future__ import annotations

from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PublicS3Storage(S3Storage):
    """Public images: plain (unsigned) URLs on the bucket or the CDN."""

    def __init__(self, **settings):
        settings.setdefault("querystring_auth", False)
        settings.setdefault("file_overwrite", False)
        super().__init__(**settings)


class PrivateS3Storage(S3Storage):
    """Brief attachments, deliveries, payment proofs: never public."""

    def __init__(self, **settings):
        settings["default_acl"] = "private"
        settings["querystring_auth"] = True
        settings["custom_domain"] = None  # a CDN would make it public
        settings.setdefault("file_overwrite", False)
        super().__init__(**settings)

    def stream(self, name: str, chunk_size: int = 64 * 1024):
        """The object's bytes as an iterator of chunks, without spooling it to local disk."""
        body = self.bucket.Object(self._normalize_name(clean_name(name))).get()["Body"]
        try:
            yield from body.iter_chunks(chunk_size)
        finally:
            body.close()

    def signed_url(self, name: str, *, download_name: str, seconds: int) -> str:
        """A URL valid for ``seconds`` that makes the browser download the object under its name."""
        from django.utils.http import content_disposition_header

        return self.url(
            name,
            parameters={"ResponseContentDisposition": content_disposition_header(True, download_name)},
            expire=seconds,
        )
