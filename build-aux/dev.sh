#!/usr/bin/env bash
# build-aux/dev.sh — Porta's developer entry point.
#
#   build-aux/dev.sh run [ARGS…]   build, then run Porta from the build tree on
#                                  its private sandbox (porta --sandbox ARGS…)
#   build-aux/dev.sh test          build, then run every test in a private session
#
# Both install the Debian packages that are missing (one list, below),
# configure _build when needed and compile. Under CI=true warnings are errors.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${PORTA_BUILD_DIR:-$top/_build}"

# Everything Porta needs to build, run and test on Debian 12, in one place.
packages=(
  # build
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev glib-networking
  # runtime data: icons, SVG loader, fonts, country names
  adwaita-icon-theme librsvg2-common fonts-cantarell fonts-dejavu-core iso-codes
  # data validation
  desktop-file-utils appstream
  # the private test session: display, bus, keyring, accessibility
  xvfb xauth dbus-daemon dbus-user-session gnome-keyring libsecret-tools
  at-spi2-core python3 python3-pyatspi xdotool imagemagick
  # benchmarks: the transport floor
  curl
)

log () { printf 'dev.sh: %s\n' "$*" >&2; }

ensure_packages () {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  log "installing missing packages: ${missing[*]}"
  local cmd=(env DEBIAN_FRONTEND=noninteractive)
  if [ "$(id -u)" -eq 0 ]; then
    :
  elif command -v sudo >/dev/null 2>&1; then
    cmd=(sudo "${cmd[@]}")
  else
    log "run this as root, then try again:"
    printf '  apt-get update && apt-get install -y --no-install-recommends %s\n' "${missing[*]}" >&2
    exit 1
  fi
  "${cmd[@]}" apt-get update -q
  "${cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build () {
  local werror=false
  [ "${CI:-}" = true ] && werror=true
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" -Dwerror="$werror"
  elif [ "$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print(str(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="werror")).lower())')" != "$werror" ]; then
    meson configure "$build" -Dwerror="$werror"
  fi
  meson compile -C "$build"
}

# Runs inside xvfb-run and dbus-run-session: a private display and bus.
# Everything the tests write goes to throwaway directories; the user's own
# keyring, settings and data are never touched.
test_session () {
  # global, not local: the EXIT trap reads it after the function returns
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/porta-test.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp"/{runtime,data,config,cache}
  chmod 700 "$tmp/runtime"
  export XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/data"
  export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
  export GSETTINGS_BACKEND=memory
  unset PORTA_DEBUG

  # An unlocked throwaway keyring. The daemon forks before it owns its
  # name: wait for the name, or the first test would start a second one.
  printf '%s' throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  local tries=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
          org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
    tries=$((tries + 1))
    [ $tries -gt 100 ] && { log "gnome-keyring did not start"; break; }
    sleep 0.1
  done

  local status=0
  meson test -C "$build" --print-errorlogs --num-processes 2 "$@" || status=$?

  python3 - "$build/meson-logs/testlog.json" <<'PY' || status=1
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1]) as f:
    for line in f:
        if not line.strip():
            continue
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
  return $status
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    ensure_packages
    configure_and_build
    exec meson devenv -C "$build" "$build/src/porta" --sandbox "$@"
    ;;
  test)
    ensure_packages
    configure_and_build
    exec xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' \
      dbus-run-session -- "$0" _test-session "$@"
    ;;
  _test-session)
    # explicit: the EXIT trap must not decide the status
    test_session "$@" && exit 0 || exit $?
    ;;
  *)
    echo "usage: build-aux/dev.sh run [PORTA-ARGS…] | test [MESON-TEST-ARGS…]" >&2
    exit 1
    ;;
esac
