"""Contact details stay on the platform until there is a contract (issue 12).

``mask_contacts`` replaces phone numbers (``+62 812-3456-7890``, ``0812 3456 7890``,
``62812…``), WhatsApp and Telegram links (``wa.me/…``, ``api.whatsapp.com/…``, ``t.me/…``,
``telegram.me/…``) and e-mail addresses with a placeholder. Text is always stored as
written; pages and API answers mask it when they show it to anyone but its author, unless
a contract exists between the two (the callers decide; this module only rewrites text).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

NOTICE = _("For your safety, contact details are shared once the contract starts.")
PLACEHOLDER = _("[contact hidden]")

_LINK = re.compile(
    r"(?:https?://)?(?:www\.)?(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|whatsapp\.com|t\.me|telegram\.me|telegram\.dog)"
    r"(?:/[^\s<>\"')]*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-]+\s*(?:@|\(at\)|\[at\])\s*[A-Za-z0-9.\-]+\s*(?:\.|\(dot\)|\[dot\])\s*[A-Za-z]{2,}"
)
# +62 / 62 / 0 followed by 8–13 more digits, with spaces, dots, dashes or brackets between
_PHONE = re.compile(r"(?<![\w])(?:\+\s*62|62|\(\+?62\)|0)[\s.\-()]*8(?:[\s.\-()]*\d){6,12}(?!\d)")
# an @handle after "telegram"/"tele"/"tg"/"wa"/"whatsapp"/"ig" words
_HANDLE = re.compile(r"(?i)\b(?:telegram|tele|tg|whatsapp|wa)\b\s*[:\-]?\s*@\w{3,}")


def mask_contacts(text: str | None) -> str:
    """The text with every contact detail replaced by a placeholder."""
    if not text:
        return text or ""
    placeholder = str(PLACEHOLDER)
    for pattern in (_LINK, _EMAIL, _HANDLE, _PHONE):
        text = pattern.sub(placeholder, text)
    return text


def has_contacts(text: str | None) -> bool:
    return bool(text) and mask_contacts(text) != text


def shown(text: str | None, *, masked: bool) -> str:
    """What a reader sees: the text as written, or masked."""
    return mask_contacts(text) if masked else (text or "")
