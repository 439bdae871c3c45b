#!/usr/bin/env bash
# A/B check for refactors (issue 15): runs every kh command on the seeds (fixtures/) and the whole
# corpus (../shared/corpus), writing stdout, stderr and exit code of each run under OUTDIR.
# Run it in two checkouts (before/after, each built) and compare with `diff -r A B`.
#   bash scripts/ab-outputs.sh OUTDIR [--quick]     (--quick: seeds only, ~30 s)
set -uo pipefail
out=${1:?usage: ab-outputs.sh OUTDIR [--quick]}
quick=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
kh="node $root/bin/kh.js"
shared=$root/../shared
rm -rf "$out" && mkdir -p "$out"
export KH_TODAY=2026-12-01 NO_COLOR=1 FORCE_COLOR=0
cd "$root"
run() { # name, args...
  local name=$1; shift
  $kh "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc"
}
seeds=(fixtures/*.txt fixtures/*.docx fixtures/*.pdf)
run help --help
run help-en --lang en --help
for c in parse lint cite diff owners annotate data rules explain init schema; do run "help-$c" $c --help; done
run rules rules; run rules-json rules -f json; run rules-en --lang en rules
for r in $(node bin/kh.js rules -f json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const r of JSON.parse(s))console.log(r.id)})'); do
  run "explain-$r" explain "$r"; run "explain-en-$r" --lang en explain "$r"
done
run schema schema; run data data; run data-json data -f json; run data-check data check
for f in stylish json sarif github html; do run "lint-seeds-$f" lint -f $f "${seeds[@]}"; done
run lint-seeds-en --lang en lint "${seeds[@]}"
run lint-bad lint fixtures/bad
for s in "${seeds[@]}"; do
  b=$(basename "$s"); run "parse-$b" parse "$s"; run "parse-outline-$b" parse -f outline "$s"
done
for f in table json csv md; do run "cite-seeds-$f" cite -f $f "${seeds[@]}"; run "owners-seeds-$f" owners -f $f "${seeds[@]}"; done
for f in text markdown json html; do run "diff-seeds-$f" diff -f $f fixtures/002_06484e6e4818e0d7.txt fixtures/003_4648be2b9eb23052.docx; done
run diff-years diff --dir fixtures 2023 2024
tmp=$(mktemp -d); cp fixtures/000_a2bc4216fc60fd38.docx "$tmp/a.docx"
(cd "$tmp" && $kh annotate -o a.kh.docx a.docx >"$out/annotate.out" 2>"$out/annotate.err"; echo $? >"$out/annotate.rc"); unzip -p "$tmp/a.kh.docx" word/comments.xml >"$out/annotate-comments.xml" 2>/dev/null
rm -rf "$tmp"
[ "$quick" = --quick ] && exit 0
[ -d "$shared/corpus" ] || { echo "no ../shared/corpus: seeds only" >&2; exit 0; }
run lint-corpus-json lint -f json "$shared/corpus"
run lint-corpus-stylish lint "$shared/corpus"
run lint-corpus-sarif lint -f sarif "$shared/corpus"
run cite-corpus-json cite -f json "$shared"/corpus/tvpl/*.md
run owners-corpus-json owners -f json "$shared"/corpus/docx/*.docx "$shared"/corpus/text/*
mkdir -p "$out/parse-corpus"
for s in "$shared"/corpus/tvpl/*.md "$shared"/corpus/docx/* "$shared"/corpus/text/* "$shared"/corpus/unsupported/*; do
  b=$(basename "$s"); $kh parse "$s" >"$out/parse-corpus/$b.json" 2>"$out/parse-corpus/$b.err"; echo $? >>"$out/parse-corpus/$b.err"
done
