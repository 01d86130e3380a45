"""A store written by hand (no extraction), so every exported value has a known answer.

Two documents; actors: China (state), the Cuban government, Xi Jinping (person), Sherritt
(organisation); events:

1. CHN -> CUBGOV 042 (make a visit), 2023-02-10, in Havana (23.1136, -82.3666), Goldstein 1.9,
   quad 1, reported by both documents (one real-world event, two mentions);
2. CUBGOV -> CHN 057 (sign formal agreement), 2023-02 (month), Goldstein 8.0, quad 1;
3. person:xi-jinping -> CUBGOV 1056 (demand ...) -- a code below its root, quad 3, -5.0, day;
4. CHN -> org:sherritt 163 (embargo), undated, quad 4, -8.0;
5. CUBGOV -> CHN 036 on 2022-11-25, modality "negated".
"""

from __future__ import annotations

from pathlib import Path

from foreigndesk.model import Actor, Document, Event, Extraction, Place, Sentence
from foreigndesk.store import Store

HAVANA = (23.1136, -82.3666)
ACTORS = {
    "CHN": Actor("CHN", "China", "state", country="CHN"),
    "CUBGOV": Actor("CUBGOV", "Government of Cuba", "government", country="CUB", sector="GOV"),
    "person:xi-jinping": Actor("person:xi-jinping", "Xi Jinping", "person", country="CHN",
                               sector="GOV"),
    "org:sherritt": Actor("org:sherritt", "Sherritt", "organisation", country="CAN",
                          sector="BUS"),
}
DOC1_SENTENCES = [
    "China's foreign minister visited Havana on February 10, 2023.",
    "Cuba signed an agreement with China in February.",
    "Xi Jinping demanded that Cuba open its ports.",
]
DOC2_SENTENCES = [
    "The Chinese minister's visit to Havana was reported widely.",
    "China imposed an embargo on Sherritt.",
    "Cuba did not meet China in November.",
]


def _doc(sentences: list[str], **meta: str) -> tuple[Document, list[Sentence]]:
    text = " ".join(sentences)
    d = Document(text=text, **meta)  # type: ignore[arg-type]
    out, pos = [], 0
    for i, s in enumerate(sentences):
        start = text.index(s, pos)
        out.append(Sentence(d.id, i, start, start + len(s), s))
        pos = start + len(s)
    return d, out


def _event(d: Document, sents: list[Sentence], i: int, **kw) -> Event:
    s = sents[i]
    code = kw.pop("code")
    return Event(doc_id=d.id, sentence=i, start=s.start, end=s.end, text=s.text, code=code,
                 root=code[:2], extractor="test", version="1", **kw)


def make_store(path: Path) -> Path:
    d1, s1 = _doc(DOC1_SENTENCES, title="Wang Yi in Havana", outlet="Example Times",
                  published="2023-02-11", url="https://example.org/one")
    d1.pages = [(0, 1), (s1[2].start, 2)]  # the third sentence stands on page 2
    d2, s2 = _doc(DOC2_SENTENCES, title="Reactions", outlet="Example Post",
                  published="2023-02-12", url="https://example.net/two")
    visit = dict(source_actor="CHN", source_code="CHN", target_actor="CUBGOV",
                 target_code="CUBGOV", code="042", quad_class=1, goldstein=1.9,
                 date="2023-02-10", date_precision="day", date_source="text", place="Havana",
                 place_country="CUB", lat=HAVANA[0], lon=HAVANA[1])
    start = d1.text.index("Havana")
    havana = Place(d1.id, 0, start, start + 6, "Havana", extractor="test", version="1",
                   name="Havana", country="CUB", lat=HAVANA[0], lon=HAVANA[1], feature="city",
                   gazetteer_id="geonames:3553478")
    ex1 = Extraction(d1, sentences=s1, actors=dict(ACTORS), places=[havana], events=[
        _event(d1, s1, 0, **visit),
        _event(d1, s1, 1, source_actor="CUBGOV", source_code="CUBGOV", target_actor="CHN",
               target_code="CHN", code="057", quad_class=1, goldstein=8.0, date="2023-02",
               date_precision="month", date_source="text"),
        _event(d1, s1, 2, source_actor="person:xi-jinping", source_code="CHNGOV",
               target_actor="CUBGOV", target_code="CUBGOV", code="1056", quad_class=3,
               goldstein=-5.0, date="2023-02-11", date_precision="day",
               date_source="document"),
    ])
    ex2 = Extraction(d2, sentences=s2, actors=dict(ACTORS), events=[
        _event(d2, s2, 0, **visit),
        _event(d2, s2, 1, source_actor="CHN", source_code="CHN", target_actor="org:sherritt",
               target_code="CANBUS", code="163", quad_class=4, goldstein=-8.0, date=None,
               date_precision=None, date_source="none"),
        _event(d2, s2, 2, source_actor="CUBGOV", source_code="CUBGOV", target_actor="CHN",
               target_code="CHN", code="036", quad_class=1, goldstein=4.0, date="2022-11-25",
               date_precision="day", date_source="text", modality="negated"),
    ])
    with Store.open(path) as store:
        assert store.add(ex1) and store.add(ex2)
    return path
