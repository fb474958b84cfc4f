#!/bin/sh
# Refresh the translation catalogues: the project's own under locale/, and each
# app's (every folder with a locale/ of its own). Needs GNU gettext.
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-$(pwd)/.venv/bin/python}
APPS=$(find . -path ./.venv -prune -o -path ./tests -prune -o -path ./locale -prune \
  -o -type d -name locale -print | sed 's|^\./||; s|/locale$||' | sort)
# "app/?*" and not "app/*": makemessages reads "app/*" as "any folder named app",
# which would also skip report/sections/deputies/ and the like.
ignore=""
for app in $APPS; do ignore="$ignore --ignore=$app/?*"; done
# shellcheck disable=SC2086
$PY manage.py makemessages -l zh_Hans --no-obsolete $ignore \
  --ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='bench/*'
for app in $APPS; do
  $PY scripts/app_messages.py "$app" --no-obsolete
done
$PY manage.py compilemessages --ignore='.venv/*' >/dev/null
