"""The marketplace's error codes: one place to see every refusal a client may get."""

from enum import StrEnum


class GigErrorCode(StrEnum):
    NOT_OWNER = "not_gig_owner"
    NO_BUSINESS = "no_business"
    NOT_EDITABLE = "gig_not_editable"
    NOT_OPEN = "gig_not_open"
    NOT_CREATIVE = "not_creative"
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
