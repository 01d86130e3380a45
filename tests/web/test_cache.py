"""The view cache is bounded by size: a huge result is not kept, and the total stays under
its budget, whatever the results weigh."""

from __future__ import annotations

from foreigndesk.web import cache
from tests.conftest import connect


def test_cache_keeps_small_results_and_serves_them(db_url) -> None:
    connect(db_url).close()
    calls = []

    def compute() -> list[int]:
        calls.append(1)
        return [1, 2, 3]

    assert cache.memo(db_url, "k", compute) == [1, 2, 3]
    assert cache.memo(db_url, "k", compute) == [1, 2, 3]
    assert len(calls) == 1
    conn = connect(db_url)  # a write to the store makes the entry stale
    conn.execute("INSERT INTO meta(key, value) VALUES ('cache test', 'a write')")
    conn.commit()
    conn.close()
    cache.memo(db_url, "k", compute)
    assert len(calls) == 2


def test_a_result_too_large_is_not_kept(tmp_path) -> None:
    db = tmp_path / "s.db"
    db.write_bytes(b"x")
    big = [{"sentence": f"{i:06d}" + "x" * 1000, "i": i} for i in range(20_000)]  # ~20+ MB
    assert cache.approx_size(big) > cache.MAX_ENTRY_BYTES
    calls = []

    def compute() -> list[dict]:
        calls.append(1)
        return big

    cache.memo(str(db), "big", compute)
    cache.memo(str(db), "big", compute)
    assert len(calls) == 2


def test_the_total_stays_under_the_budget(tmp_path) -> None:
    db = tmp_path / "s.db"
    db.write_bytes(b"x")
    kept = []
    for i in range(20):  # ~10 MB of distinct strings each
        cache.memo(str(db), ("chunk", i), lambda i=i: [f"{i}-{j}" + "y" * 1000
                                                        for j in range(10_000)])
        entries, held = cache.held()
        assert held <= cache.MAX_BYTES
        kept.append(entries)
    assert max(kept) < 20 and kept[-1] <= kept[-2]  # old entries left to make room
