"""Every kind of notification, with its title and body in words.

Callers pass ``params``; a notification stores its kind and parameters, and its words are
rendered in the *reader's* language whenever it is shown (the page, the API, the e-mail in the
recipient's language), so switching to English turns yesterday's notifications English too.
The words rendered at creation stay on the row for the admin and for kinds that are gone.
Add a kind here before using it.
"""

from collections.abc import Callable
from contextlib import nullcontext

from django.utils import translation
from django.utils.translation import gettext_lazy as _

KINDS = {
    # marketplace
    "bid.new": (_("New bid on “%(gig)s”"), _("%(creative)s offered %(amount)s in %(days)s days.")),
    # payment explained where the creative first reads of the deal (issue 11): how, when, and MJC's part
    "bid.accepted": (
        _("Your bid on “%(gig)s” was accepted"),
        _(
            "The contract is ready. Agreed amount: %(amount)s. How and when it is paid is agreed between you "
            "and the owner, who pays you directly (transfer, QRIS, e-wallet or cash). MJC does not hold money: "
            "it records the payments you both confirm and issues the kwitansi."
        ),
    ),
    "bid.rejected": (
        _("Your bid on “%(gig)s” was not chosen"),
        _("The owner chose another offer. Keep bidding: new gigs open every day."),
    ),
    # the job itself was cancelled: the bidders read the owner's reason, not "another offer was chosen"
    "bid.gig_cancelled": (
        _("“%(gig)s” was cancelled"),
        _("The owner cancelled this gig, so your bid is closed. Their reason: “%(reason)s”"),
    ),
    "bid.gig_closed": (  # … cancelled without a reason (the API and moderation allow none)
        _("“%(gig)s” was cancelled"),
        _("The gig was cancelled, so your bid is closed. Keep bidding: new gigs open every day."),
    ),
    "bid.shortlisted": (_("Your bid on “%(gig)s” was shortlisted"), _("The owner is considering your offer.")),
    "gig.invitation": (_("Invitation to bid on “%(gig)s”"), _("%(owner)s invites you to send an offer.")),
    # what a creative needs to decide whether to open it: the money, the date, then why them
    "gig.match": (
        _("A new gig for you: “%(gig)s”"),
        _("Budget %(budget)s, deadline %(deadline)s. %(reason)s"),
    ),
    "gig.expired": (_("Your gig “%(gig)s” has expired"), _("The closing date passed without an accepted bid.")),
    "message.new": (_("New message about “%(gig)s”"), _("%(sender)s: %(excerpt)s")),
    "contract.delivered": (
        _("Work delivered for “%(gig)s”"),
        _("Review the delivery, then complete the contract or ask for a revision."),
    ),
    "contract.revision_requested": (_("Revision requested for “%(gig)s”"), _("%(note)s")),
    "contract.completed": (_("Contract for “%(gig)s” completed"), _("Thank you! Please leave a review.")),
    "contract.cancelled": (_("Contract for “%(gig)s” cancelled"), _("Reason: %(reason)s")),
    "contract.withdrawn": (
        _("%(by)s withdrew from the contract for “%(gig)s”"),
        _("Reason: %(reason)s. The gig is open for bids again."),
    ),
    "contract.disputed": (_("Dispute opened on “%(gig)s”"), _("%(by)s asks MJC to settle the contract: %(reason)s")),
    "review.received": (
        _("You received a review for “%(gig)s”"),
        _("It is shown once both sides have reviewed, or after 14 days."),
    ),
    # payments (issue 13): MJC does not hold money, the parties pay each other
    "payment.terms_proposed": (
        _("New payment schedule for “%(gig)s”"),
        _("The owner proposes %(count)s instalments. Please check and agree."),
    ),
    "payment.terms_agreed": (_("Payment schedule agreed for “%(gig)s”"), _("The creative agreed to the schedule.")),
    "payment.reported": (
        _("Payment recorded for “%(gig)s”"),
        _("The owner says %(amount)s was paid (%(instalment)s). Please confirm when you receive it."),
    ),
    "payment.confirmed": (_("Payment confirmed for “%(gig)s”"), _("%(amount)s received. The kwitansi is ready.")),
    "payment.not_received": (
        _("Payment not received for “%(gig)s”"),
        _("%(amount)s was not received: %(note)s"),
    ),
    "payment.voided": (
        _("Payment record voided for “%(gig)s”"),
        _("MJC settled the payment dispute: the record of %(amount)s was voided and can be paid again. %(note)s"),
    ),
    "payment.due": (_("Payment due for “%(gig)s”"), _("%(instalment)s: %(amount)s is due.")),
    "payment.unconfirmed": (
        _("Please confirm a payment for “%(gig)s”"),
        _("The owner recorded %(amount)s %(days)s days ago. Did you receive it?"),
    ),
    "verification.submitted": (
        _("NIB to check: “%(business)s”"),
        _("An owner asks MJC to verify the business's NIB."),
    ),
    "verification.decided": (_("NIB verification of “%(business)s”"), _("%(outcome)s")),
    # package orders (issue 12)
    "order.new": (
        _("New order: “%(package)s”"),
        _("%(owner)s ordered %(amount)s, %(days)s days. Accept or decline within 48 hours."),
    ),
    "order.accepted": (
        _("Your order “%(package)s” was accepted"),
        _("The contract is ready. Agreed amount: %(amount)s."),
    ),
    "order.declined": (_("Your order “%(package)s” was declined"), _("Reason: %(reason)s")),
    "order.cancelled": (_("Order cancelled: “%(package)s”"), _("%(owner)s cancelled the order.")),
    "order.expired": (
        _("Order expired: “%(package)s”"),
        _("The creative did not decide within 48 hours. You can order another package."),
    ),
    # EJSC
    "booking.requested": (_("New booking request: %(room)s"), _("%(requester)s asks for %(when)s.")),
    "booking.approved": (_("Booking approved: %(room)s"), _("%(when)s. See you at %(space)s!")),
    "booking.rejected": (_("Booking not approved: %(room)s"), _("%(when)s. Reason: %(reason)s")),
    "booking.cancelled": (
        _("Booking cancelled: %(room)s"),
        _("%(when)s was cancelled by the Bakorwil staff. %(reason)s"),
    ),
    "booking.expired": (_("Booking request expired: %(room)s"), _("It was not decided before %(when)s.")),
    "booking.reminder": (_("Reminder: %(room)s"), _("Your booking starts %(when)s at %(space)s.")),
    "booking.no_show": (_("Marked as no-show: %(room)s"), _("You did not check in for %(when)s.")),
    "event.requested": (_("New event request: %(event)s"), _("%(organizer)s, %(when)s in %(room)s.")),
    "event.approved": (_("Event approved: %(event)s"), _("%(when)s in %(room)s.")),
    "event.rejected": (_("Event not approved: %(event)s"), _("Reason: %(reason)s")),
    "event.cancelled": (_("Event cancelled: %(event)s"), _("%(when)s in %(room)s will not take place. %(reason)s")),
    # EJSC as a public service (issue 14)
    "booking.series_requested": (
        _("New weekly booking request: %(room)s"),
        _("%(requester)s asks for %(count)s occurrences from %(when)s."),
    ),
    # one decision about a weekly series is one notification (and one e-mail) listing its dates (issue 14)
    "booking.series_approved": (
        _("Weekly booking approved: %(room)s"),
        _("Approved at %(space)s: %(periods)s. See you there!"),
    ),
    "booking.series_rejected": (
        _("Weekly booking not approved: %(room)s"),
        _("Not approved: %(periods)s. Reason: %(reason)s"),
    ),
    "booking.series_cancelled": (
        _("Weekly booking cancelled: %(room)s"),
        _("The Bakorwil staff cancelled %(periods)s. %(reason)s"),
    ),
    "booking.late": (
        _("Booking request past the service standard: %(room)s"),
        _("%(when)s was due to be decided by %(deadline)s."),
    ),
    "booking.feedback": (_("How was %(room)s?"), _("Please rate your visit of %(when)s at %(space)s (1–5).")),
    "booking.waitlist_offered": (
        _("A slot is free for you: %(room)s"),
        _("%(when)s at %(space)s is held for you until %(until)s. Claim it on your waitlist page."),
    ),
    "booking.waitlist_lapsed": (
        _("Your hold has lapsed: %(room)s"),
        _("%(when)s at %(space)s was not claimed in time and passes to the next person waiting."),
    ),
    "event.promoted": (_("You have a place: %(event)s"), _("A place freed up for %(when)s. See you there!")),
    "event.feedback": (_("How was %(event)s?"), _("Please rate the event of %(when)s (1–5).")),
    # digest
    "digest.daily": (_("Gigs for you today"), _("%(count)s new gigs match your skills.")),
}

