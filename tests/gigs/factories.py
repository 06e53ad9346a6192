"""Factories for marketplace tests (shared ones come from tests.factories)."""

from datetime import timedelta

import factory
from django.utils import timezone

from creatives.models import CreativeProfile
from gigs.models import Bid, Category, Gig
from gigs.statuses import BidStatus, GigStatus
from tests.factories import CreativeUserFactory, OwnerFactory, kabupaten
from umkm.models import Business


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    owner = factory.SubFactory(OwnerFactory)
    name = factory.Sequence(lambda n: f"UMKM Keripik Tempe {n}")
    sector = "makanan"
    kabupaten = factory.LazyFunction(lambda: kabupaten("3507"))


class CreativeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreativeProfile

    user = factory.SubFactory(CreativeUserFactory)
    headline = "Desainer kemasan"
    kabupaten = factory.LazyFunction(lambda: kabupaten("3573"))


class GigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gig

    business = factory.SubFactory(BusinessFactory)
    title = factory.Sequence(lambda n: f"Desain kemasan keripik tempe {n}")
    description = "Kemasan standing pouch 100 g untuk keripik tempe rasa balado."
    category = factory.LazyFunction(lambda: Category.objects.get(slug="kemasan"))
    budget_min = 500_000
    budget_max = 1_500_000
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    kabupaten = factory.LazyFunction(lambda: kabupaten("3507"))
    status = GigStatus.OPEN
    published_at = factory.LazyFunction(timezone.now)
    created_by = factory.LazyAttribute(lambda gig: gig.business.owner)


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bid
        skip_postgeneration_save = True

    gig = factory.SubFactory(GigFactory)
    creative = factory.SubFactory(CreativeProfileFactory)
    amount = 1_000_000
    delivery_days = 7
    proposal = "Tiga alternatif desain dan dua kali revisi."
    status = BidStatus.PENDING

    @factory.post_generation
    def conversation(bid, create, extracted, **kwargs):
        if create:
            from gigs.models import Conversation

            Conversation.objects.get_or_create(bid=bid)
