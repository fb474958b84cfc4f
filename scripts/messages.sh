#!/bin/sh
# Refresh the translation catalogues: the project's own under locale/, and each
# app's under <app>/locale/. Needs GNU gettext (apt-get install gettext).
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
APPS="deputies reception suggestions publicity"
ignore=""
for app in $APPS; do ignore="$ignore --ignore=$app/*"; done
# shellcheck disable=SC2086
$PY manage.py makemessages -l zh_Hans --no-obsolete $ignore \
  --ignore=.venv/* --ignore=var/* --ignore=tests/* --ignore=bench/*
for app in $APPS; do
  (cd "$app" && ../$PY ../manage.py makemessages -l zh_Hans --no-obsolete)
done
$PY manage.py compilemessages --ignore=.venv/* >/dev/null
