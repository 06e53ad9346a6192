"""A small, realistic data set for the whole-platform quality checks: the demo data
(`seed_demo`'s modules) plus one account that is both an owner and a creative, with an
open gig, bids, a contract in progress, a room booking and an event, so ids resolve."""

import importlib
import io
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from mjc.accounts.services import user_token_issue
from mjc.site.demo import accounts as accounts_demo

DEMO_MODULES = ["mjc.site.demo.umkm", "mjc.site.demo.creatives", "mjc.site.demo.gigs", "mjc.site.demo.ejsc"]
User = get_user_model()


@dataclass
class Scene:
    owner: object  # siti: owner of businesses and gigs, also a creative
    creative: object  # rina: a creative with bids and contracts
    staff: object  # staf3: Bakorwil III (Malang)
    admin: object
    token: str  # siti's API token
    gig: object
    bid: object
    contract: object
    room: object
    booking: object
    event: object
    own_booking: object  # siti's own booking request
    portfolio_item: object
    product: object
    notification: object
    creative_bid: object  # rina's pending bid on someone else's open gig

    def ids_for(self, path: str) -> dict:
        """Path parameters naming seeded objects the token's owner can act on."""
        prefix = path.split("/")[3]
        objects = {
            "bids": self.bid, "contracts": self.contract, "gigs": self.gig, "businesses": self.gig.business,
            "bookings": self.own_booking, "events": self.event, "rooms": self.room, "notifications": self.notification,
            "creatives": self.owner.creative_profile,
        }  # fmt: skip
        params = {}
        target = self.portfolio_item if "/portfolio/" in path else objects.get(prefix)
        if "{id}" in path and target is not None:  # a new kind of object: generated ids only
            params["id"] = target.pk
        if "{product_pk}" in path:
            params["product_pk"] = self.product.pk
        return params


def build() -> Scene:
    from creatives.models import CreativeProfile, PortfolioItem
    from ejsc.models import Booking, Event, Room
    from gigs import services
    from gigs.models import Gig
    from mjc.categories.models import Category
    from mjc.notifications.models import Notification
    from tests.ejsc.factories import BookingFactory
    from tests.factories import kabupaten
    from umkm.models import Product

    out = io.StringIO()
    accounts_demo.seed(out)
    for name in DEMO_MODULES:
        importlib.import_module(name).seed(out)

    owner = User.objects.get(email="siti@demo.mjc.id")
    owner.is_creative = True
    owner.save(update_fields=["is_creative"])
    CreativeProfile.objects.get_or_create(
        user=owner,
        defaults={"headline": "Pembatik dan fotografer", "kabupaten": kabupaten("3528"), "day_rate": 400_000},
    )
    creative = User.objects.get(email="rina@demo.mjc.id")
    staff = User.objects.get(email="staf3@demo.mjc.id")
    admin = User.objects.get(email="admin@demo.mjc.id")

    business = owner.businesses.order_by("id").first()
    gig = Gig.objects.filter(business=business, status="open").order_by("id").first()
    work = services.gig_create(
        user=owner,
        business=business,
        title="Desain label batik premium",
        category=Category.objects.get(slug="kemasan"),
        description="Label gantung untuk kain batik tulis.",
        budget_min=300_000,
        budget_max=800_000,
        deadline=timezone.localdate() + timedelta(days=20),
    )
    services.gig_publish(gig=work, user=owner)
    accepted = services.bid_place(
        gig=work, user=creative, amount=600_000, delivery_days=5, proposal="Dua konsep label."
    )
    contract = services.bid_accept(bid=accepted, user=owner)
    bid = gig.bids.order_by("id").first() or services.bid_place(
        gig=gig,
        user=User.objects.get(email="ayu@demo.mjc.id"),
        amount=2_000_000,
        delivery_days=6,
        proposal="Foto katalog.",
    )

    room = Room.objects.filter(space__bakorwil=staff.bakorwil).order_by("id").first()
    booking = Booking.objects.filter(room__space__bakorwil=staff.bakorwil).order_by("id").first()
    event = Event.objects.order_by("id").first()
    own_booking = BookingFactory(room=room, requester=owner, purpose="Rapat desain label")
    portfolio_item = PortfolioItem.objects.create(
        profile=owner.creative_profile,
        title="Katalog batik",
        image="public/portfolio/a.jpg",
        thumbnail="public/portfolio/a.jpg",
    )
    product = Product.objects.filter(business=business).order_by("id").first() or Product.objects.create(
        business=business, name="Batik tulis motif sekar jagad", price=750_000
    )
    notification = Notification.objects.filter(recipient=owner).order_by("id").first()
    creative_bid = creative.creative_profile.bids.filter(status="pending").order_by("id").first()
    if creative_bid is None and not gig.bids.filter(creative__user=creative).exists():
        creative_bid = services.bid_place(
            gig=gig, user=creative, amount=1_900_000, delivery_days=4, proposal="Foto katalog."
        )
    token = user_token_issue(user=owner)
    return Scene(
        owner, creative, staff, admin, token, gig, bid, contract, room, booking, event,
        own_booking, portfolio_item, product, notification, creative_bid,
    )  # fmt: skip
