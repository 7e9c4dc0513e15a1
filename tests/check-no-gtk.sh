#!/usr/bin/env bash
# libporta must never reach for GTK: no undefined GTK, GDK or libadwaita
# symbol in the archive, and no GTK header in its sources.
set -euo pipefail
lib="$1"; src="$2"
echo "1..2"
syms=$(nm -u "$lib" | grep -E '\b(gtk|gdk|gsk|adw)_' || true)
if [ -z "$syms" ]; then
  echo "ok 1 $(basename "$lib") references no GTK symbol"
else
  echo "not ok 1 $(basename "$lib") references GTK:"; sed 's/^/# /' <<<"$syms"
fi
hdrs=$(grep -lE '#include <(gtk|gdk|adwaita)' "$src"/*.c "$src"/*.h 2>/dev/null || true)
if [ -z "$hdrs" ]; then
  echo "ok 2 no GTK header in src/service"
else
  echo "not ok 2 GTK headers in: $hdrs"
fi
