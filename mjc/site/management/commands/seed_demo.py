"""Fill the database with realistic East Java demo data (idempotent) and print the log-ins."""

from django.core.management.base import BaseCommand
from django.db import transaction

from mjc.core.summaries import refresh_summaries
from mjc.site.demo import accounts as accounts_demo
from mjc.site.demo import creatives, ejsc, gigs, packages, umkm

DOMAIN_DEMOS = [umkm, creatives, gigs, packages, ejsc]


class Command(BaseCommand):
    help = "Create demo UMKM owners, creatives, gigs, EJSC hubs, staff and an admin (safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            logins = accounts_demo.seed(self.stdout)
            for module in DOMAIN_DEMOS:
                module.seed(self.stdout)
        refresh_summaries()  # the landing figures, province dashboard and price guidance show the demo at once
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Log in at /accounts/login/ with:"))
        width = max(len(role) for role, _email in logins)
        for role, email in logins:
            self.stdout.write(f"  {role:<{width}}  {email}")
        self.stdout.write(f"  Password for every demo account: {accounts_demo.PASSWORD}")
