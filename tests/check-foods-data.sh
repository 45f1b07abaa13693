#!/usr/bin/env bash
# Regenerates data/foods/ from the shared USDA SR28 and K2 files into a
# temporary folder and checks it is byte for byte what is committed.
# Exit 77 (skipped) where the shared files are not present.
set -eu

src="${COFACTOR_SOURCE_DIR:?}"
shared="${COFACTOR_SHARED_DATA:-$src/../shared/data}"

if [ ! -f "$shared/usda-sr/NUT_DATA.txt" ] || [ ! -f "$shared/k2-menaquinones.csv" ]; then
  echo "shared USDA/K2 files not found at $shared: skipping"
  exit 77
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

python3 "$src/build-aux/import-foods.py" --usda-sr "$shared/usda-sr" \
  --k2 "$shared/k2-menaquinones.csv" --output "$out"

status=0
for f in "$src"/data/foods/*.tsv; do
  name="$(basename "$f")"
  if ! cmp -s "$f" "$out/$name"; then
    echo "data/foods/$name differs from what build-aux/import-foods.py makes"
    status=1
  fi
done
[ $status -eq 0 ] && echo "data/foods/*.tsv match the import tool's output"
exit $status
