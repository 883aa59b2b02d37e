#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# The AppStream metainfo passes appstreamcli's strict validation, and has what software centres show:
# screenshots (each one a real file in docs/screenshots with the size it claims), a homepage, a content
# rating, the three programs under <provides>, this version among the releases, the desktop entry.
# Usage: check-metainfo.sh METAINFO SCREENSHOT_DIR VERSION
set -euo pipefail
metainfo=$1 screenshots=$2 version=$3
appstreamcli validate --strict --no-net --explain "$metainfo"
/usr/bin/python3 - "$metainfo" "$screenshots" "$version" <<'PY'
import os, struct, sys, xml.etree.ElementTree as ET
path, shots, version = sys.argv[1:]
root = ET.parse(path).getroot()
problems = []
def need(cond, what):
    if not cond:
        problems.append(what)
images = root.findall("screenshots/screenshot/image")
need(len(images) >= 1, "no screenshot")
need(len(root.findall("screenshots/screenshot[@type='default']")) == 1, "not exactly one default screenshot")
for image in images:
    url = image.text.strip()
    need(url.startswith("https://"), f"screenshot URL is not https: {url}")
    local = os.path.join(shots, os.path.basename(url))
    if not os.path.isfile(local):
        problems.append(f"{url}: no {local}")
        continue
    with open(local, "rb") as f:
        head = f.read(24)
    need(head[:8] == b"\x89PNG\r\n\x1a\n", f"{local} is not a PNG")
    w, h = struct.unpack(">II", head[16:24])
    if image.get("width"):
        need((int(image.get("width")), int(image.get("height"))) == (w, h),
             f"{url}: says {image.get('width')}x{image.get('height')}, the file is {w}x{h}")
need(root.find("url[@type='homepage']") is not None, "no homepage URL")
need(root.find("content_rating") is not None, "no content rating")
binaries = sorted(b.text for b in root.findall("provides/binary"))
need(binaries == ["clusterdeck", "clusterdeck-cli", "clusterdeck-runtime"], f"provides: {binaries}")
need(any(r.get("version") == version for r in root.findall("releases/release")),
     f"no release {version} (the CMake project version)")
need(root.findtext("launchable") == root.findtext("id") + ".desktop", "launchable is not <id>.desktop")
for p in problems:
    print("metainfo:", p)
sys.exit(1 if problems else 0)
PY
echo "metainfo: ok"
