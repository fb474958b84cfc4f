#!/bin/sh
# Runs the portal on this machine: SQLite, tasks inline, the 2018 demo year,
# at http://127.0.0.1:8000 — no server software needed; the scheduled jobs run
# beside it (manage.py run_scheduled).
set -eu
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_system_packages
ensure_venv requirements.txt
export DJANGO_SETTINGS_MODULE=ziyang_portal.settings.local
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_demo
# The jobs of the beat schedule (outbox sweep, overdue chase, erasure of personal
# data, audit pruning, open data) run beside the server, `manage.py
# run_scheduled`; both stop together (Ctrl-C, or SIGTERM to this script).
scheduler="" server=""
stop_both() {
  for pid in $server $scheduler; do kill "$pid" 2>/dev/null || true; done
  for pid in $server $scheduler; do wait "$pid" 2>/dev/null || true; done
}
trap stop_both EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
.venv/bin/python manage.py run_scheduled &
scheduler=$!
echo "Portal: http://127.0.0.1:8000/   Back office: http://127.0.0.1:8000/admin/"
.venv/bin/python manage.py runserver "${PORT:-127.0.0.1:8000}" &
server=$!
wait "$server"
