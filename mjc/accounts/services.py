from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction

from mjc.accounts.errors import EmailTaken
from mjc.accounts.models import Role, User
from mjc.regions.models import Bakorwil, Kabupaten


def user_register(
    *, email: str, password: str, full_name: str, role: str, kabupaten: Kabupaten | None, phone: str = ""
) -> User:
    """Create an owner or creative account (the API's sign-up; the web uses allauth's form)."""
    email = email.strip().lower()
    user = User(email=email, full_name=full_name.strip(), phone=phone.strip(), kabupaten=kabupaten)
    apply_role(user, role)
    validate_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic():
            if User.objects.filter(email__iexact=email).exists():
                raise EmailTaken(extra={"fields": {"email": [str(EmailTaken.default_message)]}})
            user.save()
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    except IntegrityError as exc:  # two sign-ups with one address at the same moment
        raise EmailTaken(extra={"fields": {"email": [str(EmailTaken.default_message)]}}) from exc
    return user


def apply_role(user: User, role: str) -> None:
    if role == Role.OWNER:
        user.is_owner = True
    elif role == Role.CREATIVE:
        user.is_creative = True


def user_add_role(*, user: User, role: str) -> User:
    """Let one account hold both profiles (an owner who also works as a creative)."""
    apply_role(user, role)
    user.save(update_fields=["is_owner", "is_creative"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def staff_create(*, email: str, password: str, bakorwil: Bakorwil, full_name: str = "") -> User:
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email)
    user.full_name = full_name or user.full_name or f"Staf {bakorwil.name}"
    user.bakorwil = bakorwil
    user.set_password(password)
    user.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"primary": True, "verified": True})
    return user


@transaction.atomic
def user_deactivate(*, user: User, actor, reason: str = "") -> User:
    """Close an account (moderation): it can no longer sign in, by the pages or the API.
    Its history — gigs, bids, contracts, reviews — stays for the other party."""
    target = User.objects.select_for_update().get(pk=user.pk)
    if target.is_active:
        target.is_active = False
        target.save(update_fields=["is_active"])
    return target
