"""Matching scenes: an onsite gig with a budget, creatives with a day rate (shared factories underneath)."""

from gigs.statuses import WorkMode
from tests import factories as shared
from tests.factories import category

__all__ = ["CreativeProfileFactory", "GigFactory", "category"]


class CreativeProfileFactory(shared.CreativeProfileFactory):
    headline = "Desainer grafis"
    day_rate = 500_000
    kabupaten = shared.factory.LazyFunction(lambda: shared.kabupaten("3578"))
    available = True


class GigFactory(shared.GigFactory):
    title = shared.factory.Sequence(lambda n: f"Desain kemasan keripik {n}")
    budget_min = 1_000_000
    budget_max = 3_000_000
    deadline = shared.factory.LazyFunction(lambda: shared._today() + shared.timedelta(days=14))
    work_mode = WorkMode.ONSITE
