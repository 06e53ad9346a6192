"""Simple generated pictures for demo data: a coloured card with a name on it."""

import textwrap
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont


def named_picture(
    title: str, color: tuple[int, int, int], *, size=(900, 900), subtitle: str = ""
) -> SimpleUploadedFile:
    """A JPEG of ``size`` in ``color`` with ``title`` written on it (stored through clean_image)."""
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    width, height = size
    # A lighter band and a few circles so thumbnails are not flat squares.
    band = tuple(min(255, c + 45) for c in color)
    draw.rectangle([0, int(height * 0.62), width, int(height * 0.86)], fill=band)
    for i in range(4):
        r = width // (6 + i)
        x, y = width * (i + 1) // 5, height // 4 + (i % 2) * height // 10
        draw.ellipse([x - r // 2, y - r // 2, x + r // 2, y + r // 2], outline=(255, 255, 255), width=6)
    font = ImageFont.load_default(size=max(20, width // 17))
    small = ImageFont.load_default(size=max(16, width // 26))
    lines = textwrap.wrap(title, width=20)[:2]
    y = int(height * 0.63)
    for line in lines:
        draw.text((width // 16, y), line, font=font, fill=(255, 255, 255))
        y += int(font.size * 1.15)
    if subtitle:
        draw.text((width // 16, int(height * 0.9)), subtitle, font=small, fill=(255, 255, 255))
    out = BytesIO()
    image.save(out, "JPEG", quality=85)
    return SimpleUploadedFile("demo.jpg", out.getvalue(), content_type="image/jpeg")
