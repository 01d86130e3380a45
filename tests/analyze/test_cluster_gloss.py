"""The claim index keeps the text each content is compared on (a claim in another language:
its English gloss), so an update reads the older contents it compares with without glossing
them again: adding an English claim to a store of Chinese claims does not start the Chinese
segmenter. A store indexed before that text was kept gets it filled as the update reads its
contents, with the clusters of the whole-store computation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from foreigndesk.analyze.clusters import CENTRE_MIN
from foreigndesk.analyze.refresh import refresh
from foreigndesk.store import Store
from foreigndesk.store.claim_index import ClaimIndex
from foreigndesk.store.transaction import write_transaction
from tests.analyze.test_clusters import add_doc
from tests.analyze.test_incremental import full_clusters, stored_clusters

ZH = [("Mao Ning", "中国将继续向古巴提供粮食援助"),
      ("Mao Ning", "中国坚决反对美国对古巴的封锁"),
      ("Wang Yi", "中国和古巴将扩大贸易合作")]
EN = [("Ned Price", "China will keep sending food aid to Cuba"),
      ("Bruno Rodriguez", "China and Cuba will expand their trade cooperation")]
LATER = [("Ned Price", "China opposes the blockade of Cuba by the United States"),
         ("Bruno Rodriguez", "Cuba thanked China for the food aid")]

PROBE = """
import sys
from foreigndesk.analyze.refresh import refresh
from foreigndesk.store import Store
from foreigndesk.store.claim_index import ClaimIndex
from foreigndesk.store.transaction import write_transaction
from tests.analyze.test_clusters import add_doc
store = Store.open(sys.argv[1])
add_doc(store, [("Ned Price", "China opposes the blockade of Cuba by the United States")],
        published="2024-03-05")
refresh(store)
store.close()
print("JIEBA:" + str("jieba" in sys.modules))
"""


def _store(path: str) -> Store:
    """Chinese and English claims, more contents than CENTRE_MIN (a smaller index is
    rebuilt whole at each update)."""
    store = Store.open(str(path))
    for k, claim in enumerate(ZH):
        add_doc(store, [claim], published=f"2024-03-0{k + 1}", language="zh")
    add_doc(store, EN, published="2024-03-04")
    others = [("Lula", f"{who} {what}") for who in ("Brazil", "Mexico", "Russia", "Venezuela")
              for what in ("signed a grain agreement with Argentina",
                           "will build a port in the Caribbean", "condemned the coup attempt",
                           "sent rescue teams after the earthquake",
                           "raised its tariffs on steel")]
    assert len(ZH) + len(EN) + len(others) > CENTRE_MIN
    add_doc(store, others, published="2024-03-04")
    refresh(store)
    return store


def test_an_english_claim_does_not_gloss_the_stored_chinese_ones(db_url: str) -> None:
    path = db_url
    store = _store(path)
    assert all(r["matching"] for r in store.query("SELECT matching FROM claim_contents"))
    store.close()
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                          text=True, timeout=300, cwd=Path(__file__).resolve().parents[2])
    assert "JIEBA:False" in done.stdout, done.stdout + done.stderr
    store = Store.open(str(path))
    assert stored_clusters(store) == full_clusters(store)
    store.close()


def test_contents_indexed_without_their_matching_text_get_it(db_url: str) -> None:
    store = _store(db_url)
    kept = {r["id"]: r["matching"] for r in store.query("SELECT id, matching FROM claim_contents")}
    with write_transaction(store):  # an index made before migration 013
        ClaimIndex(store).set_matching([(None, i) for i in kept])
    for k, claim in enumerate(LATER):
        add_doc(store, [claim], published=f"2024-03-1{k}")
    refresh(store)
    assert stored_clusters(store) == full_clusters(store)
    now = {r["id"]: r["matching"] for r in store.query("SELECT id, matching FROM claim_contents")}
    assert all(now[i] == text for i, text in kept.items() if now[i] is not None)
    assert any(now[i] is not None for i in kept)  # those the update compared with
    store.close()
