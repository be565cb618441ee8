#!/usr/bin/env python3
"""Make assets/fonts/RecapHangul-Regular.ttf: a Hangul + Cyrillic subset of NanumGothic.

Why: egui's default fonts (Ubuntu-Light, Hack) cover Latin and Cyrillic but no Hangul, so
Korean names in the news (김정은) drew as boxes. The app bundles this subset as a fallback
font (src/ui/fonts.rs). The full NanumGothic is 4.7 MB; this subset keeps all 11,172
precomposed syllables and drops hinting (skrifa, egui's rasterizer, auto-hints) to stay near
1.3 MB.

Why NanumGothic: SIL OFL 1.1 and TrueType (glyf) outlines, the kind egui 0.37 has always
read. Its licence reserves the font names "Nanum…", and OFL section 3 forbids a Modified
Version (a subset is one) from using them, so the subset is renamed "Recap Hangul".

Source: Debian bookworm package fonts-nanum 20200506-1,
/usr/share/fonts/truetype/nanum/NanumGothic.ttf (NanumGothic version 3.021).

Usage (the app itself never needs Python):
    apt-get install fonts-nanum            # version 20200506-1
    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install 'fonttools==4.68.0'
    /tmp/ft/bin/python scripts/make_font_subset.py
The script checks the source and output SHA-256 so a drift in either is noticed.
"""

import hashlib
import sys
from importlib.metadata import version
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
SOURCE_SHA256 = "48a28e97b34fc8e5b157657633670cd1b7de126cfc414da65ce9c3d5bc8be733"
FONTTOOLS_VERSION = "4.68.0"
OUTPUT = Path(__file__).resolve().parent.parent / "assets/fonts/RecapHangul-Regular.ttf"
# A different fontTools may lay bytes out differently.
OUTPUT_SHA256 = "a565d75fc5789909aa401aaa0c47ce45ea7330cb90a94c3dcf7e59c41fe7df17"

# Code points kept. Latin is left out: egui's own fonts come first and always have it.
UNICODES = [
    (0x0020, 0x0020),  # space (a font without one confuses some tools)
    (0x0400, 0x04FF),  # Cyrillic (NanumGothic has the 66 letters of KS X 1001)
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x3000, 0x303F),  # CJK symbols and punctuation (「」、。 in Korean text)
    (0x3130, 0x318F),  # Hangul Compatibility Jamo (ㄱ ㅏ typed alone)
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A (whatever the source has)
    (0xAC00, 0xD7A3),  # all 11,172 Hangul syllables
    (0xD7B0, 0xD7FF),  # Hangul Jamo Extended-B (whatever the source has)
    (0xFF01, 0xFF60),  # fullwidth forms
]

NEW_FAMILY = "Recap Hangul"
NEW_PS_NAME = "RecapHangul-Regular"
DESCRIPTION = (
    "Subset of NanumGothic 3.021 (Debian fonts-nanum 20200506-1) made by Recap's "
    "scripts/make_font_subset.py: Hangul, Cyrillic and CJK punctuation only, hinting "
    "removed. Renamed as the SIL OFL 1.1 requires for Modified Versions of a font with "
    "Reserved Font Names."
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    if version("fonttools") != FONTTOOLS_VERSION:
        print(f"warning: fonttools {version('fonttools')}, expected {FONTTOOLS_VERSION}",
              file=sys.stderr)
    if sha256(SOURCE) != SOURCE_SHA256:
        print(f"error: {SOURCE} is not the expected fonts-nanum 20200506-1 file", file=sys.stderr)
        return 1

    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    # Keep the source's head.modified so the output is byte-for-byte reproducible.
    font = TTFont(SOURCE, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for lo, hi in UNICODES for c in range(lo, hi + 1)])
    subsetter.subset(font)

    names = font["name"]
    for name_id, text in [
        (1, NEW_FAMILY),
        (3, f"3.021;RECAP;{NEW_PS_NAME}"),
        (4, f"{NEW_FAMILY} Regular"),
        (6, NEW_PS_NAME),
        (10, DESCRIPTION),
        (13, "This Font Software is licensed under the SIL Open Font License, Version 1.1."),
        (14, "https://openfontlicense.org"),
        (16, NEW_FAMILY),
    ]:
        names.removeNames(nameID=name_id)
        names.setName(text, name_id, 3, 1, 0x409)
    # The copyright (0) and trademark (7) notices of the original stay, as the OFL asks.

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUTPUT)
    digest = sha256(OUTPUT)
    print(f"{OUTPUT}: {OUTPUT.stat().st_size} bytes, sha256 {digest}")
    if digest != OUTPUT_SHA256:
        print(f"warning: output differs from the committed one ({OUTPUT_SHA256})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
