"""Who may see whose contact details (issue 12): the rule is "only once a contract exists
between the two"; the masking itself is mjc.core.contacts."""

from django.db.models import Q

from gigs.models import Contract
from mjc.core.contacts import mask_contacts


def _pk(user_or_id):
    return user_or_id if isinstance(user_or_id, int) else getattr(user_or_id, "pk", None)


def contract_between(user_a, user_b) -> bool:
    """Is there a contract (any status) between these two accounts (users or user ids), either
    way round? One's own text is never masked for oneself."""
    a, b = _pk(user_a), _pk(user_b)
    if not a or not b:
        return False
    if a == b:
        return True
    return Contract.objects.filter(Q(owner_id=a, creative__user_id=b) | Q(owner_id=b, creative__user_id=a)).exists()


def shown_to(text: str, *, author, reader) -> str:
    """``text`` as ``reader`` sees it: as written for its author and once a contract exists
    between them, masked otherwise (anonymous readers included)."""
    reader_ok = reader is not None and getattr(reader, "is_authenticated", False)
    if reader_ok and contract_between(author, reader):
        return text or ""
    return mask_contacts(text)


def contact_partners(user, other_user_ids) -> set[int]:
    """Which of ``other_user_ids`` have a contract with ``user`` (either side): one query, for
    a page that lists many other people's texts (the owner's bid comparison)."""
    ids = {pk for pk in other_user_ids if pk}
    if not ids or not getattr(user, "pk", None):
        return set()
    as_owner = Contract.objects.filter(owner_id=user.pk, creative__user_id__in=ids).values_list(
        "creative__user_id", flat=True
    )
    as_creative = Contract.objects.filter(creative__user_id=user.pk, owner_id__in=ids).values_list(
        "owner_id", flat=True
    )
    return set(as_owner.union(as_creative))


def mask_field(serializer, data: dict, field: str, *, author_id, check_contract: bool = True) -> dict:
    """For an API serializer: mask ``data[field]`` unless the reader (the request's user) is
    its author or, with ``check_contract``, has a contract with the author (cached per author
    in the serializer's context, so a list costs one query per distinct author at most)."""
    if field not in data or not data[field]:
        return data
    request = serializer.context.get("request")
    reader = getattr(request, "user", None)
    if reader is not None and reader.is_authenticated and reader.pk == author_id:
        return data
    unmasked = False
    if check_contract and reader is not None and reader.is_authenticated:
        cache = serializer.context.setdefault("_contacts_open", {}) if isinstance(serializer.context, dict) else {}
        if author_id not in cache:
            cache[author_id] = contract_between(reader, author_id)
        unmasked = cache[author_id]
    if not unmasked:
        data[field] = mask_contacts(data[field])
    return data
