"""factory_boy factories for every model tests need."""

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
