#!/bin/sh
# Runs the whole test suite. SQLite and inline tasks by default; set DATABASE_URL
# and REDIS_URL (and start a Celery worker) to run it against real services, as
# .ci/run does. Browser tests use Debian's chromium and skip where it is absent.
set -eu
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_system_packages
ensure_venv requirements.txt requirements-dev.txt
exec .venv/bin/python -m pytest "$@"
