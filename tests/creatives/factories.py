import factory

from creatives.models import CreativeProfile
from tests.factories import CreativeUserFactory, kabupaten


class CreativeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreativeProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(CreativeUserFactory)
    headline = "Desainer kemasan untuk UMKM"
    bio = "Mendesain kemasan keripik dan kopi."
    day_rate = 400_000
    kabupaten = factory.LazyFunction(lambda: kabupaten("3573"))
    available = True

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if create and extracted:
            from gigs.models import Category

            obj.skills.set(Category.objects.filter(slug__in=extracted))
