import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("RUSFAKTA_DATA_DIR", "var")).resolve()
CONTENT_PACK_DIR = Path(os.environ.get("RUSFAKTA_CONTENT_DIR", PROJECT_DIR / "content" / "kokain")).resolve()

PRODUCTION = os.environ.get("RUSFAKTA_ENV", "embedded") == "production"
DEBUG = os.environ.get("RUSFAKTA_DEBUG", "") == "1"


MIN_SECRET_KEY_LENGTH = 50  # what Django's check --deploy asks for (security.W009)


def _secret_key():
    key = os.environ.get("RUSFAKTA_SECRET_KEY", "")
    if PRODUCTION and not key:
        raise ImproperlyConfigured("RUSFAKTA_SECRET_KEY must be set when RUSFAKTA_ENV=production.")
    if PRODUCTION and (len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < 5):
        raise ImproperlyConfigured(
            f"RUSFAKTA_SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters of 5 or more "
            "different ones when RUSFAKTA_ENV=production."
        )
    if key:
        return key
    # The embedded default makes its own key once and keeps it beside its database.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("RUSFAKTA_DEBUG must be off when RUSFAKTA_ENV=production.")

SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("RUSFAKTA_ALLOWED_HOSTS", "*").split(",") if h.strip()]
if PRODUCTION and (not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        "RUSFAKTA_ALLOWED_HOSTS must name the site's hosts when RUSFAKTA_ENV=production."
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rusfakta.pack",
    "rusfakta.content",
    "rusfakta.statistics",
    "rusfakta.pages",
    "rusfakta.helpservices",
    "rusfakta.booklet",
    "rusfakta.search",
    "rusfakta.serving",
    "axes",
    "simple_history",
    "rusfakta.history",
    "rusfakta.editors",
    "rusfakta.tools",
]

MIDDLEWARE = [
    "rusfakta.serving.middleware.AccessLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "rusfakta.serving.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Marks cacheable pages; serving/pagecache.py keeps and serves them in front of Django.
    "rusfakta.serving.pagecache.PageCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "rusfakta.serving.searchfront.SearchRateLimitMiddleware",
    "rusfakta.editors.login.LoginAttemptLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Methods, refused bodies and malformed ids, answered in the reader's language (before CSRF).
    "rusfakta.serving.rules.RequestRulesMiddleware",
    "rusfakta.serving.middleware.CompressPagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "axes.middleware.AxesMiddleware",
    # Who made an admin change, for its history; changes to many-to-many fields are saved outside save_model.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rusfakta.api.middleware.ApiErrorShapeMiddleware",
    "rusfakta.serving.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "rusfakta.urls"
WSGI_APPLICATION = "rusfakta.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "rusfakta.pages.context.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{DATA_DIR / 'rusfakta.sqlite3'}", conn_max_age=60)
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers go on while an editor saves; writers wait up to 20 s for each other instead
    # of failing at once, and take the write lock when a transaction starts (no upgrade deadlock).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Oslo"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("RUSFAKTA_STATIC_ROOT", DATA_DIR / "static")).resolve()
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Visitors get no cookies: sessions and CSRF cookies exist only for the admin.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"

# Logs never hold a client's address or a query string (see serving.middleware.AccessLogMiddleware).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "rusfakta.serving.logs.Formatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "filters": {"one_line_per_outage": {"()": "rusfakta.serving.logs.OneLinePerOutage"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["one_line_per_outage"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "rusfakta.access": {"level": os.environ.get("RUSFAKTA_ACCESS_LOG", "INFO"), "propagate": True},
        # django.request would log "Not Found: /path" lines; the access log already has the status.
        "django.request": {"level": "ERROR"},
        "axes": {"level": "ERROR"},
        # A bad Host header or a forged form is the client's error: the access log has its 400,
        # and the attacker's text never reaches the log with a traceback.
        "django.security": {"level": "CRITICAL"},
    },
}

ADMIN_URL_PREFIX = "/" + os.environ.get("RUSFAKTA_ADMIN_PATH", "admin").strip("/") + "/"

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
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = int(os.environ.get("RUSFAKTA_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("RUSFAKTA_HSTS_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("RUSFAKTA_HSTS_PRELOAD", "1") == "1"
# Production answers plain HTTP with a redirect to HTTPS (behind the proxy: X-Forwarded-Proto: http);
# /healthz stays plain, for a load balancer's checks.
SECURE_SSL_REDIRECT = PRODUCTION
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
BEHIND_PROXY = bool(os.environ.get("RUSFAKTA_BEHIND_PROXY"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

# Request size limits: nothing we accept is large, and no form has a file field.
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
FILE_UPLOAD_HANDLERS = []
# Only these paths take a request body (serving/bodies.py); everywhere else a body is dropped unread.
# The quiz is here until its result is a GET form: a form that changes nothing needs no body.
BODY_PATHS = (ADMIN_URL_PREFIX, "/quiz/", "/en/quiz/")
BODY_SECONDS = float(os.environ.get("RUSFAKTA_BODY_SECONDS", "5"))  # a form's body arrives at once
BODY_READERS = 4  # bodies read at once per worker process; more are answered 503 at once
CSRF_FAILURE_VIEW = "rusfakta.pages.views.csrf_failure"

SEARCH_RATE_PER_SECOND = float(os.environ.get("RUSFAKTA_SEARCH_RATE", "5"))
SEARCH_RATE_BURST = int(os.environ.get("RUSFAKTA_SEARCH_BURST", "30"))
SEARCH_PAGES = ("/spor/", "/nn/spor/", "/en/spor/")  # with ?q=, these spend from the same budget as the API

# Pages that change with the clock, carry a visitor's input, or are private are never cached.
PAGE_CACHE_SKIP = (
    "/hjelp/",
    "/en/hjelp/",
    "/spor/",
    "/en/spor/",
    "/api/v1/search",
    "/api/v1/services",
    "/healthz",
    ADMIN_URL_PREFIX,
    "/static/",
    "/quiz/",
    "/en/quiz/",
)
# Pages that read their query string; on every other page a query string is ignored by the cache.
PAGE_QUERY_PATHS = ("/api/", "/tenk-selv/svar/", "/en/tenk-selv/svar/", "/blanding/", "/en/blanding/")
PAGE_CACHE_SECONDS = 3600

# "default" holds finished pages, per process: they are keyed by the content version, so they need
# no sharing. "search" holds the search budget, which must be one per client across workers and
# instances: a file cache in the data folder on one machine, Redis or Valkey with RUSFAKTA_CACHE_URL
# (redis://host:6379/0) across machines (docs/decisions/0013).
CACHE_URL = os.environ.get("RUSFAKTA_CACHE_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}},
    "search": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "search"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
# Lockout is keyed on user name and client together, so nobody elsewhere can lock an editor out.
# The client is a keyed pseudonym of its address, never the address (editors/login.py).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "rusfakta.editors.login.axes_client"
# Login posts per client before any password is hashed (over it: 429).
LOGIN_ATTEMPTS_PER_WINDOW = int(os.environ.get("RUSFAKTA_LOGIN_ATTEMPTS", "10"))
LOGIN_WINDOW_SECONDS = 300
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# No check is silenced: axes.W006 (lockout by user name only) no longer applies.
