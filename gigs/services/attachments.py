"""Brief attachments of a gig (private files; who may read them is ``gigs.selectors.may_read_brief_files``)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from gigs.errors import GigErrorCode as Code
from gigs.models import (
    Gig,
    GigAttachment,
)
from gigs.selectors import gig_actions
from gigs.services._shared import (
    ATTACHMENT_DIR,
    MAX_ATTACHMENTS_PER_GIG,
    _check_uploads,
    _require_action,
    _require_gig_owner,
    _store_private,
)
from mjc.core.errors import Conflict, ValidationFailed


def _attach(*, gig: Gig, user, upload) -> GigAttachment:
    attachment = GigAttachment(gig=gig, uploaded_by=user)
    attachment.original_name, attachment.size = _store_private(upload, attachment.file, ATTACHMENT_DIR)
    attachment.save()
    return attachment


@transaction.atomic
def gig_attachment_add(*, gig: Gig, user, upload) -> GigAttachment:
    _require_gig_owner(gig, user)
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=gig.pk)
    _require_action(
        "attach",
        gig_actions(gig, user),
        Conflict(_("Attachments can only be added while the gig is a draft or open."), code=Code.NOT_EDITABLE),
    )
    _check_uploads([upload], required=True)
    if gig.attachments.count() >= MAX_ATTACHMENTS_PER_GIG:
        raise ValidationFailed(
            _("files: A brief can have at most %(count)s attachments; remove one first.")
            % {"count": MAX_ATTACHMENTS_PER_GIG},
            code=Code.TOO_MANY_FILES,
            extra={"fields": {"files": [str(_("Too many files."))]}},
        )
    return _attach(gig=gig, user=user, upload=upload)


@transaction.atomic
def gig_attachment_remove(*, attachment: GigAttachment, user) -> None:
    """The owner removes a brief attachment while the gig is a draft or open (row and stored file)."""
    gig = Gig.objects.select_for_update(of=("self",)).select_related("business").get(pk=attachment.gig_id)
    _require_gig_owner(gig, user)
    _require_action(  # removing is part of "attach": the owner's files, while the brief may change
        "attach",
        gig_actions(gig, user),
        Conflict(_("Attachments can only be removed while the gig is a draft or open."), code=Code.NOT_EDITABLE),
    )
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored) if stored else None)
