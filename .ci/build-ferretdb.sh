#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (a MongoDB wire-protocol server; SQLite backend) from the Go module proxy and prints the
# path of the binary. Used by .ci/run and by the test harness when no MongoDB server is given (DESIGN.md, Tests).
# The build is cached in $EPCIS_TEST_CACHE (default ~/.cache/epcis-test), and the Go module cache is reused.
set -euo pipefail
version=v1.24.2
cache="${EPCIS_TEST_CACHE:-$HOME/.cache/epcis-test}"
bin="$cache/ferretdb-$version/ferretdb"
if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "build-ferretdb: Go is not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
go mod init ferretdb-build >/dev/null 2>&1
for attempt in 1 2 3; do
  if go get -tool "github.com/FerretDB/FerretDB/cmd/ferretdb@$version" >&2; then break; fi
  [ "$attempt" = 3 ] && { echo "build-ferretdb: go get failed 3 times" >&2; exit 1; }
  sleep $((attempt * 5))
done
# FerretDB reads its version from an embedded build/version/version.txt that the module zip does not carry:
# vendor the sources and write it, as the FerretDB build docs say ("create this file manually").
go mod vendor >&2
echo "$version" > vendor/github.com/FerretDB/FerretDB/build/version/version.txt
mkdir -p "$(dirname "$bin")"
go build -mod=vendor -o "$bin.tmp" github.com/FerretDB/FerretDB/cmd/ferretdb >&2
mv "$bin.tmp" "$bin"
echo "$bin"
