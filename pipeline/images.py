"""Whether a picture from a project's inputs (its logo) can be drawn by every report: decoded here, at `validate` time,
and again before rendering, so that a web page saved as logo.png or an SVG that links a file beside it is said by
name instead of stopping the PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

from defusedxml import ElementTree
from PIL import Image, UnidentifiedImageError

from pipeline.errors import InputError
from pipeline.sources.limits import check_size

# The bitmap formats each renderer can draw, by Pillow's name for them, and the file endings that say them.
BITMAPS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG"}
# An SVG may refer to its own parts (#id) and carry a picture inside it (data:); anything else is a file or an address
# the report cannot reach.
INSIDE = re.compile(r"\s*(#|data:)", re.IGNORECASE)
LINK = re.compile(r"""href\s*=\s*["']\s*(?!#|data:)([^"']*)""", re.IGNORECASE)
MAX_LOGO_BYTES = 10 * 1024 * 1024  # a logo is some kilobytes; ten megabytes is a photograph or the wrong file
MAX_PIXELS = 50_000_000  # a logo of more is no logo; Pillow's own guard stops at 179 million


def logo_problem(path: Path) -> str | None:
    """What keeps the logo file at `path` from being drawn (its kind by its ending); None when nothing."""
    try:
        check_size(path, MAX_LOGO_BYTES)
    except InputError as error:
        return error.problems[0].found if error.problems else "a file too large for a logo"
    return image_problem(path.read_bytes(), path.suffix.removeprefix("."))


def image_problem(data: bytes, kind: str) -> str | None:
    """What keeps `data`, a picture said to be of `kind` (svg, png, jpg, jpeg), from being drawn; None when nothing."""
    kind = kind.lower()
    if kind == "svg":
        return svg_problem(data)
    expected = BITMAPS.get(kind)
    if expected is None:
        return f"a picture of a kind the report can show (SVG, PNG or JPEG), not .{kind}"
    try:
        with Image.open(io.BytesIO(data)) as image:
            found, size = image.format, image.size
            image.verify()  # reads the whole file: a truncated or damaged PNG is found here
    except UnidentifiedImageError:
        return (
            f"no {expected} picture: the file starts "
            f"{describe_start(data)}{', a web page or other text' if data.lstrip()[:1] == b'<' else ''}"
        )
    except Exception as error:  # Pillow raises many kinds for a damaged file
        return f"a damaged {expected} file ({type(error).__name__}: {str(error)[:80]})"
    if found != expected:
        ending = "jpg" if found == "JPEG" else (found or "?").lower()
        return f"a {found} picture under a .{kind} name: save it as .{ending}, or as {expected}"
    if size[0] * size[1] > MAX_PIXELS:
        return f"a picture of {size[0]} × {size[1]} pixels, more than a logo needs (at most {MAX_PIXELS:,} pixels)"
    return None


def svg_problem(data: bytes) -> str | None:
    """An SVG is drawable when it is XML with an <svg> root and refers to nothing outside itself."""
    try:
        root = ElementTree.fromstring(data)
    except Exception as error:  # not XML, or XML with entities defusedxml refuses
        return (
            f"no SVG picture: it is not XML ({type(error).__name__}: {str(error)[:80]}; it starts "
            f"{describe_start(data)})"
        )
    if not root.tag.endswith("svg"):
        return f"no SVG picture: its outermost element is <{root.tag.rsplit('}', 1)[-1]}>, not <svg>"
    for element in root.iter():
        for name, value in element.attrib.items():
            if (name == "href" or name.endswith("}href")) and not INSIDE.match(value):
                return f"an SVG that links the file {value[:80]!r}: a report carries the picture itself, so embed it"
    return None


def chart_problem(svg: str) -> str | None:
    """A quick look at a chart's SVG, made by matplotlib as a rule (a report has many, and each is large): it starts
    as an SVG and links no file. What else is wrong in one, the renderer that fails on it names."""
    if "<svg" not in svg[:2000] or not svg.lstrip().startswith("<"):
        return f"no SVG picture (it starts {describe_start(svg.encode('utf-8'))})"
    linked = LINK.search(svg)
    if linked:
        return f"an SVG that links the file {linked.group(1)[:80]!r}"
    return None


def describe_start(data: bytes) -> str:
    """The first bytes of a file, as a person would recognise them: '<!DOCTYPE html>' says a web page."""
    start = data[:24].decode("utf-8", errors="replace").strip()
    printable = "".join(c if c.isprintable() else "·" for c in start)
    return repr(printable) if printable else "with no text"
