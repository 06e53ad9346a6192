"""The payment domain's error codes: every refusal a client of the payment API may get."""

from enum import StrEnum


class PaymentErrorCode(StrEnum):
    TERMS_SUM_MISMATCH = "terms_sum_mismatch"
    TERMS_COUNT = "terms_count"
    TERMS_DUE = "terms_due"
    TERMS_NOT_AGREED = "terms_not_agreed"
    TERMS_LOCKED = "terms_locked"
    NOT_OWNER = "not_contract_owner"
    NOT_CREATIVE = "not_contract_creative"
    NOT_ADMIN = "not_admin"
    CONTRACT_CLOSED = "contract_closed"
    AMOUNT_POSITIVE = "amount_not_positive"
    AMOUNT_BEYOND = "amount_beyond_instalment"
    DATE_IN_FUTURE = "paid_on_in_future"
    UNKNOWN_INSTALMENT = "unknown_instalment"
    NOTE_REQUIRED = "note_required"
    NOT_CONFIRMED = "payment_not_confirmed"
    NOT_COMPLETED = "contract_not_completed"
