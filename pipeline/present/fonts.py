"""The report's typeface, the same in the HTML, the charts and the PDF, from installed packages, never the machine's.

Source Sans Pro (Adobe, SIL Open Font License 1.1; the `font-source-sans-pro` package) sets the text. Its few
missing characters — the status symbols ● ◐ ○ — come from DejaVu Sans (free licence), the copy matplotlib ships.
"""

from __future__ import annotations

import base64
import hashlib
import io
from functools import cache
from pathlib import Path

import font_source_sans_pro
import matplotlib

FAMILY = "Source Sans Pro"
SYMBOLS = "DejaVu Sans"
SOURCE_SANS = Path(font_source_sans_pro.__file__).resolve().parent / "files"
DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

# (family, weight, style) → file: what a report uses.
FACES = {
    (FAMILY, 400, "normal"): SOURCE_SANS / "SourceSansPro-Regular.ttf",
    (FAMILY, 700, "normal"): SOURCE_SANS / "SourceSansPro-Bold.ttf",
    (FAMILY, 400, "italic"): SOURCE_SANS / "SourceSansPro-It.ttf",
    (FAMILY, 700, "italic"): SOURCE_SANS / "SourceSansPro-BoldIt.ttf",
    (SYMBOLS, 400, "normal"): DEJAVU / "DejaVuSans.ttf",
    (SYMBOLS, 700, "normal"): DEJAVU / "DejaVuSans-Bold.ttf",
}


def folders() -> list[Path]:
    """Where Typst looks for fonts (it takes folders, not files)."""
    return [SOURCE_SANS, DEJAVU]


@cache
def digest() -> str:
    """The font files a report is set in: a change of any changes every report."""
    hashed = hashlib.sha256()
    for path in sorted(set(FACES.values())):
        hashed.update(path.name.encode() + path.read_bytes())
    return hashed.hexdigest()[:16]


def register_for_charts() -> None:
    """Make the family known to matplotlib, which measures chart labels with it."""
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in FACES.values():
        if str(path) not in known:
            font_manager.fontManager.addfont(str(path))


def font_faces_css(text: str) -> str:
    """@font-face rules embedding the faces as data: URIs, each cut down to the characters in `text`, so that the
    page fetches nothing and stays small."""
    return "".join(font_face(family, weight, style, text) for family, weight, style in FACES)


@cache
def _subset(family: str, weight: int, style: str, characters: str) -> str:
    from fontTools import subset

    font = subset.load_font(str(FACES[family, weight, style]), subset.Options())
    options = subset.Options()
    options.layout_features = ["kern", "liga", "tnum", "lnum"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def font_face(family: str, weight: int, style: str, text: str) -> str:
    characters = "".join(sorted(set(text) | set(" 0123456789")))
    data = _subset(family, weight, style, characters)
    return f'@font-face{{font-family:"{family}";font-weight:{weight};font-style:{style};src:url(data:font/ttf;base64,{data}) format("truetype")}}\n'
