#!/bin/sh
# Re-fetches Mend's vendored JavaScript from the npm registry at the pinned
# versions and rewrites MANIFEST (sha256sum format, paths relative to this
# folder). A Go test compares the files with MANIFEST, so a drifted file fails CI.
#
# Usage: pb_public/vendor/fetch.sh        (needs npm, tar and sha256sum)
set -eu

PB_VERSION=0.28.1
ECHARTS_VERSION=5.6.0

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm pack --silent "pocketbase@$PB_VERSION" "echarts@$ECHARTS_VERSION" >/dev/null
mkdir pb ec
tar xzf "pocketbase-$PB_VERSION.tgz" -C pb
tar xzf "echarts-$ECHARTS_VERSION.tgz" -C ec

pbdir="$here/pocketbase@$PB_VERSION"
ecdir="$here/echarts@$ECHARTS_VERSION"
rm -rf "$pbdir" "$ecdir"
mkdir -p "$pbdir" "$ecdir"

# The SDK's ES module build, imported by js/api.js through js/deps.js.
cp pb/package/dist/pocketbase.es.mjs "$pbdir/"
cp pb/package/LICENSE.md "$pbdir/LICENSE"
# ECharts' self-contained ES module build, imported on demand by the insights page only.
cp ec/package/dist/echarts.esm.min.js "$ecdir/"
# Its classic (UMD) build, inlined by the server into the HTML and PDF reports.
cp ec/package/dist/echarts.min.js "$ecdir/"
cp ec/package/LICENSE ec/package/NOTICE "$ecdir/"

cd "$here"
find "pocketbase@$PB_VERSION" "echarts@$ECHARTS_VERSION" -type f | LC_ALL=C sort | xargs sha256sum > MANIFEST
echo "vendor: wrote $(wc -l < MANIFEST) files to MANIFEST"
