"""Factories for the jobs tests (shared ones come from tests/factories.py)."""

from datetime import timedelta

import factory
from django.utils import timezone

from creatives.models import CreativeProfile
from gigs.models import Category, Gig
from gigs.statuses import GigStatus, WorkMode
from tests.factories import CreativeUserFactory, OwnerFactory, kabupaten
from umkm.models import Business


def category(slug: str = "kemasan") -> Category:
    return Category.objects.get(slug=slug)


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    owner = factory.SubFactory(OwnerFactory)
    name = factory.Sequence(lambda n: f"Keripik Tempe Sanan {n}")
    sector = "makanan"
    kabupaten = factory.LazyFunction(lambda: kabupaten("3507"))


class CreativeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreativeProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(CreativeUserFactory)
    headline = "Desainer grafis"
    day_rate = 500_000
    kabupaten = factory.LazyFunction(lambda: kabupaten("3578"))
    available = True

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.skills.set(extracted)


class GigFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gig

    business = factory.SubFactory(BusinessFactory)
    title = factory.Sequence(lambda n: f"Desain kemasan keripik {n}")
    description = "Kemasan standing pouch untuk keripik tempe, tiga varian rasa."
    category = factory.LazyFunction(category)
    budget_min = 1_000_000
    budget_max = 3_000_000
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    kabupaten = factory.LazyFunction(lambda: kabupaten("3507"))
    work_mode = WorkMode.ONSITE
    status = GigStatus.OPEN
    created_by = factory.SelfAttribute("business.owner")
    published_at = factory.LazyFunction(timezone.now)
