#!/usr/bin/env bash
# The porta program's command line, in English and in Italian.
set -uo pipefail
porta="$1"
echo "1..3"
v=$("$porta" --version 2>&1)
[ "$v" = "porta 0.1.0" ] && echo "ok 1 --version prints 'porta 0.1.0'" || echo "not ok 1 --version printed '$v'"
h=$(LANGUAGE= LANG=C.UTF-8 "$porta" --help 2>&1)
grep -q "Show the version and exit" <<<"$h" && echo "ok 2 --help describes --version" || { echo "not ok 2 --help:"; sed 's/^/# /' <<<"$h"; }
h=$(LANGUAGE=it LANG=C.UTF-8 "$porta" --help 2>&1)
grep -q "Mostra la versione ed esce" <<<"$h" && echo "ok 3 --help is translated into Italian" || { echo "not ok 3 --help in Italian:"; sed 's/^/# /' <<<"$h"; }
