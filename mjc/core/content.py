"""Content kept in both languages (SPEC: Indonesian first, English beside it).

A model keeps the Indonesian text in its field and the English one in ``<field>_en``; pages and
the API show the English text to a reader whose language is English and fall back to the
Indonesian text while the English one is empty (as ``Category.label`` does).
"""

from django.utils.translation import get_language


def reading_english() -> bool:
    """Whether the current reader's language is English."""
    return (get_language() or "id").startswith("en")


def in_reader_language(indonesian, english):
    """The English text for an English reader when there is one, else the Indonesian text."""
    if english and reading_english():
        return english
    return indonesian


def list_in_reader_language(indonesian, english) -> list:
    """Parallel lists (amenities, choice labels): item by item, an empty English item falls back."""
    indonesian = list(indonesian or [])
    if not reading_english():
        return indonesian
    english = list(english or [])
    return [
        (english[index] if index < len(english) and english[index] else item) for index, item in enumerate(indonesian)
    ]
