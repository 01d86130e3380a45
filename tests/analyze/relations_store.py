"""A small hand-checked store for the relations and events tests: news events written through
the real Store (with its cross-document dedup), GDELT rows and UN votes through the real
importers (fixtures in tests/fixtures/gdelt and tests/fixtures/unvotes).

News events (directed CHN -> CUB unless said):

| doc | event | code | quad | Goldstein | date | modality |
|---|---|---|---|---|---|---|
| A | CHNGOV signs with CUBGOV | 057 | 1 | 8.0 | 2022-03-09 | asserted |
| B | the same signing, reported again | 057 | 1 | 8.0 | 2022-03-09 | asserted |
| A | CHN accuses CUB | 112 | 3 | -2.0 | 2022-05-01 | asserted |
| A | CHN did not provide aid to CUB | 070 | 2 | 7.0 | 2022-06 | negated |
| B | CUBGOV visits CHNGOV (CUB -> CHN) | 042 | 1 | 1.9 | 2023-01-15 | asserted |
| B | CHN uses force against CUB | 190 | 4 | -10.0 | 2023 (year only) | asserted |

Expected CHN -> CUB by year (the negated aid is never counted): 2022: 2 events (the signing
once, with 2 reports, and the accusation), Q1 1, Q3 1, Goldstein sum 6, mean 3, cooperation
share 1/2; 2023: 1 event (Q4), sum -10, mean -10, share 0. Undirected 2023: 2 events, sum
-8.1, mean -4.05, share 1/2. Every year rests on fewer than 3 events: all are thin.
"""

from __future__ import annotations

from pathlib import Path

from foreigndesk.model import Document, Event, Extraction, Sentence
from foreigndesk.store import Store
from tests.conftest import FIXTURES, run_cli

DOC_A = ("China and Cuba signed a cooperation agreement in Havana on Wednesday.\n"
         "Beijing accused Havana of delays on May 1.\n"
         "China did not provide the promised aid in June.")
DOC_B = ("Officials confirmed that China and Cuba signed the agreement on March 9.\n"
         "The Cuban president visited Beijing on January 15.\n"
         "China used force against Cuba that year, a report said.")

SPEC_A = [  # sentence, source, target, code, quad, goldstein, date, precision, modality
    (0, "CHNGOV", "CUBGOV", "057", 1, 8.0, "2022-03-09", "day", "asserted"),
    (1, "CHN", "CUB", "112", 3, -2.0, "2022-05-01", "day", "asserted"),
    (2, "CHN", "CUB", "070", 2, 7.0, "2022-06", "month", "negated"),
]
SPEC_B = [
    (0, "CHNGOV", "CUBGOV", "057", 1, 8.0, "2022-03-09", "day", "asserted"),
    (1, "CUBGOV", "CHNGOV", "042", 1, 1.9, "2023-01-15", "day", "asserted"),
    (2, "CHN", "CUB", "190", 4, -10.0, "2023", "year", "asserted"),
]


def _extraction(text: str, published: str, outlet: str, url: str, spec: list) -> Extraction:
    doc = Document(text=text, title=f"{outlet} report", outlet=outlet, published=published,
                   url=url)
    ex = Extraction(doc)
    start = 0
    spans = []
    for i, line in enumerate(text.split("\n")):
        ex.sentences.append(Sentence(doc.id, i, start, start + len(line), line, "test", "1"))
        spans.append((start, start + len(line), line))
        start += len(line) + 1
    for sent, src, tgt, code, quad, gs, date, prec, modality in spec:
        s, e, line = spans[sent]
        ex.events.append(Event(doc.id, sent, s, e, line, "test", "1", source_code=src,
                               target_code=tgt, code=code, root=code[:2], quad_class=quad,
                               goldstein=gs, date=date, date_precision=prec, date_source="text",
                               modality=modality, trigger=line.split()[2]))
    return ex


def build(db: Path) -> Path:
    """Write the news events, import the GDELT and UN votes fixtures; return ``db``."""
    with Store.open(db) as store:
        assert store.add(_extraction(DOC_A, "2022-03-10", "Outlet A",
                                     "https://a.example.org/1", SPEC_A))
        assert store.add(_extraction(DOC_B, "2023-02-01", "Outlet B",
                                     "https://b.example.org/2", SPEC_B))
    run_cli("import", "gdelt", str(FIXTURES / "gdelt" / "gdelt2_sample.export.CSV"),
            "--db", str(db), ok=False)  # one bad row on purpose
    run_cli("import", "unvotes", str(FIXTURES / "unvotes"), "--db", str(db), "--quiet")
    return db
