"""What the creatives app tells the layers above it. The marketplace listens; this app does not
know who does."""

from django.dispatch import Signal

# sent inside the service's transaction when what matching scores changed (skills, day rate,
# kabupaten, availability); arguments: profile
matching_inputs_changed = Signal()
