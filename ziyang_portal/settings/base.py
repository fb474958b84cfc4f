"""Settings shared by every environment, read from environment variables.

`local` (the default for manage.py) runs on SQLite with tasks inline; `production`
refuses to start without its secrets. Both read the same variables, listed in the
README.
"""

import datetime
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "ziyang_portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "captcha",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # The ground floor: shared infrastructure, accounts and security.
    "core",
    "security",
    # The domain apps, each built on the ones before it.
    "deputies",
    "reception",
    "rosters",
    "suggestions",
    "publicity",
    "workplan",
    "api",
    # The top floor: products that read across the domain apps.
    "report",
    "dashboard",
    "exports",
    "opendata",
    "archive",
    "ledgers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.CachedPolicyCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.IdleSessionRefreshMiddleware",
    "core.middleware.AbsoluteSessionLimitMiddleware",
    "security.middleware.StaffTwoFactorMiddleware",
    "security.middleware.ExportAuditMiddleware",
    # Last but for the view wrapper: django-axes turns a lockout into its page.
    "axes.middleware.AxesMiddleware",
    "core.middleware.AtomicWritesMiddleware",  # ATOMIC_REQUESTS for writes
]

ROOT_URLCONF = "ziyang_portal.urls"
WSGI_APPLICATION = "ziyang_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL names another database.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL keeps readers and the single writer of a small office from blocking.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
    }
# A read-only PostgreSQL replica for the heavy reads (report figures, exports,
# open data; core.db_routers). Without one everything uses default.
REPLICA_DATABASE_URL = env.str("REPLICA_DATABASE_URL", default="")
REPLICA_DATABASE_ALIAS = None
if REPLICA_DATABASE_URL:
    DATABASES["replica"] = env.db_url_config(REPLICA_DATABASE_URL)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    REPLICA_DATABASE_ALIAS = "replica"
DATABASE_ROUTERS = ["core.db_routers.ReplicaRouter"]
# Each web or worker process keeps its database connection for this many seconds
# instead of opening one per request; checked before reuse.
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=60)
for _database in DATABASES.values():
    _database["CONN_MAX_AGE"] = CONN_MAX_AGE
    _database["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the cache and the Celery broker when REDIS_URL is set; without it the
# cache is per process and tasks run inline, so one process is a whole portal.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # A database of its own keeps cache.clear() away from the task queue.
            "LOCATION": env.str("REDIS_CACHE_URL", default=REDIS_URL),
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="ziyang"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ziyang",
        }
    }

# Sessions live in the database so that a Redis outage never logs anybody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Idle timeout: 30 minutes without a request ends the session. The expiry is
# renewed at most once every SESSION_REFRESH_SECONDS (IdleSessionRefreshMiddleware)
# rather than by a database write on every request ...
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
# ... and no login lasts longer than a working day, active or not.
SESSION_ABSOLUTE_AGE = 10 * 3600

# Login throttling (django-axes): 5 failures lock the account, and separately the
# client address, for 15 minutes. Staff unlock from the admin (access attempts).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Second factor (TOTP, django-otp) for staff: optional locally, required in
# production, where staff without an authenticator are sent to set one up.
STAFF_REQUIRE_2FA = env.bool("STAFF_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = "紫阳街人大工委"

# Audit trail (logins, exports, reveals): kept this many days, never under 183.
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=400)
# Key of `manage.py backup`/`restore` (security/backup_encryption.py); SECURITY.md.
BACKUP_KEY = env.str("BACKUP_KEY", default="")

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my:home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# MEDIA_STORAGE=s3: media, reports and exports in one private S3-compatible
# bucket (django-storages), shared by every web and worker machine.
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    from core.storage import s3_storages

    STORAGES.update(
        s3_storages(
            bucket_name=env.str("AWS_STORAGE_BUCKET_NAME"),
            endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default=""),
            access_key=env.str("AWS_ACCESS_KEY_ID", default=""),
            secret_key=env.str("AWS_SECRET_ACCESS_KEY", default=""),
            region_name=env.str("AWS_S3_REGION_NAME", default=""),
        )
    )
