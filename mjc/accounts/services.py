from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mjc.accounts.errors import AccountErrorCode, EmailTaken, TooManyLoginAttempts
from mjc.accounts.models import ApiToken, Role, User, new_calendar_token
from mjc.accounts.tokens import token_issue, user_is_verified, verification_required
from mjc.core.errors import Conflict, Throttled, ValidationFailed
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


# --- API sign-up, log-in and tokens (issue 10, points 5, 6, 9 and 10) ------------------------

MAX_TOKENS_PER_USER = 20  # the oldest goes when a 21st device signs in


def api_register(
    *, request, email: str, password: str, full_name: str, role: str, kabupaten: Kabupaten | None, phone: str = ""
) -> User | None:
    """The API's sign-up. Where verification is mandatory the answer must not tell whether the
    address already had an account (allauth's ACCOUNT_PREVENT_ENUMERATION): a new account gets
    the verification link, the owner of a taken address an "account already exists" e-mail,
    and the caller the same reply either way; ``None`` is returned for a taken address."""
    if not verification_required():
        return user_register(
            email=email, password=password, full_name=full_name, role=role, kabupaten=kabupaten, phone=phone
        )
    from allauth.account.adapter import get_adapter
    from allauth.account.models import EmailAddress
    from allauth.core.context import request_context

    def after_commit(send):
        def run():
            with request_context(request):  # allauth builds the mail's links from the request
                send()

        transaction.on_commit(run)

    try:
        user = user_register(
            email=email, password=password, full_name=full_name, role=role, kabupaten=kabupaten, phone=phone
        )
    except EmailTaken:
        address = email.strip().lower()
        after_commit(lambda: get_adapter(request).send_account_already_exists_mail(address))
        return None
    email_address = EmailAddress.objects.get(user=user, primary=True)
    after_commit(lambda: email_address.send_confirmation(request, signup=True))
    return user


def token_login(*, request, email: str, password: str, client: str = "") -> str:
    """Exchange e-mail and password for a new token, through the same allauth limits as the
    log-in page: ``login`` (attempts per address) and ``login_failed`` (failures per address
    and per account, the account's lock). A locked account gets no token, even with the right
    password, until the lock has passed."""
    from allauth.account.adapter import get_adapter
    from allauth.core import ratelimit

    if not ratelimit.consume(request, action="login"):
        raise Throttled()
    try:
        user = get_adapter(request).authenticate(request, email=email.strip().lower(), password=password)
    except DjangoValidationError as exc:  # allauth's "too_many_login_attempts"
        raise TooManyLoginAttempts() from exc
    if user is None or not user.is_active:
        raise ValidationFailed(_("E-mail or password is wrong."), code=AccountErrorCode.INVALID_CREDENTIALS)
    return user_token_issue(user=user, client=request.META.get("HTTP_USER_AGENT", ""))


@transaction.atomic
def user_token_issue(*, user: User, client: str = "") -> str:
    now = timezone.now()
    ApiToken.objects.filter(user=user, expires_at__lte=now).delete()
    key = token_issue(user=user, client=client)
    stale = list(
        ApiToken.objects.filter(user=user)
        .order_by("-last_used_at", "-id")
        .values_list("pk", flat=True)[MAX_TOKENS_PER_USER:]
    )
    if stale:
        ApiToken.objects.filter(pk__in=stale).delete()
    return key


def token_revoke(*, token: ApiToken) -> None:
    """Log one client out (``DELETE /api/v1/auth/token/``)."""
    ApiToken.objects.filter(pk=token.pk).delete()


def user_token_revoke(*, user: User, token_id: int) -> None:
    ApiToken.objects.filter(user=user, pk=token_id).delete()


@transaction.atomic
def user_log_out_everywhere(*, user: User) -> int:
    """End every API token and every browser session of the account. The caller keeps its own
    session by calling ``update_session_auth_hash`` afterwards. Returns the tokens revoked."""
    revoked, _detail = ApiToken.objects.filter(user=user).delete()
    User.objects.filter(pk=user.pk).update(session_epoch=models.F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])
    return revoked


def user_calendar_token_rotate(*, user: User) -> str:
    """A new private calendar-feed address; the old one answers 404 from now on."""
    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])
    return user.calendar_token


def verification_resend(*, request, user: User) -> None:
    """Send the e-mail verification link again (allauth's cooldown applies: one a few minutes)."""
    from allauth.account.internal.flows.email_verification import send_verification_email_to_address
    from allauth.account.models import EmailAddress

    if user_is_verified(user):
        raise Conflict(_("Your e-mail address is verified already."), code=AccountErrorCode.ALREADY_VERIFIED)
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        address = EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    if not send_verification_email_to_address(request, address):
        raise Throttled(
            _("A verification link was sent a moment ago. Please wait a few minutes before asking again."),
            code=AccountErrorCode.VERIFICATION_NOT_SENT,
        )
