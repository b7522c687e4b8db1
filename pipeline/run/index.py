"""reports/index.html: every published report by project, period and unit, with its status, self-contained."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from pipeline.run.publish import write_atomically

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { border-top: 8px solid #1b4f72; padding-top: 0.8rem; }
h2 { color: #1b4f72; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid #d0d0d0; padding: 0.35rem 0.5rem; }
th { background: #eef1f4; }
.failed { color: #a53a22; font-weight: bold; }
.scroll { overflow-x: auto; }
@media (max-width: 40rem) { body { margin: 1rem auto; } th, td { padding: 0.3rem; font-size: 0.9rem; } }
"""


def reports_in(root: Path) -> list[dict]:
    """One entry per job recorded in a run.json under `root`, newest period first within a project."""
    entries = []
    for ledger in sorted(root.glob("*/*/run.json")):
        folder = ledger.parent
        for name, record in sorted(json.loads(ledger.read_text(encoding="utf-8")).items()):
            results_file = folder / f"{name}.results.json"
            results = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else None
            parameters = record.get("parameters", {})
            language = parameters.get("language")
            entries.append(
                {
                    "project": folder.parent.name,
                    "period": folder.name,
                    "name": name,
                    "report": record.get("report") or name.split("-")[0],
                    "language": language if name.endswith(f".{language}") else None,  # not the project's language
                    "unit": parameters.get("unit"),
                    "status": record.get("status"),
                    "reason": record.get("reason", ""),
                    "files": [f for f in (f"{name}.html", f"{name}.pdf") if (folder / f).exists()],
                    "summary": results["summary"] if results else None,
                }
            )
    return sorted(entries, key=lambda e: (e["project"], -int(e["period"][:4]), e["name"]))


def index_html(entries: list[dict]) -> str:
    parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Reports</title>', f"<style>{STYLE}</style></head><body>"]
    parts.append("<h1>Reports</h1>")
    for project in dict.fromkeys(e["project"] for e in entries):
        parts.append(f'<h2>{escape(project)}</h2><div class="scroll"><table><thead><tr>')
        parts.append("".join(f'<th scope="col">{h}</th>' for h in ("Period", "Report", "Unit", "Criteria met", "Last run", "Files")))
        parts.append("</tr></thead><tbody>")
        for e in (e for e in entries if e["project"] == project):
            summary = e["summary"]
            met = f"{summary['met']} of {summary['criteria']}" if summary else ""
            state = '<span class="failed">failed: ' + escape(e["reason"]) + "</span>" if e["status"] == "failed" else "ok"
            links = " ".join(f'<a href="{escape(project)}/{escape(e["period"])}/{escape(f)}">{escape(f.rsplit(".", 1)[1].upper())}</a>' for f in e["files"])
            report = f"{e['report']} ({e['language']})" if e["language"] else e["report"]
            cells = (e["period"], report, e["unit"] or "", met)
            parts.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + f"<td>{state}</td><td>{links}</td></tr>")
        parts.append("</tbody></table></div>")
    if not entries:
        parts.append("<p>No reports yet: run <code>evalreport run --all</code>.</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_index(root: Path) -> Path:
    path = root / "index.html"
    write_atomically(path, index_html(reports_in(root)))
    return path
