"""Entities cut at a headline's verb.

In a headline written in title case ("FACT SHEET: Biden-Harris Administration Announces New
Actions …", "Pentagon Confirms Chinese Spy Balloon Over Montana", "Trump Says His
Obamacare Replacement …") the small model's entity runs on over the capitalised verb:
"Biden-Harris Administration Announces New Actions" became an organisation, the speaker of
the headline's claim and an actor of its own. This component, right after the NER, ends
such an entity before a capitalised third-person form of a listed verb
(``data/en/headline_verbs.yaml``) that is not its first word; the words from the verb on are
no entity.
"""

from __future__ import annotations

import functools
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from foreigndesk.built_cache import load_yaml

# the names of agents and places a headline's verb may run into (not titles of works: "The
# X-Files")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def third_person(verb: str) -> str:
    """ "announce" -> "announces", "try" -> "tries", "push" -> "pushes", "go" -> "goes"."""
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    return verb + "s"


@functools.lru_cache(maxsize=1)
def headline_verb_forms() -> frozenset[str]:
    """The third-person forms of the listed headline verbs, lower case."""
    raw = load_yaml(resources.files("foreigndesk").joinpath("data/en/headline_verbs.yaml")
                    .read_text(encoding="utf-8"))
    return frozenset(third_person(str(v).lower()) for v in raw.get("verbs") or [])


def _cut(doc: Doc, ent: Span, forms: frozenset[str]) -> int | None:
    """The token at which ``ent`` ends: a capitalised listed verb form after its first word."""
    for k in range(ent.start + 1, ent.end):
        t = doc[k]
        if t.text[:1].isupper() and not t.is_upper and t.lower_ in forms:
            return k
    return None


@Language.component("foreigndesk_headline_entities")
def headline_entities(doc: Doc) -> Doc:
    """Entities of ``doc`` ended before a headline's verb (see the module docstring)."""
    forms = headline_verb_forms()
    out: list[Span] = []
    dropped: list[Span] = []
    for ent in doc.ents:
        k = _cut(doc, ent, forms) if len(ent) > 1 and ent.label_ in NAME_LABELS else None
        if k is None:
            out.append(ent)
            continue
        out.append(Span(doc, ent.start, k, label=ent.label_))
        dropped.append(doc[k:ent.end])
    if dropped:
        doc.set_ents(out, outside=dropped, default="unmodified")
    return doc