# Folders of MEDIA_ROOT with public pictures; the rest (residents' photos, duty-report
# files, generated reports) is served by views that check who is asking.
PUBLIC_MEDIA_PREFIXES = (
    "deputies/photos/",
    "deputies/activities/",
    "reception/",
    "publicity/",
)
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ziyang-portal@localhost")
if env.str("EMAIL_URL", default=""):
    vars().update(env.email("EMAIL_URL"))

# Celery: the official Django recipe reads every CELERY_* setting.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One queue per kind of work, workers added per queue (docs/scaling.md): a Word/PDF
# report or a large export never holds up a notification. Every task has a route
# (tests/portal/test_celery_routes.py); a worker started without -Q consumes all three.
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_QUEUES = [Queue("default"), Queue("notify"), Queue("heavy")]
CELERY_TASK_ROUTES = {
    "suggestions.tasks.deliver_notification": {"queue": "notify"},
    "suggestions.tasks.deliver_resident_notice": {"queue": "notify"},
    "suggestions.tasks.sweep_outbox": {"queue": "notify"},
    "suggestions.tasks.find_overdue": {"queue": "default"},
    "suggestions.tasks.erase_expired_personal_data": {"queue": "default"},
    "security.tasks.prune_audit": {"queue": "default"},
    "core.tasks.health_self_check": {"queue": "default"},
    "report.tasks.make_report_export": {"queue": "heavy"},
    "exports.tasks.build_export": {"queue": "heavy"},
    "opendata.tasks.regenerate": {"queue": "heavy"},
    "rosters.tasks.send_reminders": {"queue": "notify"},
}
# A message taken by a worker that died unacknowledged goes back to the queue
# after this many seconds; it must outlast the longest task (CELERY_TASK_TIME_LIMIT).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
# Every periodic task of the portal, in one place. Apps add their entries here.
CELERY_BEAT_SCHEDULE = {
    "health-self-check": {
        "task": "core.tasks.health_self_check",
        "schedule": 15 * 60,
    },
    # Suggestions: re-send undelivered notices, chase overdue items daily, and
    # erase residents' personal data once its retention period after closure ends.
    "suggestions-sweep-outbox": {
        "task": "suggestions.tasks.sweep_outbox",
        "schedule": 5 * 60,
    },
    "suggestions-find-overdue": {
        "task": "suggestions.tasks.find_overdue",
        "schedule": 24 * 3600,
    },
    "suggestions-erase-personal-data": {
        "task": "suggestions.tasks.erase_expired_personal_data",
        "schedule": 24 * 3600,
    },
    "security-prune-audit": {
        "task": "security.tasks.prune_audit",
        "schedule": 24 * 3600,
    },
    # Open data: the public ZIP is rebuilt every night from the records.
    "opendata-regenerate": {"task": "opendata.tasks.regenerate", "schedule": 24 * 3600},
    "rosters-remind": {"task": "rosters.tasks.send_reminders", "schedule": 3600},
}

# Content-Security-Policy (django-csp 4): no external host anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR"},
        # WeasyPrint logs every layout step of every PDF at INFO.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

PORTAL_NAME = _("Ziyang Street People's Congress Working Committee")
# The committee office's phone on the public form (a tel: link); may stay empty.
PORTAL_OFFICE_PHONE = env.str("PORTAL_OFFICE_PHONE", default="")

# Public pages' content is cached for anonymous visitors until its data changes
# (core.pagecache); this bounds what a bulk update without signals leaves; 0: off.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=600)
# `load_demo` creates logins with published passwords: never in production.
DEMO_DATA_ALLOWED = False

# Public suggestion form: a small sum (django-simple-captcha, works offline), drawn
# upright and written beside the picture in words (suggestions.challenge).
CAPTCHA_CHALLENGE_FUNCT = "suggestions.challenge.math_challenge"
CAPTCHA_LETTER_ROTATION = (-15, 15)
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_dots",)

# JSON API (Django REST framework + drf-spectacular). Public endpoints are read
# only; the WeChat channel authenticates with a token staff issue in the admin.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.BoundedPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_RATES": {"wechat": "120/hour"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ziyang portal API",
    "DESCRIPTION": "Public data of the Ziyang Street people's congress working "
    "committee, and the WeChat channel's submissions.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # The interactive documentation's files come with the package, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}
