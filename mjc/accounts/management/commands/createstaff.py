from django.core.management.base import BaseCommand, CommandError

from mjc.accounts.services import staff_create
from mjc.regions.models import Bakorwil


class Command(BaseCommand):
    help = "Create (or update) a Bakorwil staff account: createstaff EMAIL --bakorwil I --password …"

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--bakorwil", required=True, help="I, II, III, IV or V")
        parser.add_argument("--password", required=True)
        parser.add_argument("--name", default="")

    def handle(self, *args, email, bakorwil, password, name, **options):
        region = Bakorwil.objects.filter(code=bakorwil.upper()).first()
        if region is None:
            codes = ", ".join(Bakorwil.objects.values_list("code", flat=True))
            raise CommandError(f"Unknown Bakorwil {bakorwil!r}; use one of {codes}")
        user = staff_create(email=email, password=password, bakorwil=region, full_name=name)
        self.stdout.write(self.style.SUCCESS(f"Staff account {user.email} for {region.name} is ready."))
