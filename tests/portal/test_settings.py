"""Settings come from the environment; production refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k3v9-Zq7!x2pL0w8rT5yB1nM4cJ6hF8dS0aG2eU7iO9pQ3lK5jH1gD4fA6sW8eR0tY"


def run_settings(module: str, env: dict, code: str) -> subprocess.CompletedProcess:
    """Import a settings module in a clean interpreter with only `env` set."""
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    clean.update(env, DJANGO_SETTINGS_MODULE=module, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def setting(module, env, expr):
    result = run_settings(
        module, env, f"from django.conf import settings as s; print({expr})"
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sqlite_under_var_is_the_default_database():
    name = setting("ziyang_portal.settings.local", {}, "s.DATABASES['default']['NAME']")
    engine = setting(
        "ziyang_portal.settings.local", {}, "s.DATABASES['default']['ENGINE']"
    )
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "var" / "portal.sqlite3")


def test_database_url_switches_to_postgresql():
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test"}
    engine = setting(
        "ziyang_portal.settings.local", env, "s.DATABASES['default']['ENGINE']"
    )
    name = setting(
        "ziyang_portal.settings.local", env, "s.DATABASES['default']['NAME']"
    )
    assert engine == "django.db.backends.postgresql"
    assert name == "test"


def test_without_redis_tasks_run_inline_and_the_cache_is_local():
    module = "ziyang_portal.settings.local"
    assert setting(module, {}, "s.CELERY_TASK_ALWAYS_EAGER") == "True"
    assert setting(module, {}, "s.CELERY_BROKER_URL") == "memory://"
    assert "LocMemCache" in setting(module, {}, "s.CACHES['default']['BACKEND']")


def test_redis_url_makes_redis_the_broker_and_the_cache():
    module = "ziyang_portal.settings.local"
    env = {"REDIS_URL": "redis://127.0.0.1:6379/3"}
    assert setting(module, env, "s.CELERY_TASK_ALWAYS_EAGER") == "False"
    assert setting(module, env, "s.CELERY_BROKER_URL") == "redis://127.0.0.1:6379/3"
    assert "RedisCache" in setting(module, env, "s.CACHES['default']['BACKEND']")


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings(
        "ziyang_portal.settings.production", {"ALLOWED_HOSTS": "portal.example"}, ""
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_settings(
        "ziyang_portal.settings.production", {"SECRET_KEY": SECRET}, ""
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    env = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "portal.example"}
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    clean.update(env, DJANGO_SETTINGS_MODULE="ziyang_portal.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "module", ["ziyang_portal.settings.local", "ziyang_portal.settings.production"]
)
def test_the_content_security_policy_names_no_external_host(module):
    env = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "portal.example"}
    policy = setting(module, env, "s.CONTENT_SECURITY_POLICY['DIRECTIVES']")
    assert "http" not in policy
    assert "*" not in policy
