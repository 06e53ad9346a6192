"""Payment explained in the acceptance e-mail (issue 11): what was agreed, that the two parties
arrange and make the payment between them, and what MJC does (records, kwitansi) and does not do
(hold money); in the creative's language."""

import pytest
from django.core import mail
from django.db import transaction

from gigs import services
from tests.factories import BidFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("id", ["Rp 1.000.000", "membayar Anda langsung", "MJC tidak menyimpan uang", "kwitansi"]),
        ("en", ["Rp 1.000.000", "pays you directly", "MJC does not hold money", "kwitansi"]),
    ],
)
def test_the_acceptance_email_says_what_was_agreed_and_how_payment_works(run_on_commit, language, words):
    bid = BidFactory(amount=1_000_000)
    bid.creative.user.language = language
    bid.creative.user.save(update_fields=["language"])

    with run_on_commit(), transaction.atomic():
        services.bid_accept(bid=bid, user=bid.gig.business.owner)

    (message,) = [m for m in mail.outbox if m.to == [bid.creative.user.email]]
    html = message.alternatives[0][0]
    for word in words:
        assert word in message.body and word in html, word
