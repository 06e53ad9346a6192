import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("UMKM owner")
    CREATIVE = "creative", _("Creative")
    STAFF = "staff", _("Bakorwil staff")
    ADMIN = "admin", _("MJC admin")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class User(AbstractBaseUser, PermissionsMixin):
    """One account; it may hold an owner profile and a creative profile at once."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    kabupaten = models.ForeignKey(
        "regions.Kabupaten", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("kabupaten/kota")
    )
    language = models.CharField(
        _("language"), max_length=8, default="id", choices=[("id", "Bahasa Indonesia"), ("en", "English")]
    )
    is_owner = models.BooleanField(_("UMKM owner"), default=False)
    is_creative = models.BooleanField(_("creative"), default=False)
    bakorwil = models.ForeignKey(
        "regions.Bakorwil",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("Bakorwil (staff)"),
        help_text=_("Set for Bakorwil staff: they decide bookings and events of this Bakorwil only."),
    )
    is_staff = models.BooleanField(_("admin site access"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    calendar_token = models.CharField(
        max_length=64, unique=True, default=new_calendar_token, editable=False, verbose_name=_("calendar token")
    )
    # "log out everywhere" counts up: every browser session signed with an older count ends
    session_epoch = models.PositiveIntegerField(
        default=0, db_default=0, editable=False, verbose_name=_("session epoch")
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        indexes = [
            # the creative directory's name search (icontains) on a trigram index
            GinIndex(OpClass(Upper("full_name"), name="gin_trgm_ops"), name="user_full_name_trgm"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        # a new password (allauth's change and reset, the admin, changepassword, set_password
        # anywhere) ends every API token; a hash upgrade at log-in leaves _password unset
        password_changed = self._password is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            self.api_tokens.all().delete()

    def _get_session_auth_hash(self, secret=None):
        if not self.session_epoch:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "mjc.accounts.User.session_auth_hash",
            f"{self.password}:{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        """The first name, as a greeting uses it: "Bu Sari Wulandari" → "Sari"."""
        words = self.full_name.split()
        while len(words) > 1 and words[0].lower().rstrip(".,") in HONORIFICS:
            words = words[1:]
        return words[0].rstrip(",") if words else self.email

    @property
    def is_bakorwil_staff(self) -> bool:
        return self.bakorwil_id is not None

    @property
    def is_admin(self) -> bool:
        return self.is_superuser

    @property
    def roles(self) -> list[str]:
        roles = []
        if self.is_owner:
            roles.append(Role.OWNER.value)
        if self.is_creative:
            roles.append(Role.CREATIVE.value)
        if self.is_bakorwil_staff:
            roles.append(Role.STAFF.value)
        if self.is_superuser:
            roles.append(Role.ADMIN.value)
        return roles


# forms of address and titles a name may start with (not a first name to greet someone by)
HONORIFICS = frozenset(
    "bu ibu pak bapak mas mbak mba kak bang cak ning sdr sdri saudara saudari dr drs dra ir prof h hj kh ustadz".split()
)


def token_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """An API token (``Authorization: Token <key>``). Only a digest of the key is kept, so a
    leaked database holds no usable token; the key is shown once, when it is issued. A token
    expires ``MJC_TOKEN_LIFETIME`` after its last use (sliding) and dies with a new password."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user"))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("key begins with"), max_length=8, editable=False)
    client = models.CharField(_("client"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        ordering = ["-last_used_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        indexes = [models.Index(fields=["user", "-last_used_at"], name="apitoken_user_used")]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"
