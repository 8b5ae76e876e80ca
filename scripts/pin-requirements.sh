#!/usr/bin/env bash
# Pin the Python requirements with the hashes of their files: `make requirements`.
#
# Each requirements*.in is resolved in a throwaway venv and frozen; then
# pip-compile (pip-tools, pinned below, in a venv of its own) writes every
# pin with the sha256 of each of its release files, so the installs can run
# with --require-hashes and a tampered or substituted file is refused.
# requirements-test.txt holds the whole test environment (the site's pins
# included, with the same hashes). With --hash-only the current pins are kept
# and only their hashes are written again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
PIP_TOOLS="pip-tools==7.6.2"
WORK=build/pin
# Output file: the .in files it pins.
declare -A INPUTS=(
  [requirements.txt]="requirements.in"
  [requirements-test.txt]="requirements.in requirements-test.in"
  [requirements-zensical.txt]="requirements-zensical.in"
)

venv() {  # venv NAME: a fresh venv under build/pin/
  "$PYTHON" -m venv "$WORK/$1"
}

freeze() {  # freeze OUTPUT: resolve OUTPUT's .in files afresh and write the bare pins to build/pin/OUTPUT
  local name=${1%.txt} args=()
  for input in ${INPUTS[$1]}; do args+=(-r "$input"); done
  venv "$name"
  "$WORK/$name/bin/pip" install --quiet --disable-pip-version-check "${args[@]}"
  "$WORK/$name/bin/pip" freeze > "$WORK/$1"
}

bare_pins() {  # bare_pins OUTPUT: the pins OUTPUT holds now, without hashes, comments or -r lines
  sed -e 's/ *\\$//' -e '/^ *--hash/d' -e '/^ *#/d' -e '/^-r /d' -e '/^$/d' "$1" > "$WORK/$1"
  if [ "$1" = requirements-test.txt ] && ! grep -q '^mkdocs==' "$WORK/$1"; then  # the old layout: base pins apart
    bare_pins requirements.txt && cat "$WORK/requirements.txt" >> "$WORK/$1"
  fi
}

hash_pins() {  # hash_pins OUTPUT: write OUTPUT from build/pin/OUTPUT, every pin with its hashes
  { echo "# Pinned from ${INPUTS[$1]// / and } by 'make requirements', with hashes. Do not edit by hand."
    "$WORK/tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --no-header --no-annotate \
      --no-emit-index-url --no-emit-find-links --strip-extras --output-file - "$WORK/$1"; } > "$1.new"
  mv "$1.new" "$1"
}

rm -rf "$WORK" && mkdir -p "$WORK"
venv tools && "$WORK/tools/bin/pip" install --quiet --disable-pip-version-check "$PIP_TOOLS"
for output in "${!INPUTS[@]}"; do
  if [ "${1:-}" = --hash-only ]; then bare_pins "$output"; else freeze "$output"; fi
done
for output in "${!INPUTS[@]}"; do hash_pins "$output"; done
rm -rf "$WORK"
echo "pinned with hashes: ${!INPUTS[*]}"
