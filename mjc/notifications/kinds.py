"""Every kind of notification, with its title and body in words.

Callers pass ``params``; the words are rendered in the *recipient's* language when the
notification is created, so an owner reading in English and a creative reading in
Indonesian each get their own language. Add a kind here before using it.
"""

from django.utils.translation import gettext_lazy as _

KINDS = {
    # marketplace
    "bid.new": (_("New bid on “%(gig)s”"), _("%(creative)s offered %(amount)s in %(days)s days.")),
    "bid.accepted": (_("Your bid on “%(gig)s” was accepted"), _("The contract is ready. Agreed amount: %(amount)s.")),
    "bid.rejected": (
        _("Your bid on “%(gig)s” was not chosen"),
        _("The owner chose another offer. Keep bidding: new gigs open every day."),
    ),
    "bid.shortlisted": (_("Your bid on “%(gig)s” was shortlisted"), _("The owner is considering your offer.")),
    "gig.invitation": (_("Invitation to bid on “%(gig)s”"), _("%(owner)s invites you to send an offer.")),
    "gig.match": (_("A new gig for you: “%(gig)s”"), _("%(reason)s")),
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
    # digest
    "digest.daily": (_("Gigs for you today"), _("%(count)s new gigs match your skills.")),
}

# Kinds are grouped for the e-mail preferences: in-app is always on, e-mail can be
# switched off per group (SPEC section 5). The daily digest is opted into separately.
GROUPS = {
    "gigs": (_("Gigs for you, invitations and expiry"), ("gig.",)),
    "bids": (_("Bids and package orders"), ("bid.", "order.")),
    "contracts": (_("Contracts, deliveries and reviews"), ("contract.", "review.")),
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
