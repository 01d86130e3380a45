"""Classes of claim misses and speaker errors on a PolNeAR split (use TRAIN for rules).

    .venv/bin/python tools/claims_analysis.py ../shared/eval/polnear/train --offset 0 --limit 150

Runs the real pipeline on the articles, matches claims to gold attributions as
``foreigndesk eval claims`` does, and prints counts of

- missed gold attributions (FN) by class: the gold cue's first word, whether the content is
  quoted, spans several sentences or paragraphs, whether a claim of ours overlaps it at all
  (a boundary problem) or sits in the same sentence (a second attribution there);
- wrong speakers on matched claims by class of gold Source (pronoun, relative, name, role
  noun, ...) and of our speaker (empty, pronoun, phrase, other name);
- wrong speakers by mismatch class (:func:`mismatch_class`: no speaker, pronoun left
  unresolved, resolved to a wrong antecedent, gold pronoun but our speaker elsewhere, the
  gold Source inside our content (nested), title or role not resolved, different speaker);
- false positives by cue.

``--dump FILE`` writes every item as JSON lines for grepping.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from foreigndesk.evaluation.polnear import (  # noqa: E402
    _PRONOUNS,
    _RELATIVE,
    GoldAttribution,
    match,
    read_split,
    speaker_right,
)
from foreigndesk.model import Claim, Document  # noqa: E402


def _source_class(src: str) -> str:
    low = src.strip().lower()
    if not low:
        return "none"
    if low in _RELATIVE:
        return "relative"
    if low in _PRONOUNS:
        return "pronoun:" + low
    if low[:1] and src.strip()[:1].isupper():
        return "name"
    return "noun"


_ROLE_WORDS = re.compile(r"\b(president|secretary|senator|spokes\w+|adviser|advisor|chairman|chair|"
                         r"governor|leader|official|minister|director|manager|candidate|nominee|"
                         r"speaker|chief|aide|ambassador|attorney|mayor|campaign|committee)\b", re.I)


def _is_role_noun(text: str) -> bool:
    """A role noun with no name in it ("the president", "a campaign spokesman")."""
    words = text.split()
    return bool(_ROLE_WORDS.search(text)) and not any(
        w[:1].isupper() for w in words[1:] if not _ROLE_WORDS.fullmatch(w))


def mismatch_class(c: Claim, g: GoldAttribution, text: str) -> str:
    """The class of one wrong speaker on a matched pair (the table of ``--classes``)."""
    assert g.source is not None
    gold, ours = g.source_text.strip(), (c.speaker_text or "").strip()
    glow, olow = gold.lower(), ours.lower()
    overlaps = (c.speaker_start is not None and c.speaker_end is not None
                and c.speaker_start < g.source[1] and g.source[0] < c.speaker_end)
    if not ours:
        span = text[c.speaker_start:c.speaker_end].lower() if c.speaker_start is not None else ""
        if span in _PRONOUNS:
            return "pronoun unresolved (no speaker)"
        return "no speaker" + (" (gold pronoun)" if glow in _PRONOUNS else "")
    if olow in _PRONOUNS:
        return "pronoun left as text"
    if glow in _PRONOUNS and glow not in _RELATIVE:
        if glow in ("i", "we", "me", "us", "my", "our"):
            return "gold first person (I/we)"
        return "pronoun resolved to wrong antecedent" if overlaps else "gold pronoun, our speaker elsewhere"
    if glow in _RELATIVE:
        return "gold relative pronoun"
    if overlaps:
        return "span overlaps gold (scorer boundary)"
    if c.content_start < g.source[1] and g.source[0] < c.content_end:
        return "nested: gold source inside our content"
    if g.cue_text.lower().startswith("accord"):
        return "according to"
    if _is_role_noun(olow):
        return "title/role not resolved (ours)"
    if _is_role_noun(glow):
        return "gold role noun, ours elsewhere"
    return "different speaker"


def other_attribution(c: Claim, g: GoldAttribution, gold: list[GoldAttribution]) -> bool:
    """Our claim's cue is not the matched gold's but another gold cue of the sentence: the
    content went to the wrong cue (the class of ``--other``)."""
    words = c.cue.lower().split()
    if not words or g.cue is None:
        return False
    if any(w in g.cue_text.lower().split() for w in words):
        return False
    for h in gold:
        if h is g or h.cue is None or not (c.start <= h.cue[0] < c.end):
            continue
        if any(w in h.cue_text.lower().split() for w in words):
            return True
    return False


def _ours_class(text: str | None) -> str:
    if not text:
        return "empty"
    if text.lower() in _PRONOUNS:
        return "pronoun"
    return "name" if text[:1].isupper() else "phrase"


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--offset", type=int, default=0)
@click.option("--limit", type=int, default=100)
@click.option("--dump", type=click.Path(path_type=Path), default=None)
@click.option("--top", type=int, default=40)
def main(directory: Path, offset: int, limit: int, dump: Path | None, top: int) -> None:
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.pipeline import extract

    arts = read_split(directory, offset + limit)[offset:]
    docs = [Document(text=a.text, published=a.published, author=a.author, source=a.name,
                     title=a.name) for a in arts]
    fn_cue: Counter[str] = Counter()
    fn_class: Counter[str] = Counter()
    spk: Counter[str] = Counter()
    classes_spk: Counter[str] = Counter()
    fp_cue: Counter[str] = Counter()
    items: list[dict[str, object]] = []
    n_gold = n_claims = n_match = n_spk = n_spk_ok = n_other = 0
    for art, ex in zip(arts, extract(docs, nlp=load()), strict=True):
        claims = ex.claims
        names = {aid: a.name for aid, a in ex.actors.items()}
        pairs = match(claims, art.gold)
        n_gold += len(art.gold)
        n_claims += len(claims)
        n_match += len(pairs)
        mg = {j for _, j in pairs}
        mc = {i for i, _ in pairs}
        text = art.text
        for j, g in enumerate(art.gold):
            if j in mg:
                continue
            cue = (g.cue_text.split() or ["-"])[0].lower()
            fn_cue[cue] += 1
            body = text[g.start:g.end]
            quoted = bool(re.search(r"[\"“”]", text[max(0, g.start - 2):g.start + 2]))
            classes = []
            if quoted:
                classes.append("quoted")
            if "\n" in body:
                classes.append("multi-paragraph")
            elif re.search(r"[.!?][\"”]?\s+[\"“]?[A-Z]", body):
                classes.append("multi-sentence")
            if g.source is None:
                classes.append("no-source")
            over = [c for c in claims if c.content_start < g.end and g.start < c.content_end]
            if over:
                classes.append("overlap-boundary")
            elif any(c.start <= g.start < c.end for c in claims):
                classes.append("same-sentence")
            else:
                classes.append("no-claim-near")
            for k in classes:
                fn_class[k] += 1
            items.append({"type": "FN", "art": art.name, "cue": g.cue_text, "source": g.source_text,
                          "content": g.content_text[:200], "classes": classes,
                          "ours": [(c.speaker_text, c.cue, c.content[:120]) for c in over]})
        for i, j in pairs:
            c, g = claims[i], art.gold[j]
            if g.source is None:
                continue
            n_spk += 1
            earlier = [h.source_text for h in art.gold if h.source and h.source[1] <= g.source[0]]
            if speaker_right(c, g, art, earlier, names.get(c.speaker_actor or "")):
                n_spk_ok += 1
                continue
            key = f"{_source_class(g.source_text)} -> {_ours_class(c.speaker_text)}"
            spk[key] += 1
            mclass = mismatch_class(c, g, text)
            other = other_attribution(c, g, art.gold)
            n_other += other
            classes_spk[mclass] += 1
            ctx = text[max(0, g.source[0] - 80):g.source[1] + 40].replace("\n", " ")
            items.append({"type": "SPK", "art": art.name, "class": key, "mclass": mclass, "gold": g.source_text,
                          "ours": c.speaker_text, "via_span": (c.speaker_start, c.speaker_end),
                          "gold_span": g.source, "cue": c.cue, "gold_cue": g.cue_text,
                          "other_attribution": other, "context": ctx})
        for i, c in enumerate(claims):
            if i not in mc:
                fp_cue[c.cue] += 1
                items.append({"type": "FP", "art": art.name, "speaker": c.speaker_text, "cue": c.cue,
                              "content": c.content[:200]})
    p = n_match / n_claims if n_claims else 0
    r = n_match / n_gold if n_gold else 0
    print(f"articles {len(arts)} gold {n_gold} claims {n_claims} matched {n_match} "
          f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f} "
          f"speaker {n_spk_ok}/{n_spk} = {n_spk_ok / max(1, n_spk):.3f}")
    print("\nFN by class:", dict(fn_class.most_common()))
    print("\nFN by gold cue:", fn_cue.most_common(top))
    print("\nSPK errors by class:", spk.most_common(top))
    print(f"\nwrong speakers by mismatch class (of {n_spk} matched pairs with a gold Source):")
    for k, n in classes_spk.most_common():
        print(f"  {n:5d}  {n / max(1, n_spk):.3f}  {k}")
    print(f"  of which our cue is another gold attribution's of the sentence: {n_other}")
    print("\nFP by cue:", fp_cue.most_common(top))
    if dump:
        with dump.open("w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
