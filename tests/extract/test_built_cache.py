"""The on-disk cache of built dictionaries: a second start loads what the first built, and a
changed data file (or a cache that cannot be used) builds again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from foreigndesk import built_cache


def test_a_changed_data_file_invalidates_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(built_cache.ENV, str(tmp_path / "cache"))
    data = tmp_path / "words.tsv"
    data.write_text("alpha\t1\nbeta\t2\n", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {k: int(v) for k, v in (line.split("\t") for line in
                                        data.read_text(encoding="utf-8").splitlines())}

    assert built_cache.cached("words", [data], build) == {"alpha": 1, "beta": 2}
    assert built_cache.cached("words", [data], build) == {"alpha": 1, "beta": 2}
    assert len(builds) == 1  # the second call loaded the pickle
    data.write_text("alpha\t1\nbeta\t3\n", encoding="utf-8")  # same size, other bytes
    assert built_cache.cached("words", [data], build) == {"alpha": 1, "beta": 3}
    assert len(builds) == 2
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == 1  # the old one is gone


def test_a_broken_pickle_or_an_unwritable_cache_builds_again(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(built_cache.ENV, str(folder))
    data = tmp_path / "d.txt"
    data.write_text("x", encoding="utf-8")
    assert built_cache.cached("d", [data], lambda: [1]) == [1]
    (pickled,) = folder.glob("d-*.pickle")
    pickled.write_bytes(b"\x80\x05truncated")
    assert built_cache.cached("d", [data], lambda: [2]) == [2]
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(built_cache.ENV, str(blocker / "cache"))  # a path under a file
    assert built_cache.cached("d", [data], lambda: [3]) == [3]
    monkeypatch.setenv(built_cache.ENV, "off")
    assert built_cache.cached("d", [data], lambda: [4]) == [4]


def test_the_actor_index_comes_from_the_cache_and_follows_its_data(tmp_path):
    """In fresh interpreters: the first start builds the actor index and stores it, the
    second loads it and finds the same actor; the key covers every file of data/actors."""
    env_cache = str(tmp_path / "cache")
    probe = (
        "import sys, time\n"
        "from foreigndesk.extract import actor_data\n"
        "t = time.perf_counter()\n"
        "ix = actor_data.load_index()\n"
        "print([e.actor_id for e in ix.lookup(sys.argv[1])])\n")

    def run(name: str) -> list[str]:
        out = subprocess.run([sys.executable, "-c", probe, name], check=True, text=True,
                             capture_output=True, env={**_env(), built_cache.ENV: env_cache})
        return out.stdout.split("]")[0].strip("[").replace("'", "").split(", ")

    first = run("Xi Jinping")
    assert first and first[0]
    assert len(list(Path(env_cache).glob("actors-*.pickle"))) == 1
    assert run("Xi Jinping") == first
    from foreigndesk.extract.actor_data import _files

    files = [f for _rank, f in _files()]
    copies = []
    for f in files:
        p = tmp_path / "actors" / f.name
        p.parent.mkdir(exist_ok=True)
        p.write_bytes(f.read_bytes())
        copies.append(p)
    assert built_cache.key("actors", copies) == built_cache.key("actors", files)
    copies[-1].write_bytes(copies[-1].read_bytes() + b"\n")
    assert built_cache.key("actors", copies) != built_cache.key("actors", files)


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != built_cache.ENV}
