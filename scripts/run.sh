#!/bin/sh
# Runs the portal on this machine: SQLite, tasks inline, the 2018 demo year,
# at http://127.0.0.1:8000 — no server software needed.
set -eu
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_system_packages
ensure_venv requirements.txt
export DJANGO_SETTINGS_MODULE=ziyang_portal.settings.local
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo
echo "Portal: http://127.0.0.1:8000/   Back office: http://127.0.0.1:8000/admin/"
exec .venv/bin/python manage.py runserver "${PORT:-127.0.0.1:8000}"
