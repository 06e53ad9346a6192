"""The marketplace's error codes: one place to see every refusal a client may get.

``not_a_creative`` is shared with ``creatives`` (it was ``not_creative`` here before issue 9)."""

from enum import StrEnum


class GigErrorCode(StrEnum):
    NOT_OWNER = "not_gig_owner"
    NO_BUSINESS = "no_business"
    NOT_EDITABLE = "gig_not_editable"
    NOT_OPEN = "gig_not_open"
    NOT_CREATIVE = "not_a_creative"
    OWN_GIG = "own_gig"
    BID_EXISTS = "bid_exists"
    BID_NOT_EDITABLE = "bid_not_editable"
    NOT_BIDDER = "not_bidder"
    BID_ALREADY_ACCEPTED = "bid_already_accepted"
    NOT_CONTRACTED_CREATIVE = "not_contracted_creative"
    NOT_PARTY = "not_contract_party"
    REVISION_LIMIT = "revision_limit"
    REASON_REQUIRED = "reason_required"
    FILES_REQUIRED = "files_required"
    TOO_MANY_FILES = "too_many_files"
    NOT_COMPLETED = "contract_not_completed"
    REVIEW_EXISTS = "review_exists"
    RATING_RANGE = "rating_range"
    REPORT_TARGET = "report_target"
    ALREADY_INVITED = "already_invited"
    EMPTY_MESSAGE = "empty_message"
    ALREADY_DISPUTED = "contract_already_disputed"
    NOT_DISPUTED = "contract_not_disputed"
    NOT_ADMIN = "not_admin"
    GIG_HAS_CONTRACT = "gig_has_contract"
    NOT_WITHDRAWABLE = "contract_not_withdrawable"
    REPORT_ACTION = "report_action"
    ALREADY_DELIVERED = "contract_already_delivered"
    INVALID = "invalid"
    # issue 11 "Pictures": a gig's picture is one of its own business's product photos
    PICTURE_NOT_OWN_PRODUCT = "picture_not_own_product"
    PICTURE_NO_PHOTO = "picture_product_has_no_photo"
    # illegal moves, named by mjc.core.transitions from the code_prefix
    GIG_ILLEGAL_TRANSITION = "gig_illegal_transition"
    BID_ILLEGAL_TRANSITION = "bid_illegal_transition"
    CONTRACT_ILLEGAL_TRANSITION = "contract_illegal_transition"
    REPORT_ILLEGAL_TRANSITION = "report_illegal_transition"
