#!/usr/bin/env bash
# Extracts the translatable strings afresh from po/POTFILES.in and fails on
# any Italian entry that is missing, untranslated or fuzzy, and on any file
# with translatable strings that POTFILES.in does not list (or lists unsorted).
set -euo pipefail
src="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

echo "1..4"

grep -v '^[[:space:]]*#' po/POTFILES.in | sed '/^[[:space:]]*$/d' >"$tmp/files"

# 1. POTFILES.in is sorted
if LC_ALL=C sort -c "$tmp/files" 2>/dev/null; then
  echo "ok 1 POTFILES.in is sorted"
else
  echo "not ok 1 POTFILES.in is not sorted"
fi

# 2. POTFILES.in names every file with translatable strings, and only real files
problems=""
while read -r f; do
  [ -e "$f" ] || problems="$problems missing:$f"
done <"$tmp/files"
while read -r f; do
  grep -qE '(\b_|N_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(|translatable="yes"|<_?(name|summary|description|p|li)>|^_?(Name|Comment|GenericName)=' "$f" || continue
  grep -qxF "$f" "$tmp/files" || problems="$problems unlisted:$f"
done < <(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.gschema.xml' \) | LC_ALL=C sort)
if [ -z "$problems" ]; then
  echo "ok 2 POTFILES.in is complete"
else
  echo "not ok 2 POTFILES.in:$problems"
fi

# 3. every string has an Italian translation, none fuzzy
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  -f "$tmp/files" -o "$tmp/porta.pot"
msgmerge -q --no-fuzzy-matching po/it.po "$tmp/porta.pot" -o "$tmp/it.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/it.po" 2>&1)
if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
  echo "not ok 3 Italian is incomplete: $stats"
  LC_ALL=C msgattrib --untranslated --only-fuzzy "$tmp/it.po" 2>/dev/null | grep '^msgid' | sed 's/^/# /' | head -40
  msgattrib --untranslated "$tmp/it.po" | grep -A1 '^msgid' | sed 's/^/# /' | head -60
else
  echo "ok 3 Italian is complete: $stats"
fi

# 4. po/it.po itself is valid and has no fuzzy entry
if LC_ALL=C msgfmt --check -o /dev/null po/it.po && ! grep -q '^#,.*fuzzy' po/it.po; then
  echo "ok 4 po/it.po is valid and has no fuzzy entry"
else
  echo "not ok 4 po/it.po is invalid or has fuzzy entries"
fi
