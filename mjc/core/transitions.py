"""The one helper that moves a lifecycle object from one status to another.

Each app declares its statuses and allowed moves in ``statuses.py``; services call
``transition`` which locks the row, treats a move to the current status as a no-op,
refuses an illegal move with a 409, saves with ``update_fields`` and records a
``StatusChange``. Side effects are the caller's, scheduled with ``on_commit`` only when
``changed`` is true.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from mjc.core.errors import IllegalTransition, NotFound
from mjc.core.models import StatusChange


@dataclass
class Transition:
    obj: Any
    from_status: str
    changed: bool


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def illegal_transition(current: str, to: str, *, choices, code_prefix: str) -> IllegalTransition:
    """The 409 for a move the graph does not allow: what ``transition`` raises, for a service
    that refuses before it moves (so the client gets the same code either way)."""
    return IllegalTransition(
        _("This cannot be done now: it is “%(current)s” and cannot become “%(target)s”.")
        % {"current": _label(choices, current), "target": _label(choices, to)},
        code=f"{code_prefix}_illegal_transition",
        extra={"from": current, "to": to},
    )


def illegal_move(obj, to: str, *, choices, code_prefix: str = "") -> IllegalTransition:
    """``illegal_transition`` for an object as it is now: what a service raises when its actions
    function (``…_actions``) does not list the move for this user now."""
    return illegal_transition(obj.status, to, choices=choices, code_prefix=code_prefix or obj._meta.model_name)


def transition(
    queryset: models.QuerySet | type[models.Model],
    pk,
    *,
    to: str,
    transitions: dict,
    choices: type[models.TextChoices],
    actor=None,
    note: str = "",
    fields: dict | None = None,
    code_prefix: str = "",
) -> Transition:
    """Move the object ``pk`` of ``queryset`` to status ``to`` (see module doc)."""
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    with transaction.atomic():
        obj = queryset.select_for_update(of=("self",)).filter(pk=pk).first()
        if obj is None:
            raise NotFound()
        current = obj.status
        if current == to:
            return Transition(obj=obj, from_status=current, changed=False)
        if to not in transitions.get(current, ()):
            raise illegal_transition(current, to, choices=choices, code_prefix=code_prefix or obj._meta.model_name)
        obj.status = to
        update_fields = ["status"]
        for name, value in (fields or {}).items():
            setattr(obj, name, value)
            update_fields.append(name)
        if hasattr(obj, "updated_at"):
            update_fields.append("updated_at")
        obj.save(update_fields=update_fields)
        StatusChange.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            from_status=current,
            to_status=to,
            actor=actor if getattr(actor, "pk", None) else None,
            note=note,
        )
        return Transition(obj=obj, from_status=current, changed=True)


def record_creation(obj, *, actor=None, note: str = "") -> None:
    """Record the first status of a new object (from the empty status)."""
    StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        from_status="",
        to_status=obj.status,
        actor=actor if getattr(actor, "pk", None) else None,
        note=note,
    )


def history(obj) -> models.QuerySet:
    return StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("actor")
