#!/bin/sh
# Runs the whole test suite. SQLite and inline tasks by default; set DATABASE_URL
# and REDIS_URL (and start a Celery worker) to run it against real services, as
# .ci/run does. Browser tests use Debian's chromium and skip where it is absent.
#
# Two pytest runs, both given this script's arguments (a file, -x, -k ...): the
# tests in parallel on every core (pytest-xdist; `-n 0` runs them in one
# process), then the tests marked `services` in one process, because the worker
# started outside the run works on the one database such a run creates
# (test_<name>). With --junitxml=FILE the second run writes FILE-services.xml
# (FILE without its .xml) instead. The status is the first failure's.
set -eu
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_system_packages
ensure_venv requirements.txt requirements-dev.txt

status=0
.venv/bin/python -m pytest -n auto --dist loadfile --services-tests=none "$@" \
  || status=$?

services_report() { echo "${1%.xml}-services.xml"; }
report_next=""
for arg do
  shift
  if [ -n "$report_next" ]; then
    arg=$(services_report "$arg")
    report_next=""
  fi
  case $arg in
    --junitxml | --junit-xml) report_next=1 ;;
    --junitxml=* | --junit-xml=*) arg="${arg%%=*}=$(services_report "${arg#*=}")" ;;
  esac
  set -- "$@" "$arg"
done
services_status=0
.venv/bin/python -m pytest --services-tests=only "$@" -n 0 || services_status=$?

# 5 is "no test collected": fine for one run (a file without services tests),
# not for both.
if [ "$status" = 5 ] && [ "$services_status" != 5 ]; then status=0; fi
if [ "$status" = 0 ] && [ "$services_status" != 5 ]; then status=$services_status; fi
exit "$status"
