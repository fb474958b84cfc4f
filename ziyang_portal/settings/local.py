"""Development and demo settings: SQLite, tasks inline, debug pages on."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str(
    "SECRET_KEY", default="insecure-local-only-key-for-the-demo-portal"
)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"]
)
DEMO_DATA_ALLOWED = True
