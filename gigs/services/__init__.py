"""Every write of the marketplace (SPEC sections 3 and 4): views, API views, admin actions
and tasks parse input and call one of these — ``from gigs import services; services.bid_place(...)``.

One module per sub-domain (gigs, attachments, bids, contracts and disputes, reviews,
conversations, moderation, housekeeping); this package re-exports their public names.
Each service is keyword-only, atomic, checks who may act (403) and what state allows it
(409 with a code), moves statuses only through ``mjc.core.transitions.transition`` and
notifies inside the transaction (the in-app row commits with the change).
"""

from gigs.services._shared import (  # noqa: F401
    ATTACHMENT_DIR,
    DELIVERY_DIR,
    MAX_ATTACHMENTS_PER_GIG,
    MAX_DELIVERY_DAYS,
    MAX_FILES_PER_UPLOAD,
    MAX_RUPIAH,
)
from gigs.services.attachments import (  # noqa: F401
    gig_attachment_add,
    gig_attachment_remove,
)
from gigs.services.bids import (  # noqa: F401
    bid_accept,
    bid_place,
    bid_reject,
    bid_shortlist,
    bid_update,
    bid_withdraw,
)
from gigs.services.contracts import (  # noqa: F401
    DISPUTABLE,
    DisputeOutcome,
    contract_can_withdraw,
    contract_cancel,
    contract_complete,
    contract_deliver,
    contract_dispute,
    contract_dispute_settle,
    contract_request_revision,
    contract_withdraw,
)
from gigs.services.conversations import (  # noqa: F401
    message_send,
)
from gigs.services.gigs import (  # noqa: F401
    EDITABLE_GIG_FIELDS,
    compose_brief,
    gig_cancel,
    gig_create,
    gig_publish,
    gig_update,
    invitation_create,
)
from gigs.services.housekeeping import (  # noqa: F401
    creative_aggregates_refresh,
    creative_stats_refresh,
    gig_bid_counts_repair,
    gig_expire_overdue,
)
from gigs.services.moderation import (  # noqa: F401
    report_create,
    report_resolve,
)
from gigs.services.reviews import (  # noqa: F401
    review_create,
)
