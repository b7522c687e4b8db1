#!/bin/sh
# WeasyPrint draws text with Pango, a system library pip cannot install. Install it with apt when we
# can (Debian/Ubuntu as root), otherwise say exactly what is missing.
python="$1"
if "$python" -c "import weasyprint" 2>/dev/null; then
    exit 0
fi
packages="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq $packages >/dev/null
    "$python" -c "import weasyprint" && exit 0
fi
echo "WeasyPrint cannot load Pango. Install it, e.g. on Debian/Ubuntu: sudo apt-get install $packages" >&2
exit 1
