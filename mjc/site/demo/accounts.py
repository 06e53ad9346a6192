"""Demo accounts for `manage.py seed_demo` (password: demo12345)."""

from allauth.account.models import EmailAddress

from mjc.accounts.models import User
from mjc.regions.models import Bakorwil, Kabupaten

PASSWORD = "demo12345"

OWNERS = [
    ("siti@demo.mjc.id", "Siti Aminah", "3528", "081234500001"),  # batik tulis, Pamekasan
    ("budi@demo.mjc.id", "Budi Santoso", "3573", "081234500002"),  # keripik tempe, Kota Malang
    ("wati@demo.mjc.id", "Wati Rahayu", "3511", "081234500003"),  # kopi Ijen, Bondowoso
]
CREATIVES = [
    ("rina@demo.mjc.id", "Rina Kusuma", "3573"),  # packaging & branding, Kota Malang
    ("dimas@demo.mjc.id", "Dimas Prasetyo", "3509"),  # photo & video, Jember
    ("ayu@demo.mjc.id", "Ayu Lestari", "3578"),  # social media & web, Surabaya
]


def demo_user(email: str, full_name: str, kabupaten_code: str | None, **fields) -> User:
    """A verified demo account with the demo password (created once, found after)."""
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, **fields})
    if created:
        if kabupaten_code:
            user.kabupaten = Kabupaten.objects.get(code=kabupaten_code)
        user.set_password(PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"primary": True, "verified": True})
    return user


def seed(stdout) -> list[tuple[str, str]]:
    logins = []
    admin = demo_user("admin@demo.mjc.id", "Admin MJC", "3578", is_superuser=True, is_staff=True)
    logins.append(("Admin MJC", admin.email))
    for email, name, kab, phone in OWNERS:
        demo_user(email, name, kab, is_owner=True, phone=phone)
        logins.append(("UMKM owner", email))
    for email, name, kab in CREATIVES:
        demo_user(email, name, kab, is_creative=True)
        logins.append(("Creative", email))
    for index, bakorwil in enumerate(Bakorwil.objects.order_by("id"), start=1):
        staff = demo_user(f"staf{index}@demo.mjc.id", f"Staf {bakorwil.name}", None, bakorwil=bakorwil)
        logins.append((f"Staff {bakorwil.name}", staff.email))
    return logins
