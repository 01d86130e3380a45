"""The Chinese pipeline (jieba segmentation, data/zh/) on sentences whose answers are known."""

from __future__ import annotations

from foreigndesk.extract.pipeline import extract
from foreigndesk.model import Document


def _one(text: str, published: str = "2023-03-15"):
    return next(iter(extract([Document(text=text, published=published, language=None)])))


def test_time_actors_figures_claims_events():
    ex = _one("外交部发言人汪文斌指出，美国上周五宣布对古巴政府实施新的制裁。"
              "2022年12月1日，中国向委内瑞拉捐赠了2000万美元。去年死亡人数为35人死亡。")
    assert ex.document.language == "zh"
    times = {t.text: t.value for t in ex.times}
    assert times["上周五"] == "2023-03-10"  # Friday of the week before 2023-03-15 (Wednesday)
    assert times["2022年12月1日"] == "2022-12-01"
    assert times["去年"] == "2022"
    codes = {m.text: m.code for m in ex.mentions}
    assert codes["汪文斌"] == "CHNGOV" and codes["古巴政府"] == "CUBGOV"
    assert codes["委内瑞拉"] == "VEN" and codes["美国"] == "USA"
    money = [q for q in ex.quantities if q.kind == "money"]
    assert money and money[0].value == 20_000_000 and money[0].unit == "USD"
    assert any(q.kind == "deaths" and q.value == 35 for q in ex.quantities)
    claim = ex.claims[0]
    assert claim.speaker_code == "CHNGOV" and claim.cue == "指出"
    assert claim.content.startswith("美国上周五宣布")
    events = {(e.source_code, e.code, e.target_code) for e in ex.events}
    assert ("USA", "163", "CUBGOV") in events
    assert ("CHN", "071", "VEN") in events


def test_according_to_report():
    ex = _one("据环球时报报道，俄罗斯明年将向古巴提供石油。", "2023-06-01")
    c = ex.claims[0]
    assert c.speaker_text == "环球时报" and c.speaker_code == "CHNMED"
    assert c.content == "俄罗斯明年将向古巴提供石油"
