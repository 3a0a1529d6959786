#!/usr/bin/env bash
# Installs one pva release into "$PVA_ROOT/bin" (messages in Dutch, for the
# HR staff who read the CI log): the release archive for this
# machine, checked against its SHA-256, or, when no archive exists for this
# machine or the download fails, `cargo install --locked` (compiles; minutes).
# A checksum that does not match is never installed and never falls back.
#
# Used by pva's GitHub action (action.yml) and, embedded, by the GitLab
# pipeline `pva init --ci gitlab` writes. Settings, as environment variables:
#   PVA_VERSION       the version, e.g. 0.1.0 (required)
#   PVA_ROOT          where to install; the program goes to $PVA_ROOT/bin
#   PVA_DOWNLOAD_URL  the folder holding the release's archives; default:
#                     the GitHub release v$PVA_VERSION of pva's repository
#   PVA_SHA256        the archive's SHA-256, to pin it here rather than
#                     trust the .sha256 file beside the archive; pinned,
#                     there is no fallback to cargo install (optional)
#   PVA_SOURCE        extra `cargo install` options for the fallback, e.g.
#                     `--git https://git.example.org/hr/pva.git` (optional)
#   PVA_SOURCE_DIR    a checkout of pva to compile in the fallback instead
#                     (the pre-commit hook's own revision; optional)
set -euo pipefail

repository="https://github.com/pva-nl/pva"
version="${PVA_VERSION:?PVA_VERSION is niet gezet: de pva-versie om te installeren, bijvoorbeeld 0.1.0}"
root="${PVA_ROOT:?PVA_ROOT is niet gezet: de map waarin pva komt}"
base="${PVA_DOWNLOAD_URL:-$repository/releases/download/v$version}"
tmp=""

say() { printf 'pva-install: %s\n' "$*" >&2; }

# The Rust target triple of the archive for this machine (the names of
# pva's release workflow), or nothing when pva publishes none for it.
target() {
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) echo x86_64-unknown-linux-gnu ;;
    Linux-aarch64 | Linux-arm64) echo aarch64-unknown-linux-gnu ;;
    Darwin-x86_64) echo x86_64-apple-darwin ;;
    Darwin-arm64) echo aarch64-apple-darwin ;;
    MINGW*-x86_64 | MSYS*-x86_64 | CYGWIN*-x86_64) echo x86_64-pc-windows-msvc ;;
    *) ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# Downloads `$1` to `$2`; on failure, `reason` says why.
reason=""
fetch() {
  if command -v curl >/dev/null; then
    reason="$(curl --fail --silent --show-error --location --retry 2 --output "$2" "$1" 2>&1)"
  else
    reason="$(wget --quiet --output-document "$2" "$1" 2>&1)"
  fi
}

# Compiles pva; the fallback when there is no archive to download.
compile() {
  say "$1; pva $version wordt gecompileerd met cargo install (dat duurt minuten)"
  if [ -n "${PVA_SOURCE_DIR:-}" ]; then
    cargo install --locked --root "$root" --path "$PVA_SOURCE_DIR"
    return
  fi
  # PVA_SOURCE holds options, so it is split into words on purpose.
  # shellcheck disable=SC2086
  cargo install --locked --root "$root" ${PVA_SOURCE:-} "pva@$version"
}

# Checks the downloaded archive `$2` of target `$1` and unpacks it; exits
# when its checksum is wrong.
verify_and_unpack() {
  local triple="$1" archive="$2" exe=pva
  case "$triple" in *windows*) exe=pva.exe ;; esac
  local name
  name="$(basename "$archive")"
  local expected="${PVA_SHA256:-}"
  if [ -z "$expected" ]; then
    if ! fetch "$base/$name.sha256" "$archive.sha256"; then
      say "geweigerd: naast $base/$name staat geen controlebestand $name.sha256 ($reason); er is niets geïnstalleerd"
      exit 1
    fi
    expected="$(cut -d' ' -f1 <"$archive.sha256")"
  fi
  local actual
  actual="$(sha256 "$archive")"
  if [ "$actual" != "$expected" ]; then
    say "geweigerd: de SHA-256 van $base/$name is $actual, verwacht was $expected"
    say "de download is beschadigd of niet de gepubliceerde pva $version; er is niets geïnstalleerd"
    exit 1
  fi
  local unpacked="$archive.d"
  mkdir -p "$unpacked" "$root/bin"
  case "$name" in
    # Windows' own tar (bsdtar) reads zip where Git Bash has no unzip.
    *.zip) if command -v unzip >/dev/null; then unzip -q "$archive" -d "$unpacked"; else tar -xf "$archive" -C "$unpacked"; fi ;;
    *) tar -xzf "$archive" -C "$unpacked" ;;
  esac
  # cargo-dist's layout: the program inside a folder named like the archive.
  install -m 0755 "$unpacked/pva-$triple/$exe" "$root/bin/$exe"
  say "pva $version geïnstalleerd uit $base/$name (SHA-256 $actual)"
}

main() {
  if [ -x "$root/bin/pva" ] && [ "$("$root/bin/pva" --version)" = "pva $version" ]; then
    say "pva $version staat al in $root/bin (uit de cache)"
    return
  fi
  local triple
  triple="$(target)"
  if [ -z "$triple" ]; then
    compile "geen pva-archief voor $(uname -s) $(uname -m)"
  else
    local ext=tar.gz
    case "$triple" in *windows*) ext=zip ;; esac
    local name="pva-$triple.$ext"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    if fetch "$base/$name" "$tmp/$name"; then
      verify_and_unpack "$triple" "$tmp/$name"
    elif [ -n "${PVA_SHA256:-}" ]; then
      # A pinned archive means that archive only: no other source instead.
      say "geweigerd: PVA_SHA256 pint het archief, maar $base/$name kon niet worden gedownload ($reason); er is niets geïnstalleerd"
      exit 1
    else
      compile "kon $base/$name niet downloaden ($reason)"
    fi
  fi
  "$root/bin/pva" --version >&2
}

main