# Kinds are grouped for the e-mail preferences: in-app is always on, e-mail can be
# switched off per group (SPEC section 5). The daily digest is opted into separately.
GROUPS = {
    "gigs": (_("Gigs for you, invitations and expiry"), ("gig.",)),
    "bids": (_("Bids and package orders"), ("bid.", "order.")),
    "contracts": (_("Contracts, deliveries and reviews"), ("contract.", "review.", "payment.", "verification.")),
    "messages": (_("Messages"), ("message.",)),
    "bookings": (_("EJSC bookings and events"), ("booking.", "event.")),
}
DIGEST_KIND = "digest.daily"


def group_of(kind: str) -> str | None:
    """The preference group of a kind (None for the digest, which has its own switch)."""
    for group, (_label, prefixes) in GROUPS.items():
        if kind.startswith(prefixes):
            return group
    return None


# Parameters stored as data and put into words when shown, in the reader's language: the app that owns the
# data registers how (in its AppConfig.ready; this layer imports no app). ``formatter(raw, language)``.
# ejsc: "periods", the dates of a weekly series' decision ("Sel 8 Des, Sel 15 Des 2026, 10.00–12.00 WIB");
# "when", one booking's or event's time (``start/end`` in ISO); "until" and "deadline", a moment in ISO. A
# formatter shows a value that is not its data as it is (rows written in words before, another app's words).
FORMATTERS: dict[str, Callable[[str, str], str]] = {}

# Kinds whose e-mail an app completes: ``extras(notification)`` returns ``{"lines": [...], "attachments":
# [(filename, content, mimetype), ...]}`` or None, called in the recipient's language. ejsc: the booking pass
# (check-in code, QR code, .ics) rides on the approval's e-mail, so one decision is one e-mail.
EMAIL_EXTRAS: dict[str, Callable] = {}


def register_formatter(name: str, formatter: Callable[[str, str], str]) -> None:
    FORMATTERS[name] = formatter


def register_email_extras(kind: str, extras: Callable) -> None:
    if kind not in KINDS:
        raise KeyError(f"unknown notification kind {kind!r}")
    EMAIL_EXTRAS[kind] = extras


def render(kind: str, params: dict, language: str | None = None) -> tuple[str, str]:
    """The title and body of a kind with its parameters, in ``language`` (or the active one)."""
    title, body = KINDS[kind]
    with translation.override(language) if language else nullcontext():
        reader = translation.get_language() or "id"
        safe = {key: str(value) for key, value in params.items()}
        for name in safe.keys() & FORMATTERS.keys():
            safe[name] = FORMATTERS[name](safe[name], reader)
        return str(title) % safe, str(body) % safe
