"""Factories for businesses and products, and real image uploads made by Pillow."""

from io import BytesIO

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests import factories as shared
from tests.factories import kabupaten
from umkm.models import Product


def image_upload(name="foto.jpg", *, size=(640, 480), fmt="JPEG", color=(180, 90, 30)) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}.get(fmt, "application/octet-stream")
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


def hostile_uploads() -> dict[str, tuple[SimpleUploadedFile, int, str]]:
    """The four hostile files of the marketplace issue → (upload, status, code)."""
    full = BytesIO()
    Image.new("RGB", (800, 600), (10, 20, 30)).save(full, "JPEG")
    data = full.getvalue()
    huge = BytesIO()
    Image.new("1", (20_000, 20_000)).save(huge, "PNG")
    return {
        "text_named_jpg": (
            SimpleUploadedFile("foto.jpg", b"ini teks biasa, bukan foto", "image/jpeg"),
            415,
            "not_an_image",
        ),
        "truncated_jpeg": (SimpleUploadedFile("potong.jpg", data[: len(data) // 2], "image/jpeg"), 400, "image_broken"),
        "20000x20000": (SimpleUploadedFile("raksasa.png", huge.getvalue(), "image/png"), 400, "image_too_many_pixels"),
        "30_mb": (
            SimpleUploadedFile("besar.jpg", b"\xff\xd8\xff" + b"\0" * (30 * 1024 * 1024), "image/jpeg"),
            413,
            "file_too_large",
        ),
    }


class BusinessFactory(shared.BusinessFactory):
    name = factory.Sequence(lambda n: f"Keripik Tempe Sanan {n}")
    sector = "Makanan ringan"
    kabupaten = factory.LazyFunction(lambda: kabupaten("3573"))
    description = "Keripik tempe renyah dari Sanan."


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    business = factory.SubFactory(BusinessFactory)
    name = factory.Sequence(lambda n: f"Keripik tempe {n} 100 g")
    price = 15000
