#!/usr/bin/env bash
# Installs the Debian packages the project needs, once. Sourced by bin/dmvpn-harness and bin/test.
# Usage: ensure_debian_packages pkg...   (idempotent: does nothing when all are installed)

ensure_debian_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "dmvpn-harness: missing Debian packages: ${missing[*]}" >&2
    echo "  install them as root:  sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "dmvpn-harness: installing Debian packages: ${missing[*]}" >&2
  # tshark asks whether non-root users may capture; answer 'no' so the install never waits for a human
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q "${missing[@]}" >&2; then
    apt-get update -q >&2 && apt-get install -y -q "${missing[@]}" >&2
  fi
}

# Builds the command-line jar when it is missing or older than any source or POM.
ensure_harness_jar() {
  local root=$1
  local jar="$root/harness/target/dmvpn-harness.jar"
  if [ -f "$jar" ] && [ -f "$root/suites/target/dmvpn-suites.jar" ] && [ -z "$(find "$root" -path "$root/.git" -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  echo "dmvpn-harness: building (mvn package, tests skipped)..." >&2
  (cd "$root" && mvn -q -B -DskipTests package >&2) || {
    echo "dmvpn-harness: build failed; run 'mvn -B package' in $root to see why" >&2
    return 1
  }
}
