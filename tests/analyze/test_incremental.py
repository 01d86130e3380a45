"""The analyses updated after each batch of an ingest give the facts of the whole-store
computation: reuse passages (spans, scores, directions) and claim clusters (members, cluster
ids, similarities) and echoes.

Corpora: the example corpus and the dossier, extracted by the real pipeline once and stored
in several batches in a shuffled order; and generated corpora built so that the rare paths
run (shingles and features turning common, first claims replaced by earlier ones, the
centre of the embeddings moving)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from foreigndesk.analyze import cluster_update
from foreigndesk.analyze.cluster_update import settle
from foreigndesk.analyze.clusters import cluster_claims, cluster_rows, echo_rows
from foreigndesk.analyze.refresh import refresh
from foreigndesk.analyze.reuse import ReuseConfig, find_reuse, texts_of
from foreigndesk.analyze.reuse_update import update_reuse
from foreigndesk.ingest import ReadError, read_paths
from foreigndesk.model import Document, Extraction
from foreigndesk.store import Store
from tests.analyze.test_clusters import add_doc

REPO = Path(__file__).resolve().parents[2]
DOSSIER = REPO.parent / "shared" / "corpus" / "china-cuba-dossier.txt"
_REUSE = ("earlier_doc", "earlier_start", "earlier_end", "later_doc", "later_start",
          "later_end", "earlier_text", "later_text", "score", "direction_rule")


def reuse_facts(rows: list[dict]) -> list[tuple]:
    return sorted(tuple(r[k] for k in _REUSE) for r in rows)


def stored_reuse(store: Store) -> list[tuple]:
    return reuse_facts(store.query("SELECT * FROM reuse"))


def full_reuse(store: Store, cfg: ReuseConfig | None = None) -> list[tuple]:
    return reuse_facts([r.__dict__ for r in find_reuse(texts_of(store), cfg)])


def stored_clusters(store: Store) -> list[tuple]:
    return sorted((r["claim_id"], r["cluster_id"], r["similarity"])
                  for r in store.query("SELECT * FROM claim_clusters"))


def full_clusters(store: Store, backend: str | None = None) -> list[tuple]:
    return sorted((cid, cl[0][0], s) for cl in cluster_claims(store, backend) for cid, s in cl)


@pytest.fixture(scope="module")
def corpus() -> list[Extraction]:
    """The example corpus (and the dossier when ../shared is there), extracted once."""
    from foreigndesk.run.local import ExtractError, run

    paths = [str(REPO / "examples")] + ([str(DOSSIER)] if DOSSIER.exists() else [])
    docs = [d for d in read_paths(paths) if not isinstance(d, ReadError)]
    seen: set[str] = set()
    docs = [d for d in docs if not (d.id in seen or seen.add(d.id))]  # type: ignore[func-returns-value]
    return [r for r in run(docs, workers=1) if not isinstance(r, ExtractError)]


@pytest.mark.parametrize("seed", [0, 1])
def test_batches_give_the_facts_of_one_batch_and_a_full_refresh(another_db, corpus, seed):
    one = Store.open(another_db("one"))
    for ex in corpus:
        one.add(ex)
    refresh(one)
    batched = Store.open(another_db("batched"))
    rnd = random.Random(seed)
    order = corpus[:]
    rnd.shuffle(order)
    i = 0
    while i < len(order):
        k = rnd.randint(1, 4)
        for ex in order[i:i + k]:
            batched.add(ex)
        refresh(batched)
        i += k
    # the facts of the whole-store computation, in both stores
    assert stored_reuse(one) == full_reuse(one)
    assert stored_reuse(batched) == full_reuse(batched)
    assert stored_clusters(one) == full_clusters(one)
    assert stored_clusters(batched) == full_clusters(batched)
    assert stored_reuse(one)  # the dossier's articles and its introduction share passages
    assert stored_clusters(one)

    # the same facts in both stores (claim ids differ with the order: compare by citation)
    def cited(store: Store) -> list[tuple]:
        rows = cluster_rows(store)
        first = {r["cluster"]: (r["doc_id"], r["start"]) for r in rows if r["order"] == 1}
        return sorted((first[r["cluster"]], r["doc_id"], r["start"], r["order"], r["role"],
                       r["similarity"]) for r in rows)

    def echoes(store: Store) -> list[tuple]:
        return sorted((r["doc_id"], r["start"], r["echoes"]) for r in echo_rows(store))

    assert stored_reuse(one) == stored_reuse(batched)
    assert cited(one) == cited(batched)
    assert echoes(one) == echoes(batched)
    one.close()
    batched.close()


def _texts(rnd: random.Random) -> list[tuple[str, str | None]]:
    vocab = [f"w{i}" for i in range(300)]
    passages = [" ".join(rnd.choices(vocab, k=rnd.randint(10, 30))) for _ in range(6)]
    out = []
    for _ in range(rnd.randint(15, 25)):
        parts = [" ".join(rnd.choices(vocab, k=rnd.randint(5, 40)))]
        for _ in range(rnd.randint(1, 3)):
            words = rnd.choice(passages).split()
            if rnd.random() < 0.3:
                words[rnd.randrange(len(words))] = "edit"
            parts += [" ".join(words), " ".join(rnd.choices(vocab, k=rnd.randint(3, 20)))]
        out.append((". ".join(parts), rnd.choice([None, f"2021-01-0{rnd.randint(1, 5)}",
                                                  "2021-01"])))
    return out


@pytest.mark.parametrize("seed", [0, 2, 5, 6, 7, 10, 11, 13])
def test_reuse_with_shingles_turning_into_boilerplate(db_url, tmp_path, seed):
    """Passages shared by several documents, max_df small: shingles turn into boilerplate
    between batches and the older pairs they seeded are aligned again."""
    rnd = random.Random(seed)
    cfg = ReuseConfig(max_df=rnd.randint(2, 4))
    store = Store.open(db_url)
    texts = _texts(rnd)
    i = 0
    while i < len(texts):
        k = rnd.randint(1, 5)
        for text, published in texts[i:i + k]:
            store.add(Extraction(document=Document(text=text, published=published)))
        update_reuse(store, cfg)
        i += k
    got = stored_reuse(store)
    assert got == full_reuse(store, cfg)
    assert got
    assert store.query("SELECT count(*) AS n FROM reuse_boilerplate")[0]["n"] > 0
    store.close()


_SUBJECTS = ["China", "Cuba", "the United States", "Russia", "Brazil", "the ministry",
             "Beijing", "Havana"]
_VERBS = ["will expand trade with", "condemned the embargo against", "signed an agreement with",
          "sent aid to", "rejected the sanctions on", "will not accept interference from",
          "praised the cooperation with"]
_OBJECTS = ["Cuba", "China", "Venezuela", "the European Union", "Mexico", "its neighbours"]
_TAILS = ["", " this year", " by 20 percent", " on Monday", " despite the pressure",
          " in the energy sector", " after talks in Havana"]
_SPEAKERS = ["Wang Wenbin", "Bruno Rodriguez", "Ned Price", "Lula", "Mao Ning"]


@pytest.mark.parametrize("seed", [0, 2])
def test_clusters_of_many_similar_claims_in_batches(db_url, tmp_path, seed):
    """Claims built from a few subjects, verbs and objects: features turn common (more
    than MAX_DF contents), undated and earlier-dated documents arrive late (first claims
    change), and each batch moves the centre of the embeddings."""
    rnd = random.Random(seed)
    store = Store.open(db_url)
    for _ in range(rnd.randint(130, 160)):
        claims = [(rnd.choice(_SPEAKERS), f"{rnd.choice(_SUBJECTS)} {rnd.choice(_VERBS)} "
                   f"{rnd.choice(_OBJECTS)}{rnd.choice(_TAILS)}")
                  for _ in range(rnd.randint(1, 3))]
        add_doc(store, claims, published=rnd.choice(
            [None, f"2023-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"]))
        if rnd.random() < 0.3:
            refresh(store)
    refresh(store)
    got = stored_clusters(store)
    assert got == full_clusters(store)
    assert len({c for _m, c, _s in got}) >= 5
    assert store.query("SELECT count(*) AS n FROM claim_common_features")[0]["n"] > 0
    store.close()


@pytest.mark.parametrize(("seed", "recentre"), [(1, None), (3, 4)])
def test_clusters_after_every_update_and_from_a_store_without_roots(db_url, seed, recentre,
                                                                    monkeypatch):
    """The clusters after every update are the whole store's, though an update rewrites
    only the clusters that changed (the others keep their rows) and reads the merge checks
    it made before; a store indexed before the roots and the count of contents were kept
    (roots unknown, no count) gets them on its next updates, with the same clusters. With
    ``recentre`` the reference centre of the due distances moves whenever more than that
    many centred checks are due (the path a large store takes now and then)."""
    if recentre is not None:
        monkeypatch.setattr(cluster_update, "RECENTRE", recentre)
    rnd = random.Random(seed)
    store = Store.open(db_url)
    updates = 0
    for n in range(rnd.randint(80, 90)):
        claims = [(rnd.choice(_SPEAKERS), f"{rnd.choice(_SUBJECTS)} {rnd.choice(_VERBS)} "
                   f"{rnd.choice(_OBJECTS)}{rnd.choice(_TAILS)}")
                  for _ in range(rnd.randint(1, 3))]
        add_doc(store, claims, published=rnd.choice(
            [None, f"2023-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"]))
        if n == 40:  # as a store indexed before migration 015
            refresh(store)
            store.conn.execute("UPDATE claim_contents SET root = 0 WHERE id IN (SELECT a FROM "
                               "claim_edges WHERE active = 1 UNION SELECT b FROM claim_edges "
                               "WHERE active = 1)")
            store.conn.execute("DELETE FROM meta WHERE key = 'cluster_contents'")
            if seed == 3:  # settled at once: every component clustered, the same clusters
                assert settle(store) > 0
                assert store.query("SELECT count(*) AS n FROM claim_contents "
                                   "WHERE root = 0")[0]["n"] == 0
                assert stored_clusters(store) == full_clusters(store)
        if rnd.random() < 0.25:
            refresh(store)
            updates += 1
            assert stored_clusters(store) == full_clusters(store)
    refresh(store)
    assert stored_clusters(store) == full_clusters(store)
    assert updates >= 12
    n_contents = store.query("SELECT count(*) AS n FROM claim_contents")[0]["n"]
    assert store.query("SELECT value FROM meta WHERE key = 'cluster_contents'")[0]["value"] \
        == str(n_contents)
    # the contents clustered since are given their root (NULL: their own)
    assert store.query("SELECT count(*) AS n FROM claim_contents WHERE root > 0")[0]["n"] > 0
    store.close()
