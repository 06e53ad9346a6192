"""factory_boy factories for every model tests need."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model

from mjc.regions.models import Bakorwil, Kabupaten

PASSWORD = "rahasia-mjc-2026"


def kabupaten(code: str = "3507") -> Kabupaten:
    return Kabupaten.objects.get(code=code)


def bakorwil(code: str = "III") -> Bakorwil:
    return Bakorwil.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"pengguna{n}@contoh.id")
    full_name = factory.Faker("name", locale="id_ID")
    kabupaten = factory.LazyFunction(kabupaten)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OwnerFactory(UserFactory):
    is_owner = True


class CreativeUserFactory(UserFactory):
    is_creative = True


class StaffFactory(UserFactory):
    bakorwil = factory.LazyFunction(bakorwil)


class AdminFactory(UserFactory):
    is_superuser = True
    is_staff = True


# --- marketplace ------------------------------------------------------------------------
# One factory per model; test packages that need other defaults subclass these.


def category(slug: str = "kemasan"):
    from mjc.categories.models import Category

    return Category.objects.get(slug=slug)


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "umkm.Business"

    owner = factory.SubFactory(OwnerFactory)
    name = factory.Sequence(lambda n: f"UMKM Keripik Tempe {n}")
    sector = "makanan"
    kabupaten = factory.LazyFunction(lambda: kabupaten("3507"))


class CreativeProfileFactory(factory.django.DjangoModelFactory):
    """``skills=[...]`` takes Category rows or category slugs."""

    class Meta:
        model = "creatives.CreativeProfile"
        skip_postgeneration_save = True

    user = factory.SubFactory(CreativeUserFactory)
    headline = "Desainer kemasan"
    kabupaten = factory.LazyFunction(lambda: kabupaten("3573"))

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.skills.set([category(item) if isinstance(item, str) else item for item in extracted])


class GigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "gigs.Gig"

    business = factory.SubFactory(BusinessFactory)
    title = factory.Sequence(lambda n: f"Desain kemasan keripik tempe {n}")
    description = "Kemasan standing pouch 100 g untuk keripik tempe rasa balado."
    category = factory.LazyFunction(category)
    budget_min = 500_000
    budget_max = 1_500_000
    deadline = factory.LazyFunction(lambda: _today() + timedelta(days=30))
    kabupaten = factory.LazyFunction(lambda: kabupaten("3507"))
    status = "open"
    published_at = factory.LazyFunction(lambda: _now())
    created_by = factory.SelfAttribute("business.owner")


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "gigs.Bid"
        skip_postgeneration_save = True

    gig = factory.SubFactory(GigFactory)
    creative = factory.SubFactory(CreativeProfileFactory)
    amount = 1_000_000
    delivery_days = 7
    proposal = "Tiga alternatif desain dan dua kali revisi."
    status = "pending"

    @factory.post_generation
    def conversation(bid, create, extracted, **kwargs):
        if create:
            from gigs.models import Conversation
            from gigs.services.housekeeping import gig_bid_counts_repair

            Conversation.objects.get_or_create(bid=bid)
            gig_bid_counts_repair(gig_ids=[bid.gig_id])  # as the bid services keep it


class ContractFactory(factory.django.DjangoModelFactory):
    """A contract row written directly (as ``bid_accept`` would leave it) for setting up a
    scene: its bid is accepted and its gig in progress; pass ``status=`` for a later stage."""

    class Meta:
        model = "gigs.Contract"

    bid = factory.SubFactory(BidFactory, status="accepted", gig__status="in_progress")
    gig = factory.SelfAttribute("bid.gig")
    owner = factory.SelfAttribute("bid.gig.business.owner")
    creative = factory.SelfAttribute("bid.creative")
    amount = factory.SelfAttribute("bid.amount")
    due_date = factory.LazyFunction(lambda: _today() + timedelta(days=7))
    status = "active"


class ReviewFactory(factory.django.DjangoModelFactory):
    """A review of a completed contract by its owner (``author=`` the creative's user for the other side)."""

    class Meta:
        model = "gigs.Review"

    contract = factory.SubFactory(
        ContractFactory, status="completed", completed_at=factory.LazyFunction(lambda: _now())
    )
    author = factory.SelfAttribute("contract.owner")
    subject = factory.LazyAttribute(
        lambda o: o.contract.creative.user if o.author == o.contract.owner else o.contract.owner
    )
    rating = 5
    comment = "Hasilnya rapi dan tepat waktu."


def _today():
    from django.utils import timezone

    return timezone.localdate()


def _now():
    from django.utils import timezone

    return timezone.now()


def plain_gig(business, code: str, status: str = "open", category: str = "kemasan"):
    """A gig row written as it is, in one kabupaten and status (the figures tests count them)."""
    from datetime import date

    from gigs.models import Gig
    from mjc.categories.models import Category

    return Gig.objects.create(
        business=business,
        title="Desain kemasan",
        description="Brief",
        category=Category.objects.get(slug=category),
        budget_min=500_000,
        budget_max=1_500_000,
        deadline=date(2027, 1, 31),
        kabupaten=kabupaten(code),
        status=status,
        created_by=business.owner,
    )


def plain_contract(gig, creative, amount: int, status: str):
    """An accepted bid and its contract written as they are, in ``status``."""
    from datetime import date

    from gigs.models import Bid, Contract

    bid = Bid.objects.create(
        gig=gig, creative=creative, amount=amount, delivery_days=7, proposal="Siap", status="accepted"
    )
    return Contract.objects.create(
        gig=gig,
        bid=bid,
        owner=gig.business.owner,
        creative=creative,
        amount=amount,
        due_date=date(2027, 1, 31),
        status=status,
    )
