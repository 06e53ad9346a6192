"""Who may see whose contact details (issue 12): the rule is "only once a contract exists
between the two"; the masking itself is mjc.core.contacts."""

from django.db.models import Q

from gigs.models import Contract
from mjc.core.contacts import mask_contacts


def contract_between(user_a, user_b) -> bool:
    """Is there a contract (any status) between these two accounts, either way round? One's
    own text is never masked for oneself."""
    if not getattr(user_a, "pk", None) or not getattr(user_b, "pk", None):
        return False
    if user_a.pk == user_b.pk:
        return True
    a, b = user_a.pk, user_b.pk
    return Contract.objects.filter(Q(owner_id=a, creative__user_id=b) | Q(owner_id=b, creative__user_id=a)).exists()


def shown_to(text: str, *, author, reader) -> str:
    """``text`` as ``reader`` sees it: as written for its author and once a contract exists
    between them, masked otherwise (anonymous readers included)."""
    reader_ok = reader is not None and getattr(reader, "is_authenticated", False)
    if reader_ok and contract_between(author, reader):
        return text or ""
    return mask_contacts(text)
