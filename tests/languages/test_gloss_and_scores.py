"""The English gloss (cross-lingual matching and the views) and the language scorers."""

from __future__ import annotations

from foreigndesk.analyze.gloss import english_number, gloss
from foreigndesk.evaluation.languages import score
from foreigndesk.model import Claim, Document, Extraction, Mention, TimeValue


def test_figures_written_the_english_way():
    assert english_number(18529) == "18,529" and english_number(2023) == "2023"
    assert english_number(1e8) == "100 million"
    assert english_number(1.2e9) == "1.2 billion"
    assert "8529" in gloss("la pandemia dejó 8.529 fallecidos", "es")
    assert "100 million dollars" in gloss("China donó 100 millones de dólares", "es")
    assert "100 million dollars" in gloss("中国捐赠了1亿美元", "zh")
    assert "50 million" in gloss("5000万元人民币", "zh")


def test_actor_names_and_terms_glossed():
    g = gloss("El gobierno cubano denunció el bloqueo de Pekín", "es")
    assert "the Cuban government" in g and "Beijing" in g and "blockade" in g
    g = gloss("古巴政府谴责美国的封锁", "zh")
    assert "the Cuban government" in g and "the United States" in g and "blockade" in g
    assert gloss("The same text.", "en") == "The same text."
    assert gloss("Le même texte.", "fr") == "Le même texte."  # no word lists: unchanged


def test_scores_count_what_the_gold_says():
    text = "Pekín afirmó el martes que ayudará."
    doc = Document(text=text, published="2023-02-09", language="es")
    ex = Extraction(doc)
    ex.mentions.append(Mention(doc.id, 0, 0, 5, "Pekín", country="CHN", sector="GOV"))
    ex.times.append(TimeValue(doc.id, 0, 13, 22, "el martes", value="2023-02-07"))
    ex.claims.append(Claim(doc.id, 0, 0, len(text), text, speaker_code="CHNGOV",
                           content="ayudará"))
    gold = [{"id": "t", "text": text, "published": "2023-02-09",
             "times": [["el martes", "2023-02-07"]], "actors": [["Pekín", "CHNGOV"]],
             "claims": [["CHNGOV", "ayudará"], ["CUBGOV", "ayudará"]],
             "events": [["CHNGOV", "070", "CUB"]]}]
    r = score(gold, [ex])
    assert r["time value accuracy"] == 1.0 and r["actor accuracy"] == 1.0
    assert r["claim recall with speaker"] == 0.5  # the second gold claim has another speaker
    assert r["event recall"] == 0.0 and len(r["misses"]) == 2
