"""Where stored files live, and the one route that serves public ones from local disk.

Two storages (settings.STORAGES): ``default`` holds public uploads (product photos,
portfolio images, hub photos: already re-encoded by Pillow) under the ``public/`` prefix,
``private`` holds brief attachments, deliveries and payment proofs. On local disk both sit
under MEDIA_ROOT (``public/`` and ``private/``); on object storage they are two prefixes
(or two buckets) of an S3-compatible server, the private one never public.

Private files go out only through the views that check who is asking
(``mjc.core.files.private_file_response``: streamed by the app, or a short-lived signed URL
handed out after the check). Nothing here serves them.

``public_media`` replaces ``django.views.static.serve``: that view normalises the path
(``public/../private/x`` → ``private/x``), so any encoding of ``..`` reached private files.
Here a path is refused (404) unless every segment is a plain file-name segment, and the
file is looked up below MEDIA_ROOT/public only.
"""

from __future__ import annotations

import mimetypes
import re
import stat
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

PUBLIC_PREFIX = "public"
PRIVATE_PREFIX = "private"

# One segment of a stored name: what ``server_name`` and Django's upload_to produce. No dot-only
# segments, no backslash, no percent (a still-encoded ``%2e`` after one decode is an attack),
# no control characters, no colon (Windows drive letters / streams).
_SEGMENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$")


def is_private_name(name: str) -> bool:
    """Every private file is stored under ``private/`` (see ``mjc.core.files.server_name``)."""
    return str(name or "").lstrip("/").split("/", 1)[0] == PRIVATE_PREFIX


class RoutingStorage(Storage):
    """The ``default`` storage: names under ``private/`` go to ``storages["private"]``, every
    other name to ``storages["public"]``.

    The models keep using the default storage (no migration, and a new private file field
    is private as soon as its names start with ``private/``); where the bytes go is decided
    here, by the name. A private file has no URL: ``url()`` refuses, so no template or
    serializer can hand one out by mistake; downloads go through the authorised views."""

    def _backend(self, name: str) -> Storage:
        return storages["private" if is_private_name(name) else "public"]

    def _open(self, name, mode="rb"):
        return self._backend(name).open(name, mode)

    def _save(self, name, content):
        return self._backend(name).save(name, content)

    def get_available_name(self, name, max_length=None):
        return self._backend(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self._backend(filename).generate_filename(filename)

    def delete(self, name):
        return self._backend(name).delete(name)

    def exists(self, name):
        return self._backend(name).exists(name)

    def size(self, name):
        return self._backend(name).size(name)

    def listdir(self, path):
        return self._backend(path).listdir(path)

    def path(self, name):
        return self._backend(name).path(name)

    def get_modified_time(self, name):
        return self._backend(name).get_modified_time(name)

    def get_created_time(self, name):
        return self._backend(name).get_created_time(name)

    def get_accessed_time(self, name):
        return self._backend(name).get_accessed_time(name)

    def url(self, name):
        if is_private_name(name):
            raise ValueError("Private files have no URL; link to their authorised download view.")
        return self._backend(name).url(name)


def private_storage():
    """The storage of brief attachments, deliveries and payment proofs."""
    return storages["private"]


def public_storage():
    return storages["public"]


def safe_public_path(path: str) -> str | None:
    """``path`` (below ``public/``) if every segment is a plain name, else None."""
    if not path or len(path) > 1000:
        return None
    segments = path.split("/")
    if any(not _SEGMENT.match(segment) or ".." in segment for segment in segments):
        return None
    return "/".join(segments)


@require_safe
def public_media(request, path: str):
    """Serve MEDIA_ROOT/public/<path> from local disk, nothing else, refused paths → 404.

    Only while the public storage is the local file system (``make run``, one machine);
    on object storage public files are served by the bucket or the CDN and this is a 404."""
    clean = safe_public_path(path)
    if clean is None or not serves_public_media_locally():
        raise Http404
    root = Path(settings.MEDIA_ROOT) / PUBLIC_PREFIX
    try:
        full = Path(safe_join(root, clean))
    except Exception as exc:  # SuspiciousFileOperation / ValueError: outside the root
        raise Http404 from exc
    # no symlink may lead elsewhere (e.g. a link planted into public/ pointing at private/)
    try:
        resolved = full.resolve(strict=True)
        resolved.relative_to(root.resolve(strict=True))
        info = resolved.stat()
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    if not stat.S_ISREG(info.st_mode):
        raise Http404
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), info.st_mtime):
        return HttpResponseNotModified()
    content_type, encoding = mimetypes.guess_type(str(resolved))
    response = FileResponse(resolved.open("rb"), content_type=content_type or "application/octet-stream")
    response["Last-Modified"] = http_date(info.st_mtime)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    if encoding:
        response.headers["Content-Encoding"] = encoding
    return response


def serves_public_media_locally() -> bool:
    """True when public files are on this machine's disk (the route in mjc/urls.py serves them)."""
    return isinstance(public_storage(), FileSystemStorage)


__all__ = [
    "RoutingStorage",
    "is_private_name",
    "PRIVATE_PREFIX",
    "PUBLIC_PREFIX",
    "private_storage",
    "public_media",
    "public_storage",
    "safe_public_path",
    "serves_public_media_locally",
]
