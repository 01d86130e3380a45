"""Transcribe GDELT's CAMEO event-code tables into src/foreigndesk/data/cameo/codes.tsv.

Usage::

    python tools/transcribe_gdelt_cameo.py DIR [OUT]

DIR holds GDELT's published lookups ``CAMEO.eventcodes.txt`` (code -> description) and
``CAMEO.goldsteinscale.txt`` (code -> Goldstein score), as distributed at
http://data.gdeltproject.org/documentation/. The output has one row per code with its name,
its QuadClass (GDELT's grouping of the root codes: 01-05 verbal cooperation, 06-09 material
cooperation, 10-14 verbal conflict, 15-20 material conflict) and its Goldstein score.

The transcription fixes one mis-encoded description (044 "Meet at a third location") and
strips trailing blanks; nothing else is changed. The committed file is data; this script
documents how it was made and can regenerate it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """\
# CAMEO event codes with their names, QuadClass and Goldstein scores.
# Source: GDELT Project, CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt
# (http://data.gdeltproject.org/documentation/), published lookup tables of the CAMEO
# codebook (Schrodt, Gerner et al.) and the Goldstein (1992) conflict-cooperation scale.
# Transcribed by tools/transcribe_gdelt_cameo.py. QuadClass follows GDELT: 1 verbal
# cooperation (roots 01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
# 4 material conflict (15-20).
"""

FIXES = {"044": "Meet at a third location"}


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _table(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines[1:]:
        if not line.strip():
            continue
        code, _, value = line.partition("\t")
        out[code.strip()] = " ".join(value.split())
    return out


def transcribe(src: Path) -> str:
    names = _table(src / "CAMEO.eventcodes.txt")
    scores = _table(src / "CAMEO.goldsteinscale.txt")
    rows = [HEADER + "code\tname\tquad_class\tgoldstein"]
    for code, name in names.items():
        name = FIXES.get(code, name)
        rows.append(f"{code}\t{name}\t{quad_class(code)}\t{float(scores[code]):.1f}")
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    out = Path(argv[1]) if len(argv) > 1 else (
        Path(__file__).resolve().parents[1] / "src/foreigndesk/data/cameo/codes.tsv")
    out.write_text(transcribe(Path(argv[0])), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
