"""The report's typeface, the same in the HTML, the charts and the PDF, from installed packages, never the machine's.

Source Sans Pro (Adobe, SIL Open Font License 1.1; the `font-source-sans-pro` package) sets the text. Its few
missing characters — the status symbols ● ◐ ○ — come from DejaVu Sans (free licence), the copy matplotlib ships.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import os
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import font_source_sans_pro

FAMILY = "Source Sans Pro"
SYMBOLS = "DejaVu Sans"
SOURCE_SANS = Path(font_source_sans_pro.__file__).resolve().parent / "files"
# matplotlib's data folder, found without importing matplotlib: the PDF engine and the Word file need the font
# files, not the charting library (a third of a second at each start).
DEJAVU = Path(find_spec("matplotlib").origin).parent / "mpl-data" / "fonts" / "ttf"  # type: ignore[union-attr,arg-type]

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


# What the HTML's embedded faces hold: Latin letters of the Nordic and other European languages, punctuation, arrows
# and signs a report uses. A character outside it is drawn by the reader's own sans-serif.
REPERTOIRE = "".join(
    map(
        chr,
        [
            *range(0x20, 0x7F),
            *range(0xA0, 0x180),
            *range(0x2010, 0x2028),
            0x2030,
            0x2039,
            0x203A,
            0x20AC,
            *range(0x2190, 0x2194),
            0x2212,
            0x2264,
            0x2265,
        ],
    )
)
SYMBOL_REPERTOIRE = "●◐○"


def font_faces_css() -> str:
    """@font-face rules embedding the report's faces as data: URIs (WOFF, cut down to REPERTOIRE), so that a page
    fetches nothing. Made once per machine and font version, and kept in the user's cache folder: cutting them
    takes seconds."""
    kept = cache_folder() / f"font-faces-{digest()}.css"
    try:
        return kept.read_text(encoding="utf-8")
    except OSError:
        pass
    css = "".join(font_face(family, weight, style) for family, weight, style in FACES)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        temporary = kept.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(css, encoding="utf-8")
        os.replace(temporary, kept)
    except OSError:
        pass  # a read-only home: made again next time
    return css


Face = tuple[str, int, str]  # (family, weight, style), as FACES names them
_RULE_OF = re.compile(r'font-family: "(?P<family>[^"]+)"; font-weight: (?P<weight>\d+); font-style: (?P<style>\w+);')


@cache
def face_rules() -> dict[Face, str]:
    """Each face's @font-face rule of font_faces_css, for a document that needs only some (a chart)."""
    rules = {}
    for rule in font_faces_css().splitlines(keepends=True):
        if found := _RULE_OF.search(rule):
            rules[found["family"], int(found["weight"]), found["style"]] = rule
    return rules


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "evalreport"


def font_face(family: str, weight: int, style: str) -> str:
    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset": a table a browser does not need
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["kern", "liga", "tnum", "lnum"]
    options.notdef_outline = True
    font = subset.load_font(str(FACES[family, weight, style]), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=REPERTOIRE if family == FAMILY else SYMBOL_REPERTOIRE)
    subsetter.subset(font)
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; src: '
        f'url(data:font/woff;base64,{data}) format("woff"); }}\n'
    )
