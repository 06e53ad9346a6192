"""settings.STORAGES for media from the environment (no Django imports: settings use it).

Local disk under MEDIA_ROOT unless MJC_S3_BUCKET is set; then an S3-protocol server
(MinIO, AWS S3, …) through django-storages. See mjc/core/media.py for the routing of
``private/`` names and README "Configuration" for the variables."""

from __future__ import annotations

from collections.abc import Mapping


def media_storages(env: Mapping[str, str]) -> dict:
    """The ``default``, ``public`` and ``private`` entries of settings.STORAGES."""
    result = {
        # routes by name: private/… to "private", everything else to "public"
        "default": {"BACKEND": "mjc.core.media.RoutingStorage"},
        "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    bucket = env.get("MJC_S3_BUCKET", "")
    if not bucket:
        return result
    common = {
        "bucket_name": bucket,
        "endpoint_url": env.get("MJC_S3_ENDPOINT_URL") or None,
        "access_key": env.get("MJC_S3_ACCESS_KEY") or None,
        "secret_key": env.get("MJC_S3_SECRET_KEY") or None,
        "region_name": env.get("MJC_S3_REGION") or "us-east-1",
        "addressing_style": env.get("MJC_S3_ADDRESSING_STYLE") or "path",
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    public = {**common, "default_acl": env.get("MJC_S3_PUBLIC_ACL", "public-read") or None}
    public_url = env.get("MJC_S3_PUBLIC_URL", "").rstrip("/")
    if public_url:  # the bucket's public address, or a CDN in front of it
        scheme, _, rest = public_url.rpartition("//")
        public.update(custom_domain=rest, url_protocol=scheme or "https:")
    result["public"] = {"BACKEND": "mjc.core.s3.PublicS3Storage", "OPTIONS": public}
    result["private"] = {
        "BACKEND": "mjc.core.s3.PrivateS3Storage",
        "OPTIONS": {
            **common,
            "bucket_name": env.get("MJC_S3_PRIVATE_BUCKET") or bucket,
            "querystring_expire": int(env.get("MJC_S3_SIGNED_URL_SECONDS") or 60),
        },
    }
    return result
