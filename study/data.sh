#!/bin/sh
# The study's full result files are committed compressed (gzip -9n), each as FILE.gz,
# so that the repository stays small; the plain FILE is what the tool and the scripts
# write, and git ignores it.
#
#   sh study/data.sh unpack   # a plain FILE beside each FILE.gz (one that differs is refused)
#   sh study/data.sh pack     # after a rerun: FILE.gz from each plain FILE, written atomically
#                             # (a FILE shorter than its pack, a rerun not finished, is
#                             # refused: finish it, or give --force)
#   sh study/data.sh check    # every FILE.gz reads, and equals its plain FILE where one exists
#   sh study/data.sh same RERUN FOLDER   # every line RERUN's results hold (a shard of the
#                             # sweep rerun) is a line of FOLDER's committed results
#
# The files: every results.jsonl and timing.jsonl under study/, the profiles' per-problem
# tables (study/profiles/*-tau-*.csv) and the training curves' tables
# (study/curves/accuracy-*.csv, loss-*.csv). Summaries, figures and specifications stay
# plain. The Python scripts in study/ read FILE.gz when given FILE or FILE.gz. A sweep
# into a folder that holds only FILE.gz is refused until it is unpacked.
set -eu
start=$(pwd)
cd "$(dirname "$0")"

fail() {
  echo "study/data.sh: $*" >&2
  exit 1
}

absolute() {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$start/$1" ;;
  esac
}

# The plain files that are packed, one per line, as paths under study/.
plain_files() {
  find . \( -name results.jsonl -o -name timing.jsonl \
    -o -path './profiles/*-tau-*.csv' -o -path './curves/accuracy-*.csv' \
    -o -path './curves/loss-*.csv' \) \( -type f -o -type l -o -type d \) | sed 's|^\./||' | LC_ALL=C sort
}

packed_files() {
  find . \( -name results.jsonl.gz -o -name timing.jsonl.gz \
    -o -path './profiles/*-tau-*.csv.gz' -o -path './curves/accuracy-*.csv.gz' \
    -o -path './curves/loss-*.csv.gz' \) | sed 's|^\./||' | LC_ALL=C sort
}

# Whether the path is a symbolic link, or exists and is not a regular file.
irregular() {
  [ -L "$1" ] || { [ -e "$1" ] && [ ! -f "$1" ]; }
}

# A path that is written must be absent or a regular file: never a directory, device,
# FIFO or symbolic link.
writable() {
  if irregular "$1"; then
    fail "study/$1 is not a regular file: nothing was written to it; move it away"
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
    fail "could not write study/$target (the reason is above); it is unchanged"
  fi
  mv -f "$temporary" "$target" || fail "could not move study/$temporary to study/$target"
}

same_content() {
  gzip -dc "$1.gz" | cmp -s - "$1"
}

lines() {
  wc -l | tr -d ' '
}

case "${1:-}" in
  pack)
    force=no
    [ "${2:-}" = "--force" ] && force=yes
    written=0
    kept=0
    for file in $(plain_files); do
      irregular "$file" && fail "study/$file is not a regular file: move it away"
      if [ -f "$file.gz" ]; then
        if same_content "$file"; then
          kept=$((kept + 1))
          continue
        fi
        have=$(lines <"$file")
        had=$(gzip -dc "$file.gz" | lines)
        if [ "$have" -lt "$had" ] && [ "$force" = no ]; then
          fail "study/$file has $have lines and its pack $had: a rerun not finished? Finish it (rerun the same command), or give --force; nothing after it was packed"
        fi
      fi
      write_atomically "$file.gz" gzip -9nc "$file"
      echo "packed study/$file.gz"
      written=$((written + 1))
    done
    echo "study/data.sh: $written packed, $kept unchanged"
    ;;
  unpack)
    written=0
    kept=0
    for packed in $(packed_files); do
      file="${packed%.gz}"
      irregular "$packed" && fail "study/$packed is not a regular file: move it away"
      gzip -t "$packed" 2>/dev/null || fail "study/$packed is damaged (gzip -t fails): restore it with 'git checkout study/$packed'"
      if irregular "$file"; then
        fail "study/$file is not a regular file: move it away (nothing after it was unpacked)"
      fi
      if [ -e "$file" ]; then
        if same_content "$file"; then
          kept=$((kept + 1))
          continue
        fi
        fail "study/$file differs from study/$packed: move it away, or run 'sh study/data.sh pack' to keep it (nothing after it was unpacked)"
      fi
      write_atomically "$file" gzip -dc "$packed"
      written=$((written + 1))
    done
    echo "study/data.sh: $written unpacked, $kept already there"
    ;;
  check)
    count=0
    for packed in $(packed_files); do
      file="${packed%.gz}"
      gzip -t "$packed" 2>/dev/null || fail "study/$packed is damaged (gzip -t fails)"
      irregular "$file" && fail "study/$file is not a regular file: move it away"
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
    rerun_name=$2
    committed_name=$3
    rerun=$(absolute "$2")
    committed=$(absolute "$3")
    [ -d "$rerun" ] || fail "$rerun_name is not a folder of results (give the --output of the rerun)"
    [ -d "$committed" ] || fail "$committed_name is not a folder of results (give the committed study's folder)"
    # The rerun's results: its whole sweep's file, or else its shards'.
    if [ -f "$rerun/results.jsonl" ]; then
      set -- "$rerun/results.jsonl"
    else
      set -- "$rerun"/results-shard-*.jsonl
      [ -f "$1" ] || fail "$rerun_name holds no results.jsonl or results-shard-*.jsonl"
    fi
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    if [ -f "$committed/results.jsonl.gz" ]; then
      gzip -dc "$committed/results.jsonl.gz" >"$work/committed" || fail "$committed_name/results.jsonl.gz is damaged"
    elif [ -f "$committed/results.jsonl" ]; then
      cat "$committed/results.jsonl" >"$work/committed"
    else
      fail "$committed_name holds no results.jsonl.gz or results.jsonl"
    fi
    cat "$@" | grep -v '^$' >"$work/rerun" || true
    count=$(lines <"$work/rerun")
    [ "$count" -gt 0 ] || fail "$rerun_name holds no results"
    grep -Fxv -f "$work/committed" "$work/rerun" >"$work/different" || true
    if [ -s "$work/different" ]; then
      first=$(head -1 "$work/different" | cut -c1-300)
      fail "$(lines <"$work/different") of the $count rerun lines in $rerun_name differ from $committed_name's, the first: $first"
    fi
    echo "study/data.sh: the $count runs rerun in $rerun_name are the same bytes as in $committed_name"
    ;;
  *)
    echo "usage: sh study/data.sh pack [--force] | unpack | check | same RERUN FOLDER" >&2
    exit 64
    ;;
esac
