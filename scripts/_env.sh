# Shared by scripts/run.sh and scripts/test.sh: a virtualenv in .venv with the
# pinned requirements, and the Debian packages of scripts/system-packages.txt.
# Sourced, not run.

require_python() {
  PYTHON=${PYTHON:-python3}
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
    exit 1
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Please run as root: $*" >&2; return 1; fi
}

ensure_system_packages() {
  command -v dpkg-query >/dev/null || return 0
  missing=""
  for pkg in $(grep -v '^#' scripts/system-packages.txt) "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0
  echo "Installing Debian packages:$missing"
  as_root apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

ensure_venv() {
  require_python
  if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv; then
      rm -rf .venv
      echo "Creating the virtualenv failed; on Debian/Ubuntu install python3-venv:" >&2
      echo "  sudo apt-get install python3-venv" >&2
      exit 1
    fi
  fi
  stamp=.venv/.requirements-$(cat "$@" | sha256sum | cut -c1-16)
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    for req in "$@"; do .venv/bin/python -m pip install -q -r "$req"; done
    rm -f .venv/.requirements-*
    touch "$stamp"
  fi
}
