#!/bin/sh
# The study's full result files are committed compressed (gzip -9n), each as FILE.gz,
# so that the repository stays small; the plain FILE is what the tool and the scripts
# write, and git ignores it.
#
#   sh study/data.sh unpack   # a plain FILE beside each FILE.gz (one that differs is refused)
#   sh study/data.sh pack     # after a rerun: FILE.gz from each plain FILE, written atomically
#   sh study/data.sh check    # every FILE.gz reads, and equals its plain FILE where one exists
#   sh study/data.sh same RERUN FOLDER   # every line RERUN's results files hold (a shard of
#                             # the sweep rerun) is a line of FOLDER's committed results
#
# The files: every results.jsonl and timing.jsonl under study/, the profiles' per-problem
# tables (study/profiles/*-tau-*.csv) and the training curves' tables
# (study/curves/accuracy-*.csv, loss-*.csv). Summaries, figures and specifications stay
# plain. The Python scripts in study/ read FILE.gz when FILE is absent.
set -eu
start=$(pwd)
cd "$(dirname "$0")"

absolute() {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$start/$1" ;;
  esac
}

fail() {
  echo "study/data.sh: $*" >&2
  exit 1
}

# The plain files that are packed, one per line, as paths under study/.
plain_files() {
  find . \( -name results.jsonl -o -name timing.jsonl \
    -o -path './profiles/*-tau-*.csv' -o -path './curves/accuracy-*.csv' \
    -o -path './curves/loss-*.csv' \) -type f | sed 's|^\./||' | LC_ALL=C sort
}

packed_files() {
  find . \( -name results.jsonl.gz -o -name timing.jsonl.gz \
    -o -path './profiles/*-tau-*.csv.gz' -o -path './curves/accuracy-*.csv.gz' \
    -o -path './curves/loss-*.csv.gz' \) | sed 's|^\./||' | LC_ALL=C sort
}

# A path that is written must be absent or a regular file: never a directory, device,
# FIFO or symbolic link.
writable() {
  if [ -L "$1" ] || { [ -e "$1" ] && [ ! -f "$1" ]; }; then
    fail "study/$1 is not a regular file; nothing was written to it"
  fi
}

# Writes what the command after $1 prints to $1, through a temporary file beside it that
# is moved into place only when the whole command succeeded.
write_atomically() {
  target="$1"
  shift
  writable "$target"
  temporary="$target.partial.$$"
  writable "$temporary"
  if ! "$@" >"$temporary"; then
    rm -f "$temporary"
    fail "could not write study/$target (disk full?); it is unchanged"
  fi
  mv -f "$temporary" "$target" || fail "could not move study/$temporary to study/$target"
}

same_content() {
  gzip -dc "$1.gz" | cmp -s - "$1"
}

case "${1:-}" in
  pack)
    plain_files | while IFS= read -r file; do
      if [ -f "$file.gz" ] && same_content "$file"; then continue; fi
      write_atomically "$file.gz" gzip -9nc "$file"
      echo "packed study/$file.gz"
    done
    ;;
  unpack)
    packed_files | while IFS= read -r packed; do
      file="${packed%.gz}"
      if [ -e "$file" ] || [ -L "$file" ]; then
        same_content "$file" && continue
        fail "study/$file differs from study/$packed: move it away, or run 'sh study/data.sh pack' to keep it"
      fi
      write_atomically "$file" gzip -dc "$packed"
    done
    ;;
  check)
    count=0
    for packed in $(packed_files); do
      file="${packed%.gz}"
      gzip -t "$packed" || fail "study/$packed is damaged"
      if [ -e "$file" ] && ! same_content "$file"; then
        fail "study/$file differs from study/$packed: run 'sh study/data.sh pack' after a rerun"
      fi
      count=$((count + 1))
    done
    for file in $(plain_files); do
      [ -f "$file.gz" ] || fail "study/$file has no study/$file.gz: run 'sh study/data.sh pack'"
    done
    echo "study/data.sh: $count packed files read and match"
    ;;
  same)
    [ $# -eq 3 ] || fail "usage: sh study/data.sh same RERUN FOLDER"
    rerun=$(absolute "$2")
    committed=$(absolute "$3")
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    if [ -f "$committed/results.jsonl.gz" ]; then
      gzip -dc "$committed/results.jsonl.gz" >"$work/committed"
    else
      cat "$committed/results.jsonl" >"$work/committed"
    fi
    cat "$rerun"/results*.jsonl >"$work/rerun"
    lines=$(wc -l <"$work/rerun" | tr -d ' ')
    [ "$lines" -gt 0 ] || fail "$2 holds no results"
    LC_ALL=C sort "$work/committed" >"$work/committed.sorted"
    LC_ALL=C sort "$work/rerun" | LC_ALL=C comm -23 - "$work/committed.sorted" >"$work/different"
    if [ -s "$work/different" ]; then
      fail "$(wc -l <"$work/different" | tr -d ' ') of the $lines rerun lines in $2 differ from $3's, the first: $(cut -c1-300 "$work/different" | head -1)"
    fi
    echo "study/data.sh: the $lines runs rerun in $2 are the same bytes as in $3"
    ;;
  *)
    echo "usage: sh study/data.sh pack | unpack | check | same RERUN FOLDER" >&2
    exit 64
    ;;
esac
