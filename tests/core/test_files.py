"""Uploads: hostile files are refused with a clear 4xx; good images are re-encoded."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from mjc.core.errors import PayloadTooLarge, UnsupportedMedia, ValidationFailed
from mjc.core.files import (
    clean_document,
    clean_image,
    display_name,
    fitted_thumbnail,
    private_file_response,
    server_name,
)

MB = 1024 * 1024


def image_bytes(fmt="JPEG", size=(640, 480), mode="RGB", color=(200, 80, 40), **save) -> bytes:
    out = BytesIO()
    Image.new(mode, size, color).save(out, fmt, **save)
    return out.getvalue()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_with_exif(orientation: int = 6) -> bytes:
    image = Image.new("RGB", (400, 200), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "KameraRahasia"  # Make
    exif[0x0131] = "GPS-Desa-Sanan"  # Software (stands in for any identifying tag)
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


# --- hostile files -------------------------------------------------------------------------


def test_a_text_file_named_jpg_is_refused_as_not_an_image():
    # given a text file that claims to be a photo
    fake = upload("foto-produk.jpg", b"<script>alert(1)</script> ini bukan gambar", "image/jpeg")
    # when / then
    with pytest.raises(UnsupportedMedia) as caught:
        clean_image(fake)
    assert caught.value.status_code == 415
    assert caught.value.code == "not_an_image"


def test_a_truncated_jpeg_is_refused_as_broken():
    data = image_bytes("JPEG", size=(800, 600))
    truncated = upload("potong.jpg", data[: len(data) // 2], "image/jpeg")
    with pytest.raises(ValidationFailed) as caught:
        clean_image(truncated)
    assert caught.value.status_code == 400
    assert caught.value.code == "image_broken"


def test_an_image_of_20000_by_20000_pixels_is_refused_before_decoding():
    # given a 400-megapixel PNG that is small on disk (1-bit, one colour, compresses well)
    out = BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")
    assert len(out.getvalue()) < 2 * MB
    # when / then
    with pytest.raises(ValidationFailed) as caught:
        clean_image(upload("raksasa.png", out.getvalue(), "image/png"))
    assert caught.value.status_code == 400
    assert caught.value.code == "image_too_many_pixels"


def test_an_image_just_above_our_own_pixel_limit_is_refused():
    # 9000 px on one side: below Pillow's bomb limit, above our max_side of 8000
    data = image_bytes("PNG", size=(9000, 10), mode="L", color=0)
    with pytest.raises(ValidationFailed) as caught:
        clean_image(upload("panjang.png", data))
    assert caught.value.code == "image_too_many_pixels"
    assert caught.value.extra["width"] == 9000


def test_a_30_mb_file_is_refused_as_too_large():
    big = upload("besar.jpg", b"\xff\xd8\xff" + b"\0" * (30 * MB), "image/jpeg")
    with pytest.raises(PayloadTooLarge) as caught:
        clean_image(big)
    assert caught.value.status_code == 413
    assert caught.value.code == "file_too_large"
    assert "20 MB" in str(caught.value.message)


def test_a_gif_is_refused_as_an_unsupported_format():
    with pytest.raises(UnsupportedMedia) as caught:
        clean_image(upload("animasi.gif", image_bytes("GIF", mode="P", color=1)))
    assert caught.value.code == "image_format"


def test_error_messages_are_in_indonesian_by_default_and_english_on_request():
    fake = upload("foto.jpg", b"bukan gambar")
    with pytest.raises(UnsupportedMedia) as caught:
        clean_image(fake)
    with translation.override("id"):
        assert "gambar" in str(caught.value.message)
    with translation.override("en"):
        assert "image" in str(caught.value.message)
    big = upload("besar.png", b"x" * 100)
    with pytest.raises(PayloadTooLarge) as caught:
        clean_image(big, max_bytes=10)
    with translation.override("id"):
        assert "terlalu besar" in str(caught.value.message)


# --- good images ---------------------------------------------------------------------------


def test_a_phone_photo_is_re_encoded_upright_without_exif():
    # given a JPEG with EXIF (orientation 6 = needs a 90° turn, a camera make)
    data = jpeg_with_exif()
    assert b"KameraRahasia" in data
    # when
    clean = clean_image(upload("IMG_0001.JPG", data, "image/jpeg"))
    # then the stored bytes carry no EXIF and the picture is turned upright
    stored = clean.content.read()
    assert b"KameraRahasia" not in stored and b"GPS-Desa-Sanan" not in stored
    reopened = Image.open(BytesIO(stored))
    assert not reopened.getexif()
    assert (clean.width, clean.height) == (200, 400) == reopened.size
    assert clean.ext == "jpg"


def test_thumbnail_fits_in_480_pixels_and_keeps_the_aspect_ratio():
    clean = clean_image(upload("lebar.png", image_bytes("PNG", size=(2000, 1000))))
    thumb = Image.open(BytesIO(clean.thumbnail.read()))
    assert thumb.size == (480, 240)
    assert clean.ext == "png"


@pytest.mark.parametrize(
    ("fmt", "mode", "color", "ext"),
    [
        ("PNG", "RGBA", (1, 2, 3, 0), "png"),
        ("PNG", "P", 3, "png"),
        ("WEBP", "RGBA", (1, 2, 3, 100), "webp"),
        ("JPEG", "CMYK", (0, 0, 0, 0), "jpg"),
        ("JPEG", "L", 128, "jpg"),
        ("PNG", "I;16", 1000, "png"),
    ],
)
def test_every_accepted_mode_is_written_back_in_its_own_format(fmt, mode, color, ext):
    clean = clean_image(upload(f"x.{ext}", image_bytes(fmt, size=(50, 40), mode=mode, color=color)))
    reopened = Image.open(BytesIO(clean.content.read()))
    assert reopened.format == fmt and reopened.size == (50, 40)
    assert clean.ext == ext


def test_a_plain_django_file_without_size_attribute_works():
    clean = clean_image(ContentFile(image_bytes(), name="x.jpg"))
    assert clean.width == 640


# --- documents -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("brief.pdf", b"%PDF-1.7\n..."),
        ("brief.docx", b"PK\x03\x04rest-of-zip"),
        ("arsip.zip", b"PK\x03\x04rest-of-zip"),
        ("catatan.txt", b"Ukuran 10 x 15 cm, warna hijau"),
        ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"),
        ("foto.JPG", b"\xff\xd8\xff\xe0rest"),
    ],
)
def test_documents_with_matching_content_are_accepted(name, data):
    assert clean_document(upload(name, data)).name == name


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("serangan.svg", b"<svg onload=alert(1)>", "file_type"),
        ("program.exe", b"MZ\x90\x00", "file_type"),
        ("tanpa-ekstensi", b"%PDF-1.7", "file_type"),
        ("palsu.pdf", b"<html><script>alert(1)</script>", "file_content_mismatch"),
        ("palsu.docx", b"%PDF-1.4", "file_content_mismatch"),
        ("biner.txt", b"abc\x00\x01\x02", "file_content_mismatch"),
    ],
)
def test_documents_with_a_wrong_type_or_content_are_refused(name, data, code):
    with pytest.raises(UnsupportedMedia) as caught:
        clean_document(upload(name, data))
    assert caught.value.code == code
    assert caught.value.status_code == 415


def test_a_too_large_document_is_refused():
    with pytest.raises(PayloadTooLarge):
        clean_document(upload("besar.pdf", b"%PDF-" + b"0" * 100), max_bytes=50)


# --- names and private responses -----------------------------------------------------------


def test_server_names_ignore_the_client_and_are_unique():
    first = server_name("public/products", "JPG")
    second = server_name("public/products", "jpg")
    assert first != second
    parts = first.split("/")
    assert parts[:2] == ["public", "products"] and len(parts[2]) == 4 and len(parts[3]) == 2
    assert parts[4].endswith(".jpg") and len(parts[4]) == 32 + 4
    assert server_name("../../etc/private/x", "p/h/p").startswith("etc/private/x/")
    assert server_name("private/deliveries", "php/../../x").endswith(".phpx")


def test_display_name_drops_paths_and_control_characters():
    assert display_name(upload("..\\..\\rahasia\\desain akhir.pdf", b"")) == "desain akhir.pdf"
    assert display_name(upload('a"b\nc.pdf', b"")) == "abc.pdf"


@pytest.mark.django_db
def test_private_file_response_is_an_attachment_that_is_never_sniffed(settings, tmp_path):
    from django.core.files.storage import default_storage
    from django.db.models import FileField
    from django.db.models.fields.files import FieldFile

    name = default_storage.save(server_name("private/deliveries", "pdf"), ContentFile(b"%PDF-1.7 isi"))
    field = FileField()
    field.storage = default_storage
    field_file = FieldFile(None, field, name)
    response = private_file_response(field_file, "Desain Kemasan Final.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert "Desain Kemasan Final.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.7 isi"
    response.close()


@pytest.mark.parametrize(
    ("mode", "fmt", "expected_ext"),
    [
        ("RGB", "JPEG", "jpg"),
        ("CMYK", "JPEG", "jpg"),
        ("P", "PNG", "png"),
        ("RGBA", "PNG", "png"),
        ("RGB", "WEBP", "webp"),
    ],
)
def test_a_list_thumbnail_fills_its_slot_whatever_the_image(mode, fmt, expected_ext):
    out = BytesIO()
    Image.new(mode, (900, 300)).save(out, fmt)
    clean = clean_image(SimpleUploadedFile(f"foto.{expected_ext}", out.getvalue()))
    content, ext = fitted_thumbnail(clean.content, size=(192, 192))
    assert ext == expected_ext
    with Image.open(BytesIO(content.read())) as thumbnail:
        assert thumbnail.size == (192, 192) and thumbnail.mode in ("RGB", "RGBA", "L")
    assert clean.content.tell() == 0  # rewound: the caller stores the image after
