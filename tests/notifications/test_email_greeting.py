"""The notification e-mail greets by the first name, as the dashboard does (issue 11): "Bu Sari
Wulandari" is "Sari", not "Bu" and not the whole name, in both languages."""

import pytest
from django.core import mail

from mjc.notifications.services import notify
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "greeting"), [("id", "Halo Sari,"), ("en", "Hello Sari,")])
def test_the_email_greets_by_the_first_name_the_dashboard_shows(client, run_on_commit, language, greeting):
    user = UserFactory(full_name="Bu Sari Wulandari", language=language)
    with run_on_commit():
        notify(
            recipient=user,
            kind="bid.new",
            params={"gig": "Desain label kripik", "creative": "Rina", "amount": "Rp 1.500.000", "days": 5},
            url="/pekerjaan/1/",
            dedupe_key="bid.new:greeting",
        )

    message = mail.outbox[-1]
    text = message.body
    html = message.alternatives[0][0]
    assert text.startswith(greeting), text[:60]
    assert f"<p>{greeting}</p>" in html
    for wrong in ("Bu,", "Sari Wulandari", "Halo Bu", "Hello Bu"):
        assert wrong not in text and wrong not in html
    # the same first name the owner reads on the dashboard
    client.login(email=user.email, password=PASSWORD)
    dashboard = client.get("/dasbor/").content.decode()
    assert ("Halo, Sari" if language == "id" else "Hello, Sari") in dashboard
