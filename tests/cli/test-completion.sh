#!/usr/bin/env bash
# portactl's bash completion (data/completions/portactl): commands,
# subcommands, options and their values, and account IDs, completed as
# bash would, without bash-completion installed.
#
#   test-completion.sh PORTACTL COMPLETION-FILE
#
# Copyright 2026 The Porta authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

portactl=$1
completion=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
PATH="$(dirname "$portactl"):$PATH"

# one saved account, for --account and sign-out
mkdir -p "$XDG_CONFIG_HOME/porta"
cat >"$XDG_CONFIG_HOME/porta/accounts.json" <<'JSON'
{"version": 1, "currentAccount": "4d1c8a7e-0b55-4f4e-9c1e-7a9f0e2b3c11",
 "accounts": [{"id": "4d1c8a7e-0b55-4f4e-9c1e-7a9f0e2b3c11", "displayName": "Giulia Ferraro",
   "username": "admin@contoso.example", "tenantId": "t", "authority": "https://login.microsoftonline.com/contoso.example",
   "apiBase": "https://graph.microsoft.com/v1.0", "clientId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
   "scopes": "TeamsTelephoneNumber.ReadWrite.All offline_access openid profile", "sandbox": false}]}
JSON

# shellcheck source=/dev/null
source "$completion"

n=0
failed=0
complete_line () {
  # the words of the line; the last one is being completed
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _portactl portactl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}

check () {
  local expected=$1; shift
  local got
  got=$(complete_line "$@")
  n=$((n + 1))
  if [ "$got" = "$expected" ]; then
    echo "ok $n - portactl ${*:2} → $expected"
  else
    echo "not ok $n - portactl ${*:2}: got “$got”, expected “$expected”"
    failed=1
  fi
}

check "accounts numbers order orders pin sign-in sign-out" portactl ""
check "order orders" portactl or
check "--account --help --sandbox --version" portactl --
check "accounts numbers order orders pin sign-in sign-out" portactl --sandbox ""
check "audit reveal set" portactl pin ""
check "reveal" portactl pin re
check "--account --help --sandbox --yes" portactl pin reveal --
check "--account --generate --help --sandbox" portactl pin set --
check "--generate" portactl --sandbox pin set --g
check "--account --format --help --sandbox" portactl pin audit --
check "csv json ndjson table" portactl pin audit --format ""
check "json text" portactl pin --format ""
check "cancel set-foc" portactl order ""
check "json text" portactl order cancel x --format ""
check "--account --filter --format --help --sandbox --search" portactl numbers --
check "csv json ndjson table" portactl --sandbox numbers --format ""
check "ndjson" portactl numbers --format nd
check "in out" portactl orders --direction ""
check "transferApproved transferPending" portactl orders --status transfer
check "--account --api --authority --client-id --device-code --help --sandbox --tenant" portactl sign-in --
check "--json" portactl accounts --j
check "4d1c8a7e-0b55-4f4e-9c1e-7a9f0e2b3c11 admin@contoso.example" portactl --account ""
check "admin@contoso.example" portactl sign-out adm
check "" portactl numbers --filter ""

echo "1..$n"
exit $failed
