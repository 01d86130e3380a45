"""Hostile and broken inputs, written into a directory for the fuzz test and ``bench/fuzz.py``.

Every generator writes one file (or link) and says what a correct ``ingest`` does with it:
``"fail"``: exactly one line on stderr naming the file, nothing stored from it;
``"store"``: stored (a hostile shape that cleaning makes harmless: lone surrogates, NUL bytes
deep inside, a sentence of thousands of words), no line;
``"either"``: stored, or one line saying why not (a document that may exceed its time budget
on a slow machine). Whatever the verdict, the batch goes on and nothing raises.
Good files (:func:`good_file`) are small real-looking articles whose facts are known.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

STATES = ["Chile", "Peru", "Norway", "Kenya", "Japan", "Brazil", "Ghana", "Canada", "Egypt",
          "Vietnam", "Mexico", "Poland", "Cuba", "China", "India", "Spain"]
SENTENCE = "Officials from {a} met their counterparts from {b} in the capital on Monday."

Generator = Callable[[Path, random.Random, int], str]


def _prose(rng: random.Random, n: int) -> str:
    return " ".join(SENTENCE.format(a=rng.choice(STATES), b=rng.choice(STATES)) for _ in range(n))


def deep_json(d: Path, rng: random.Random, i: int) -> str:
    n = rng.randint(3000, 20000)
    (d / f"deep{i}.json").write_text("[" * n + "]" * n)
    return "fail"


def deep_jsonl(d: Path, rng: random.Random, i: int) -> str:
    n = rng.randint(3000, 20000)
    (d / f"deep{i}.jsonl").write_text('{"text": "Chile met Peru.", "x": ' + "[" * n + "]" * n + "}\n")
    return "fail"


def deep_json_object(d: Path, rng: random.Random, i: int) -> str:
    n = rng.randint(40, 900)  # under the interpreter's limit, over the reader's
    (d / f"nested{i}.json").write_text('{"text": "Chile met Peru.", "author": ' + "[" * n + '"a"'
                                       + "]" * n + "}")
    return "fail"


def deep_front_matter(d: Path, rng: random.Random, i: int) -> str:
    n = rng.randint(100, 3000)
    (d / f"deepfm{i}.txt").write_text("---\ntitle: " + "[" * n + "]" * n + "\n---\n"
                                      + _prose(rng, 3))
    return "fail"


def surrogate_json(d: Path, rng: random.Random, i: int) -> str:
    text = _prose(rng, 2) + f" Code \\ud800 and \\udfff{i} end."
    (d / f"surrogate{i}.json").write_text('{"text": "' + text + '", "title": "t\\udc80"}')
    return "store"


def surrogate_feed(d: Path, rng: random.Random, i: int) -> str:
    (d / f"surrogate{i}.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &#xD800;</title>'
        f'<item><title>Talks &#xD800; {i}</title><description>{_prose(rng, 2)} '
        '&#xDFFF; &#55296;</description></item></channel></rss>')
    return "store"


def bad_yaml_date(d: Path, rng: random.Random, i: int) -> str:
    day = rng.choice(["2023-02-30", "2021-13-45", "2022-04-31", "2023-00-10"])
    (d / f"baddate{i}.txt").write_text(f"---\ntitle: Talks\ndate: {day}\n---\n" + _prose(rng, 3))
    return "fail"


def bad_jsonl_date(d: Path, rng: random.Random, i: int) -> str:
    (d / f"baddate{i}.jsonl").write_text(json.dumps(
        {"text": _prose(rng, 2) + f" ({i})", "published": "2023-02-30"}) + "\n")
    return "fail"


def yaml_self_alias(d: Path, rng: random.Random, i: int) -> str:
    (d / f"alias{i}.txt").write_text("---\ntitle: &a [*a]\n---\n" + _prose(rng, 3))
    return "fail"


def yaml_alias_bomb(d: Path, rng: random.Random, i: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for k in range(1, 10):
        lines.append(f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]")
    (d / f"bomb{i}.txt").write_text("---\n" + "\n".join(lines) + "\ntitle: *a9\n---\n"
                                    + _prose(rng, 3))
    return "fail"


def long_token_nul(d: Path, rng: random.Random, i: int) -> str:
    """A few 70,000-character tokens with a NUL byte past the first 64 KB."""
    parts = [_prose(rng, 3)]
    for _ in range(rng.randint(2, 4)):
        parts.append("x" * 70_000)
    text = " ".join(parts)
    text = text[:66_000] + "\x00" + text[66_000:] + f" End {i}."
    (d / f"longtoken{i}.txt").write_text(text)
    return "store"


def one_line(d: Path, rng: random.Random, i: int, size: int = 200_000) -> str:
    """A text of one line (no line break at all)."""
    text = (_prose(rng, size // 75 + 1))[:size] + f" {i}."
    (d / f"oneline{i}.txt").write_text(text)
    return "either"


def long_sentence(d: Path, rng: random.Random, i: int) -> str:
    """A sentence of 50,000 tokens: no punctuation, no line break."""
    words = [rng.choice(STATES) if k % 7 == 0 else rng.choice(["talks", "met", "and", "the"])
             for k in range(50_000)]
    (d / f"longsentence{i}.txt").write_text(" ".join(words) + f" {i}")
    return "either"


def many_dates(d: Path, rng: random.Random, i: int) -> str:
    """10,000 time expressions in one file."""
    days = [f"on {rng.randint(1, 28)} March {rng.randint(1990, 2030)}" for _ in range(10_000)]
    (d / f"dates{i}.txt").write_text(f"Chile and Peru met {i} times, " + ", ".join(days) + ".")
    return "either"


def gdelt_export(d: Path, rng: random.Random, i: int) -> str:
    rows = []
    for k in range(40):
        cells = [str(400000000 + k), "20230105", "202301", "2023", "2023.0137"]
        cells += ["CHN", "CHINA", "CHN"] + [""] * 49 + [f"https://example.org/{k}"]
        rows.append("\t".join(cells))
    (d / f"export{i}.txt").write_text("\n".join(rows) + "\n")
    return "fail"


def csv_table(d: Path, rng: random.Random, i: int) -> str:
    rows = ["country,year,votes,yes,no,abstain"]
    rows += [f"{rng.choice(STATES)},{2000 + k},{k},{k},{k},{k}" for k in range(30)]
    (d / f"table{i}.dat").write_text("\n".join(rows) + "\n")
    return "fail"


def symlink_out(d: Path, rng: random.Random, i: int) -> str:
    os.symlink("/etc/passwd", d / f"passwd{i}.txt")
    return "fail"


def binary_noise(d: Path, rng: random.Random, i: int) -> str:
    (d / f"noise{i}.txt").write_bytes(bytes(rng.randrange(256) for _ in range(2000)))
    return "fail"


def truncated_json(d: Path, rng: random.Random, i: int) -> str:
    (d / f"truncated{i}.json").write_text('{"text": "' + _prose(rng, 2)[: rng.randint(5, 80)])
    return "fail"


def wrong_types(d: Path, rng: random.Random, i: int) -> str:
    value = rng.choice(["12", "null", "[1, 2]", '{"a": 1}', "true", "1e999"])
    (d / f"types{i}.json").write_text('{"text": ' + value + ', "title": ["x", {"y": 1}]}')
    return "fail"


def huge_numbers_json(d: Path, rng: random.Random, i: int) -> str:
    (d / f"numbers{i}.json").write_text('{"text": "' + _prose(rng, 2) + f' {i}", "published": '
                                        + "9" * rng.randint(20, 4000) + ', "title": 1e999}')
    return "store"


def gzip_in_txt(d: Path, rng: random.Random, i: int) -> str:
    (d / f"packed{i}.txt").write_bytes(gzip.compress(_prose(rng, 5).encode()))
    return "fail"


def controls(d: Path, rng: random.Random, i: int) -> str:
    """Control characters scattered sparsely through a text (under the binary threshold)."""
    text = list(_prose(rng, 6) + f" {i}")
    for _ in range(8):
        text.insert(rng.randrange(len(text)), rng.choice("\x01\x02\x07\x0b\x0c\x1b\x7f\x85"))
    (d / f"controls{i}.txt").write_text("".join(text))
    return "store"


def deep_html(d: Path, rng: random.Random, i: int) -> str:
    n = rng.randint(2000, 20000)
    (d / f"deep{i}.html").write_text("<html><body>" + "<div>" * n + _prose(rng, 4)
                                     + "</div>" * n + "</body></html>")
    return "either"


def bad_jsonl_mixed(d: Path, rng: random.Random, i: int) -> str:
    """One good record and one bad one: the good one is stored, the bad one is one line."""
    good = json.dumps({"text": _prose(rng, 2) + f" Mixed {i}."})
    (d / f"mixed{i}.jsonl").write_text(good + "\n" + '{"text": 5}\n')
    return "fail+store"


HOSTILE: list[Generator] = [
    deep_json, deep_jsonl, deep_json_object, deep_front_matter, surrogate_json, surrogate_feed,
    bad_yaml_date, bad_jsonl_date, yaml_self_alias, yaml_alias_bomb, long_token_nul,
    gdelt_export, csv_table, symlink_out, binary_noise, truncated_json, wrong_types,
    huge_numbers_json, gzip_in_txt, controls, bad_jsonl_mixed,
]
"""Cheap shapes: many of each in a batch."""
HEAVY: list[Generator] = [one_line, long_sentence, many_dates, deep_html]
"""Shapes that cost seconds each: a few per batch."""


def good_file(d: Path, rng: random.Random, i: int) -> tuple[str, str]:
    """A small article with a unique marker word; returns (file name, marker)."""
    a, b = rng.sample(STATES, 2)
    marker = f"Goodmark{i}"
    name = f"good{i:05d}.txt"
    (d / name).write_text(f"Date: 2023-0{1 + i % 9}-1{i % 9}\n\n{a} and {b} signed an accord "
                          f"in {a} on Monday, officials said. {marker} was the code name of the "
                          "talks.\n", encoding="utf-8")
    return name, marker


def write_batch(d: Path, n_hostile: int, n_good: int, heavy: int = 0, seed: int = 0
                ) -> tuple[dict[str, str], dict[str, str]]:
    """Write a mixed batch into ``d``: hostile files (the cheap shapes in turn, plus ``heavy``
    heavy ones) and good ones. Returns ({file name: verdict}, {good file name: marker})."""
    rng = random.Random(seed)
    d.mkdir(parents=True, exist_ok=True)
    verdicts: dict[str, str] = {}
    before = set(os.listdir(d))
    for i in range(n_hostile):
        gen = HOSTILE[i % len(HOSTILE)]
        verdict = gen(d, rng, i)
        new = set(os.listdir(d)) - before
        before |= new
        for name in new:
            verdicts[name] = verdict
    for k in range(heavy):
        gen = HEAVY[k % len(HEAVY)]
        verdict = gen(d, rng, n_hostile + k)
        new = set(os.listdir(d)) - before
        before |= new
        for name in new:
            verdicts[name] = verdict
    goods = dict(good_file(d, rng, i) for i in range(n_good))
    return verdicts, goods
