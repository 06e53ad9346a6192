from django.core.management.base import BaseCommand

from mjc.core.jobs import sweep
from mjc.core.models import JobOutbox


class Command(BaseCommand):
    help = "Send background jobs that could not reach the broker (Redis) when they were asked for."

    def handle(self, *args, **options):
        sent = sweep()
        left = JobOutbox.objects.filter(sent_at__isnull=True).count()
        self.stdout.write(f"sent {sent} job(s); {left} still waiting for the broker")
