#!/usr/bin/env bash
# The pre-commit hook `pva` (.pre-commit-hooks.yaml). pre-commit runs it in
# the dossier repository with the staged files that changed as arguments.
#
# 1. Installs the pva of this hook's revision once (scripts/install.sh: the
#    release archive, checksum checked; else compiled from this revision),
#    into $PVA_CACHE (default ~/.cache/pva), so nothing is needed beforehand.
# 2. Lints what is being committed, not the working tree: the staged files
#    are copied out of git's index, so an untracked or unstaged half-written
#    document never blocks a commit.
# 3. Lints only the dossiers the staged files touch: a document or
#    dossier.yaml its dossier, a gedeeld.yaml every dossier below it, and
#    pva.toml or a template the whole project; other files (a README) none.
#    A project is the folder with pva.toml (else the repository), so one in
#    a subfolder works as well.
set -euo pipefail

hook="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$hook/Cargo.toml" | head -n 1)"
export PVA_VERSION="$version"
export PVA_ROOT="${PVA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pva}/$version"
# Without an archive: compile exactly this revision of pva.
export PVA_SOURCE_DIR="${PVA_SOURCE_DIR:-$hook}"
if ! log="$(bash "$hook/scripts/install.sh" 2>&1)"; then
  printf '%s\n' "$log" >&2
  exit 1
fi
pva="$PVA_ROOT/bin/pva"

snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
git checkout-index --all --prefix="$snapshot/"

# The project a path belongs to: the nearest folder with pva.toml, else the
# repository.
project_of() {
  local dir
  dir="$(dirname "$1")"
  while [ "$dir" != "." ] && [ ! -f "$snapshot/$dir/pva.toml" ]; do
    dir="$(dirname "$dir")"
  done
  echo "$dir"
}

# `$1` relative to the project `$2` ("." for the project itself).
below() {
  if [ "$1" = "$2" ]; then
    echo .
  elif [ "$2" = . ]; then
    echo "$1"
  else
    echo "${1#"$2"/}"
  fi
}

# "PROJECT<tab>WHAT" to lint for a staged file: its dossier, the folder of a
# gedeeld.yaml, or the whole project (".") for pva.toml or a template.
# Nothing for a file that is none of these (a README, a script).
target_of() {
  local file="$1" dir project
  case "$(basename "$file")" in
    pva.toml)
      printf '%s\t.\n' "$(dirname "$file")"
      return
      ;;
    gedeeld.yaml)
      project="$(project_of "$file")"
      printf '%s\t%s\n' "$project" "$(below "$(dirname "$file")" "$project")"
      return
      ;;
  esac
  dir="$(dirname "$file")"
  while [ "$dir" != "." ] && [ ! -f "$snapshot/$dir/dossier.yaml" ]; do
    dir="$(dirname "$dir")"
  done
  if [ -f "$snapshot/$dir/dossier.yaml" ]; then
    project="$(project_of "$dir/dossier.yaml")"
    printf '%s\t%s\n' "$project" "$(below "$dir" "$project")"
    return
  fi
  project="$(project_of "$file")"
  case "$(below "$file" "$project")" in
    templates/*) printf '%s\t.\n' "$project" ;;
    *) ;;
  esac
}

# One line per staged file: its project, a tab, what to lint in it. (No
# associative arrays: macOS ships bash 3.2.)
for file in "$@"; do
  [ -e "$snapshot/$file" ] || continue
  target_of "$file"
done | sort -u >"$snapshot.targets"
trap 'rm -rf "$snapshot" "$snapshot.targets"' EXIT

status=0
cut -f1 "$snapshot.targets" | sort -u >"$snapshot.projects"
trap 'rm -rf "$snapshot" "$snapshot.targets" "$snapshot.projects"' EXIT
while IFS= read -r project <&3; do
  paths=()
  while IFS=$'\t' read -r p target; do
    [ "$p" = "$project" ] || continue
    # A staged file that concerns the whole project: lint all of it.
    if [ "$target" = . ]; then
      paths=()
      break
    fi
    paths+=("$target")
  done <"$snapshot.targets"
  (cd "$snapshot/$project" && "$pva" lint ${paths[@]+"${paths[@]}"}) || status=$?
done 3<"$snapshot.projects"
exit "$status"
