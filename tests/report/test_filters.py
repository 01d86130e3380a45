"""--actor, --since/--until and --dyad narrow the brief; checked against the store read with
sqlite3 and against the timeline command's own output."""

from __future__ import annotations

import json

import pytest

from tests.conftest import connect, run_cli
from tests.report.briefcheck import by_class, check_html_refs, html_tree

pytestmark = pytest.mark.shared


def _brief(db, tmp_path, name, *args):
    out = tmp_path / f"{name}.html"
    run_cli("report", "--db", str(db), "-o", str(out), *args)
    return html_tree(out)


def _rows(tree, section):
    return tree.xpath(f"//section[@id='{section}']//tr[@data-date]")


def _cited(tree, row):
    """(doc, sentence) of the citation in a row."""
    n = by_class(row, "a", "cite")[0].get("href").removeprefix("#ref-")
    li = tree.xpath(f"//li[@id='ref-{n}']")[0]
    return li.get("data-doc"), int(li.get("data-sentence"))


def test_since_until_narrow(dossier_db, dossier_briefs, tmp_path):
    whole = html_tree(dossier_briefs["html"])
    tree = _brief(dossier_db, tmp_path, "since", "--since", "2021", "--until", "2022-12")
    check_html_refs(tree, dossier_db)
    dates = [r.get("data-date") for r in _rows(tree, "timeline")]
    # (2022-12 is the end of 2022; a week such as 2022-W48 is in range too)
    assert dates and all(d[:4] in ("2021", "2022") for d in dates), dates
    assert len(dates) < len(_rows(whole, "timeline"))
    events = [r.get("data-date") for r in _rows(tree, "relations")]
    assert all(d and "2021" <= d[:7] <= "2022-12" for d in events), events
    # the same items as `foreigndesk timeline` gives for the range
    listed = json.loads(run_cli("timeline", "--db", str(dossier_db), "--since", "2021",
                                "--until", "2022-12", "--format", "json").output)
    assert {_cited(tree, r) for r in _rows(tree, "timeline")} <= \
        {(x["doc_id"], x["sentence_index"]) for x in listed}
    # documents in scope: published in the range, or undated
    for tr in tree.xpath("//section[@id='documents']//tr[@data-doc]"):
        date = tr.xpath("./td")[0].text_content()
        assert date == "undated" or "2021" <= date[:7] <= "2022-12", date


def test_actor_narrows(dossier_db, dossier_briefs, tmp_path):
    whole = html_tree(dossier_briefs["html"])
    tree = _brief(dossier_db, tmp_path, "usa", "--actor", "USA")
    check_html_refs(tree, dossier_db)
    conn = connect(dossier_db)
    about = {(d, s) for d, s in conn.execute(
        "SELECT doc_id, sentence FROM mentions WHERE actor_id = 'USA' OR country = 'USA'")}
    rows = _rows(tree, "timeline")
    assert rows and len(rows) < len(_rows(whole, "timeline"))
    assert all(_cited(tree, r) in about for r in rows)
    # claims: every quoted speaker's first claim is in a sentence naming the actor
    for tr in tree.xpath("//section[@id='claims']//table//tr[td]"):
        assert _cited(tree, tr) in about
    conn.close()


def test_dyad_picks_the_chart(dossier_db, tmp_path):
    tree = _brief(dossier_db, tmp_path, "dyad", "--dyad", "USA-CUB")
    h2 = tree.xpath("//section[@id='relations']/h2")[0].text_content()
    assert "United States" in h2 and "Cuba" in h2
    conn = connect(dossier_db)
    n = conn.execute("SELECT count(*) FROM events WHERE origin='news' AND ((source_country="
                     "'USA' AND target_country='CUB') OR (source_country='CUB' AND "
                     "target_country='USA'))").fetchone()[0]
    conn.close()
    assert len(tree.xpath("//section[@id='relations']//table[@class='events']//tr[td]")) == n
    assert tree.xpath("//section[@id='relations']//img/@src")[0].startswith("data:image/svg")
