#!/usr/bin/env bash
# Runs kh on every hostile case (made by generate.mjs into DIR) with /usr/bin/time -v and prints
# one row per case: exit code, wall seconds, max RSS (MB), first stderr line.
#   bash test/hostile/measure.sh DIR [KH_BIN] [LIMIT_SECONDS]
set -u
dir=${1:?usage: measure.sh DIR [KH_BIN] [LIMIT_SECONDS]}
kh=$(realpath "${2:-bin/kh.js}")
limit=${3:-300}
good=fixtures/000_a2bc4216fc60fd38.txt
cp "$good" "$dir/good.txt"
row() {
  local name=$1; shift
  local err; err=$(mktemp)
  timeout "$limit" /usr/bin/time -v "$@" >/dev/null 2>"$err"
  local code=$?
  local wall rss line
  wall=$(grep 'Elapsed (wall' "$err" | sed 's/.*: //')
  rss=$(grep 'Maximum resident' "$err" | awk '{print int($NF/1024)}')
  line=$(grep -v '^\s' "$err" | grep -v 'Command exited\|Command terminated' | head -2 | tr '\n' ' ' | cut -c1-150)
  [ "$code" = 124 ] && line="TIMEOUT after ${limit}s"
  printf '%s\t%s\t%s\t%sMB\t%s\n' "$name" "$code" "${wall:-?}" "${rss:-?}" "$line"
  rm -f "$err"
}
for f in bomb-2gib.docx paragraphs-48mb.docx deep-nesting.docx repeated-operator.pdf; do
  case " ${SKIP:-} " in *" $f "*) continue ;; esac
  row "lint $f + good.txt" node "$kh" lint --no-color "$dir/$f" "$dir/good.txt"
done
for f in pages-100.pdf pages-200.pdf pages-400.pdf recipients-400kb.txt recipients-1600kb.txt plan-1600kb.txt; do
  row "lint $f" node "$kh" lint --no-color "$dir/$f"
done
# -o naming an input
cp "$good" "$dir/in.txt"; before=$(sha1sum < "$dir/in.txt")
row "lint in.txt -o in.txt" node "$kh" lint "$dir/in.txt" -o "$dir/in.txt"
[ "$before" = "$(sha1sum < "$dir/in.txt")" ] && echo "  in.txt unchanged" || echo "  in.txt OVERWRITTEN"
cp fixtures/000_a2bc4216fc60fd38.docx "$dir/b.docx"; before=$(sha1sum < "$dir/b.docx")
row "diff in.txt b.docx -o b.docx" node "$kh" diff "$dir/in.txt" "$dir/b.docx" -o "$dir/b.docx"
[ "$before" = "$(sha1sum < "$dir/b.docx")" ] && echo "  b.docx unchanged" || echo "  b.docx OVERWRITTEN"
cp "$good" "$dir/in.txt"; before=$(sha1sum < "$dir/in.txt")
ln -sf "$dir/in.txt" "$dir/link.json"
row "lint in.txt -o link.json (symlink to in.txt)" node "$kh" lint "$dir/in.txt" -o "$dir/link.json"
[ "$before" = "$(sha1sum < "$dir/in.txt")" ] && echo "  in.txt unchanged" || echo "  in.txt OVERWRITTEN"
cp "$good" "$dir/in.txt"; cp fixtures/000_a2bc4216fc60fd38.docx "$dir/b.docx"
# unreadable subdirectory (as a non-root user when running as root: root reads everything)
mkdir -p "$dir/tree/locked" "$dir/tree/ok"; cp "$good" "$dir/tree/ok/a.txt"; cp "$good" "$dir/tree/locked/b.txt"; chmod 000 "$dir/tree/locked"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  chmod -R o+rX "$dir/tree/ok" "$dir/tree"; chmod 000 "$dir/tree/locked"
  row "lint tree/ (unreadable subdir)" runuser -u nobody -- node "$kh" lint --no-color "$dir/tree"
else
  row "lint tree/ (unreadable subdir)" node "$kh" lint --no-color "$dir/tree"
fi
chmod 755 "$dir/tree/locked"
row "diff -o missing/dir/r.html" node "$kh" diff --format html "$dir/in.txt" "$dir/b.docx" -o "$dir/missing/dir/r.html"
row "parse not-a-body.docx (vi)" node "$kh" parse "$dir/not-a-body.docx"
row "parse unknown-entity.docx (vi)" node "$kh" parse "$dir/unknown-entity.docx"
