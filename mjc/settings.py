"""Settings for the MJC Platform, read from the environment (README, "Configuration").

One module serves development, tests and production; production is this module with
production values (DJANGO_DEBUG off, a real DJANGO_SECRET_KEY, real hosts).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from mjc.db_config import pg_options
from mjc.storage_config import media_storages

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
TESTING = env_bool("MJC_TESTING")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING) and os.environ.get("MJC_SERVING") == "1":
        # the web server (wsgi/asgi) refuses to serve real users with a known key
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    # development, tests and management commands on a laptop; `check --deploy` flags this key
    SECRET_KEY = "django-insecure-dev-only-key-do-not-use-in-production-7c1f9a"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_celery_beat",
    "js_lib_htmx",
    "csp",
    # our apps before allauth, so our translations win where allauth translates a word too ("Edit")
    "mjc.core",
    "mjc.accounts",
    "mjc.regions",
    "mjc.categories",
    "mjc.notifications",
    "umkm",
    "creatives",
    "gigs",
    "packages",
    "ejsc",
    "payments",
    "mjc.site",
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    # refuses TRACE, unknown /api/ paths, oversized bodies and NUL bytes before anything reads them;
    # adds Permissions-Policy and drops any Server banner (mjc/core/guard.py)
    "mjc.core.guard.GuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # a request that meets a dead database connection: retried once or 503 (mjc/core/resilience.py)
    "mjc.core.resilience.LostConnectionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mjc.core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "mjc.urls"
WSGI_APPLICATION = "mjc.wsgi.application"
ASGI_APPLICATION = "mjc.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # ``{% url %}`` without reverse()'s cost for whole-number arguments (issue 8)
            "builtins": ["mjc.core.templatetags.paths"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "mjc.core.context_processors.platform",
                "mjc.notifications.context_processors.unread",
            ],
        },
    },
]

# --- Database: PostgreSQL everywhere -------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    from mjc.devdb import database_url

    DATABASE_URL = database_url()
# Fit for gunicorn's threads (issue 8): connections kept for MJC_DB_CONN_MAX_AGE seconds and
# checked before reuse; JIT off, a statement timeout and the trigram threshold in the
# session options (mjc/db_config.py). Celery workers use MJC_DB_WORKER_STATEMENT_TIMEOUT_MS.
MJC_DB_STATEMENT_TIMEOUT_MS = int(os.environ.get("MJC_DB_STATEMENT_TIMEOUT_MS") or 5000)
MJC_DB_WORKER_STATEMENT_TIMEOUT_MS = int(os.environ.get("MJC_DB_WORKER_STATEMENT_TIMEOUT_MS") or 120_000)
MJC_DB_CONN_MAX_AGE = int(os.environ.get("MJC_DB_CONN_MAX_AGE") or (0 if TESTING else 60))
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=MJC_DB_CONN_MAX_AGE, conn_health_checks=True)}
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("The MJC Platform runs on PostgreSQL only; DATABASE_URL must be postgres://…")
DATABASES["default"].setdefault("OPTIONS", {})["options"] = pg_options(statement_timeout_ms=MJC_DB_STATEMENT_TIMEOUT_MS)
# A summary refresh reads whole tables on purpose (mjc/core/summaries.py), whatever process runs it.
MJC_SUMMARY_STATEMENT_TIMEOUT_MS = int(os.environ.get("MJC_SUMMARY_STATEMENT_TIMEOUT_MS") or 120_000)
DATABASES["default"].setdefault("TEST", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: Celery broker and cache ---------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis down: counted in the process meanwhile, never a 500 (mjc/core/cache.py)
    CACHES = {
        "default": {
            "BACKEND": "mjc.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous GETs of the public gig list and search are answered from the cache this long
# (mjc.core.api.public_list_cached): a new gig shows there within these seconds.
MJC_PUBLIC_LIST_CACHE_SECONDS = int(os.environ.get("MJC_PUBLIC_LIST_CACHE_SECONDS") or (0 if TESTING else 10))

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
# No broker: jobs run inline, after commit. The test process runs them inline too, even
# with REDIS_URL set; the worker tests (tests/jobs) start real workers with MJC_REAL_BROKER=1.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL or (TESTING and not env_bool("MJC_REAL_BROKER"))
CELERY_TASK_EAGER_PROPAGATES = TESTING
CELERY_TASK_ACKS_LATE = True  # a job is acknowledged when done, so a dead worker's job runs again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 100
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "Asia/Jakarta"
CELERY_ENABLE_UTC = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
# Publishing fails fast when Redis is down (one try, 1 s to connect): the job waits in
# the outbox (mjc/core/jobs.py) and the sweeper sends it later. A job taken by a worker
# that dies comes back after the visibility timeout: longer than any job (time limit
# 120 s) and any retry countdown (e-mail backoff ≤ 15 min), so only lost jobs come back;
# abandoned jobs are looked for every interval × throttle seconds (tests shorten all).
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("MJC_CELERY_VISIBILITY_TIMEOUT", "1800")),
    "unacked_restore_interval": int(os.environ.get("MJC_CELERY_RESTORE_INTERVAL", "10")),
    "unacked_restore_throttle": int(os.environ.get("MJC_CELERY_RESTORE_THROTTLE", "6")),
    "socket_timeout": 2,
    "socket_connect_timeout": 1,
    "max_retries": 0,
}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 0, "interval_start": 0, "interval_step": 0.2}
# The schedule (django-celery-beat copies it into its tables; every job is idempotent).
CELERY_BEAT_SCHEDULE: dict = {
    "outbox-sweep": {"task": "core.outbox_sweep", "schedule": timedelta(minutes=1)},
    # summary rows (mjc/core/summaries.py); events refresh them sooner
    "core-refresh-summaries": {
        "task": "core.refresh_summaries",
        "schedule": timedelta(minutes=10),
        "kwargs": {"names": ["figures", "payment_figures", "package_figures"]},
    },
    "gigs-refresh-price-guidance": {"task": "gigs.refresh_price_guidance", "schedule": crontab(minute=20)},
    # the search vocabularies (mjc/core/search.py): words of items no longer listed drop out;
    # a published item's words are added by its service at once
    "core-refresh-search-words": {
        "task": "core.refresh_summaries",
        "schedule": crontab(minute=50),
        "kwargs": {"names": ["gig_words", "package_words"]},
    },
    "gigs-expire-overdue": {"task": "gigs.expire_overdue", "schedule": crontab(minute=5)},
    "gigs-refresh-aggregates": {"task": "gigs.refresh_aggregates", "schedule": crontab(minute=35)},
    "packages-expire-orders": {"task": "packages.expire_orders", "schedule": timedelta(minutes=15)},
    "gigs-repair-bid-counts": {"task": "gigs.repair_bid_counts", "schedule": crontab(hour=3, minute=15)},
    "ejsc-expire-undecided": {"task": "ejsc.expire_undecided", "schedule": timedelta(minutes=15)},
    "ejsc-mark-no-shows": {"task": "ejsc.mark_no_shows", "schedule": timedelta(minutes=5)},
    "ejsc-send-reminders": {"task": "ejsc.send_reminders", "schedule": timedelta(minutes=10)},
    "ejsc-complete-past": {"task": "ejsc.complete_past", "schedule": timedelta(minutes=15)},
    # issue 14: waitlist holds, late requests, the satisfaction question
    "ejsc-waitlist-sweep": {"task": "ejsc.waitlist_sweep", "schedule": timedelta(minutes=5)},
    "ejsc-escalate-late": {"task": "ejsc.escalate_late", "schedule": timedelta(minutes=15)},
    "ejsc-ask-for-feedback": {"task": "ejsc.ask_for_feedback", "schedule": timedelta(minutes=30)},
    "gigs-daily-digest": {"task": "gigs.send_daily_digests", "schedule": crontab(hour=7, minute=0)},
    "payments-send-reminders": {"task": "payments.send_reminders", "schedule": crontab(minute=45)},
    "payments-refresh-earned-badges": {
        "task": "payments.refresh_earned_badges",
        "schedule": crontab(hour=2, minute=40),
    },
}

# Sessions live in PostgreSQL, never in Redis: a Redis outage signs nobody out (issue 10).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("MJC_EMAIL_VERIFICATION", "optional" if DEBUG or TESTING else "mandatory")
ACCOUNT_SIGNUP_FORM_CLASS = "mjc.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "mjc.accounts.adapter.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {} if env_bool("MJC_DISABLE_RATE_LIMITS") else None
if ACCOUNT_RATE_LIMITS is None:
    # allauth's defaults: login, sign-up and reset are rate limited; "login_failed" (10 a minute
    # per address, 5 in 5 minutes per account) is shared by the log-in page and the token API
    del ACCOUNT_RATE_LIMITS
# One client-address policy (mjc/core/clients.py): how many proxies of ours stand in front
# of gunicorn. 0 (the default) ignores X-Forwarded-For altogether, as anyone can send it.
MJC_TRUSTED_PROXIES = int(os.environ.get("MJC_TRUSTED_PROXIES") or 0)
ALLAUTH_TRUSTED_PROXY_COUNT = MJC_TRUSTED_PROXIES
# API tokens (mjc/accounts/tokens.py): a token lives this long after its last use; its
# expiry is pushed back at most once per MJC_TOKEN_TOUCH_INTERVAL, so a busy client does not write on every request.
MJC_TOKEN_LIFETIME = timedelta(days=int(os.environ.get("MJC_TOKEN_LIFETIME_DAYS") or 30))
MJC_TOKEN_TOUCH_INTERVAL = timedelta(hours=1)
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[MJC Jatim] "
LOGIN_REDIRECT_URL = "dashboard"
LOGIN_URL = "account_login"

# --- API ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # the token first: a missing or expired token is 401 with WWW-Authenticate: Token
        "mjc.accounts.tokens.ExpiringTokenAuthentication",
        "mjc.accounts.tokens.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "mjc.core.api.Pagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "mjc.core.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("MJC_THROTTLE_ANON", "10000/hour" if TESTING else "600/hour"),
        "user": os.environ.get("MJC_THROTTLE_USER", "100000/hour" if TESTING else "5000/hour"),
        "auth": os.environ.get("MJC_THROTTLE_AUTH", "1000/minute" if TESTING else "20/minute"),
    },
    # throttles read the client address the way mjc.core.clients.client_ip does
    "NUM_PROXIES": MJC_TRUSTED_PROXIES,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # JSON depth, size and NUL limits; NUL refused in forms too (mjc/core/parsers.py)
    "DEFAULT_PARSER_CLASSES": [
        "mjc.core.parsers.JSONParser",
        "mjc.core.parsers.FormParser",
        "mjc.core.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MJC Platform API",
    "DESCRIPTION": "Marketplace of the Millennial Job Center Jawa Timur and bookings of the EJSC hubs.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # every operation documents the shared error shape; no self-contradicting defaults (mjc/core/openapi.py)
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "mjc.core.openapi.document_errors",
    ],
}

# --- Language and time ----------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "mjc_language"

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("MJC_STATIC_ROOT") or BASE_DIR / ".data" / "staticfiles")  # collectstatic writes here
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # --- Media storage (issue 8 "Several machines", issue 10 "Private means private"):
    # "default", "public" and "private", local disk or S3 (mjc/storage_config.py)
    **media_storages(os.environ),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MJC_MEDIA_ROOT", BASE_DIR / ".data" / "media"))
# --- Object storage (S3 protocol: MinIO, AWS S3…), issue 8 "Several machines" ---------
MJC_S3_SIGNED_URLS = env_bool("MJC_S3_SIGNED_URLS")  # private downloads: redirect to a signed URL
MJC_S3_SIGNED_URL_SECONDS = int(os.environ.get("MJC_S3_SIGNED_URL_SECONDS") or 60)
# --- end of media storage ---------------------------------------------------------------
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MJC_MAX_UPLOAD_BYTES = int(os.environ.get("MJC_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
# The largest multipart body, refused from Content-Length before it is read (mjc/core/guard.py):
# a form takes at most 10 files (gigs.services._shared.MAX_FILES_PER_UPLOAD) of MJC_MAX_UPLOAD_BYTES each.
# Every other body is held to DATA_UPLOAD_MAX_MEMORY_SIZE.
MJC_MAX_REQUEST_UPLOAD_BYTES = int(
    os.environ.get("MJC_MAX_REQUEST_UPLOAD_BYTES") or (10 * MJC_MAX_UPLOAD_BYTES + 1024 * 1024)
)

# --- E-mail ---------------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    vars().update(dj_email_url.parse(EMAIL_URL))
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MJC Jawa Timur <noreply@mjc.jatimprov.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# shown on the help and privacy pages (Bantuan & kontak, Kebijakan privasi)
MJC_CONTACT_EMAIL = os.environ.get("MJC_CONTACT_EMAIL", "mjc@jatimprov.go.id")
MJC_PRIVACY_EMAIL = os.environ.get("MJC_PRIVACY_EMAIL", MJC_CONTACT_EMAIL)
SITE_URL = os.environ.get("MJC_SITE_URL", "http://127.0.0.1:8000")

# --- Security (production values pass `manage.py check --deploy`) ---------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]


def media_origins(env) -> list[str]:
    """Where public photos are loaded from when media sit on object storage (img-src)."""
    from urllib.parse import urlsplit

    if not env.get("MJC_S3_BUCKET"):
        return []
    urls = [env.get("MJC_S3_PUBLIC_URL", ""), env.get("MJC_S3_ENDPOINT_URL", "")]
    origins = [f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, filter(None, urls)) if parts.netloc]
    return origins or [f"https://{env['MJC_S3_BUCKET']}.s3.amazonaws.com"]


# Content-Security-Policy on every page (django-csp): our own scripts and styles only, no
# inline code (templates keep none: behaviour in static/js, looks in static/css), no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *media_origins(os.environ)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Timing knobs of the platform (durations are kept in one place so tests can reason about them).
MJC_REVIEW_BLIND_DAYS = 14
MJC_NO_SHOW_GRACE = timedelta(minutes=30)
CSRF_FAILURE_VIEW = "mjc.core.views.csrf_failure"
