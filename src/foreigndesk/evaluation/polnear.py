"""``foreigndesk eval claims --polnear DIR``: score claims on PolNeAR (political news
attribution relations, brat standoff).

DIR is a PolNeAR split folder (``train/`` or ``dev/``) holding ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann``; an article annotated twice has two ``.ann`` files, and
the first by name is the gold. ``metadata.tsv`` beside DIR gives each article's publication
date and author (only the rows of the articles in DIR are kept). Each article goes through
the real pipeline (:func:`foreigndesk.extract.pipeline.extract`, every extractor).

Gold: every attribution relation (``E`` line) with a Content; its content is the union of its
Content spans (discontinuous spans allowed), its Source and Cue are the spans so labelled
(an ``Attribution-no-source`` has no Source).

- **Content P / R / F1.** A claim matches a gold attribution when their content spans overlap
  by at least half of the shorter one (characters); matching is one to one: among the
  eligible pairs, the assignment with the largest summed overlap ratio (overlap / the longer
  span), ties towards pairs whose cues agree (:func:`match`). Precision = matched claims / claims, recall = matched gold
  / gold.
- **Speaker accuracy** over the matched pairs whose gold has a Source. Our speaker is *right*
  when it is an agent named in the text — not empty, not a pronoun left as text, not a turn
  label such as "Q" — and either

  a. its span (``Claim.speaker_start/end``: where the subject, pronoun or role stands) overlaps
     the gold Source span, and, when the gold Source is a pronoun ("he", "they", "we"), the
     actor we resolved it to is an entity the gold names before that point in the article: a
     name word of ours (the surname or full name of our speaker text or actor) occurs in an
     earlier gold Source or in the text before the gold Source within the last 600
     characters. A relative pronoun ("Barkley, who said") is right when our speaker is the
     name that ends at most 80 characters before it (the antecedent). PolNeAR has no coreference layer, so this stands in for it: an unresolved
     "he" never counts, a "he" resolved to someone never named nearby does not either. A
     first-person gold Source ("I") is also right when our speaker is the article's author;
  b. or a name word of our resolved speaker occurs in the gold Source text (gold "Trump
     campaign manager Kellyanne Conway", ours "Kellyanne Conway" found through "she" or
     through "Conway").

  Gold Sources that are themselves pronouns or role nouns are not resolved by the gold, so (a)
  is the only way to be right on them; (b) rewards a speaker resolved to the person the gold
  names even where our span differs (a quotation continued from an earlier sentence);
  c. or the gold Source is an artifact and we name that artifact as the source without
     taking it for an agent. PolNeAR's guidelines ("Sources can be artifacts": "a report, a
     letter, a recording, a study, a database, etc. Anything that can store or relay language
     could itself be a source"; the artifact is the source "when its creator is out of scope")
     make "a new poll" in "a new poll indicates …" the source. Our speakers are agents (issue
     9), so such a claim keeps no speaker, but its speaker span marks the artifact. The pair is
     right when our speaker span overlaps the gold Source, the gold Source is an artifact (a
     noun of :data:`ARTIFACTS` before any preposition, participle or comma) and the words at
     our span end with such a noun; or, when the gold Source is a relative pronoun ("news
     reports that question …"), our span is its antecedent as in (a) (ending at most 80
     characters before it) and ends with such a noun. These pairs are also counted apart
     (``speaker_artifacts``), and ``speaker_accuracy_agents`` is the figure without them.
- **Cue accuracy** over the matched pairs: a word of our cue and a word of the gold Cue share
  their first four letters ("said"/"says", "according to", "believes"/"believed").

``--details`` lists misses (FN), false positives (FP) and wrong speakers (SPK) per article.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import numpy as np

from foreigndesk.model import Claim, Document

_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "i", "we", "you", "me", "us",
             "his", "hers", "their", "its", "our", "my", "who", "which", "that", "this",
             "these", "those", "one", "himself", "herself", "themselves", "itself"}
_RELATIVE = {"who", "which", "that"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
_NOT_AGENTS = {"q", "q.", "question", "nothing", "something", "anything", "everything"}
_STOP = {"the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "s", "jr", "sen", "rep", "gov",
         "president", "former", "campaign", "de", "la", "new"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
BACK_CHARS = 600
RELATIVE_CHARS = 80  # a relative pronoun's antecedent ends at most this far before it
_CUE_TIE = 1e-6  # match(): prefer the pair whose cues agree when the overlap ratios tie
# artifacts that store or relay language (PolNeAR's guidelines, "Sources can be artifacts");
# the scorer's own list, independent of the extractor's
ARTIFACTS = {"report", "letter", "recording", "study", "database", "record", "poll", "polling",
             "survey", "data", "document", "filing", "disclosure", "ad", "advertisement",
             "statement", "email", "e-mail", "tweet", "post", "video", "footage", "transcript",
             "memo", "article", "website", "result", "analysis", "finding", "research",
             "projection", "estimate", "index", "average", "complaint", "lawsuit", "ruling",
             "opinion", "note", "message", "book", "biography", "profile", "return", "figure",
             "number", "review", "audit", "file", "photo", "chart", "map", "excerpt", "release",
             "editorial", "column", "story", "headline", "ranking", "list", "count", "tally",
             "forecast", "model", "exit",
             # legal and official texts, messages and printed matter (claims4, PolNeAR train)
             "suit", "affidavit", "summary", "petition", "cable", "legislation", "bill", "accord",
             "agreement", "treaty", "indictment", "warrant", "subpoena", "account", "statistics",
             "mailer", "flyer", "brochure", "commercial", "placard", "banner", "manifesto",
             "platform", "resolution", "order"}
_ARTIFACT_STOP = {"of", "from", "by", "in", "on", "for", "to", "at", "with", "about", "that",
                  "which", "who", "released", "conducted", "filed", "published", "taken",
                  "compiled", "provided", "obtained", "issued", "discovered"}


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content_text: str
    source_text: str = ""
    cue_text: str = ""

    @property
    def start(self) -> int:
        return min(a for a, _ in self.content)

    @property
    def end(self) -> int:
        return max(b for _, b in self.content)

    @property
    def length(self) -> int:
        return sum(b - a for a, b in self.content)


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]
    published: str | None = None
    author: str | None = None


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The attribution relations of one brat ``.ann`` file (those with a Content)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            try:
                frags = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
            except ValueError:
                continue
            spans[parts[0]] = (label, frags)
        elif line.startswith("E"):
            parts = line.split("\t")
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split() if len(parts) > 1 else []:
                role, _, tid = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
            relations.append(roles)
    out = []
    for roles in relations:
        content = [f for tid in roles.get("Content", []) if tid in spans for f in spans[tid][1]]
        if not content:
            continue
        content.sort()
        src = _one(spans, roles.get("Source"))
        cue = _one(spans, roles.get("Cue"))
        out.append(GoldAttribution(
            content, src, cue, " ".join(text[a:b] for a, b in content),
            text[src[0]:src[1]] if src else "", text[cue[0]:cue[1]] if cue else ""))
    out.sort(key=lambda g: g.start)
    return out


def _one(spans: dict[str, tuple[str, list[tuple[int, int]]]], ids: list[str] | None) -> tuple[int, int] | None:
    frags = [f for tid in ids or [] if tid in spans for f in spans[tid][1]]
    if not frags:
        return None
    return min(a for a, _ in frags), max(b for _, b in frags)


def read_metadata(path: Path, names: set[str]) -> dict[str, dict[str, str]]:
    """Rows of ``metadata.tsv`` for the articles in ``names`` (no other row is kept)."""
    out: dict[str, dict[str, str]] = {}
    if not path.exists():
        return out
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return out
    header = lines[0].split("\t")
    for line in lines[1:]:
        cells = line.split("\t")
        row = dict(zip(header, cells, strict=False))
        if row.get("filename") in names:
            out[row["filename"]] = row
    return out


def read_split(directory: Path, limit: int | None = None) -> list[Article]:
    """The articles of one PolNeAR split folder, sorted by name."""
    texts = sorted((directory / "text").glob("*.txt"))
    if limit:
        texts = texts[:limit]
    if not texts:
        raise click.ClickException(f"no text/*.txt under {directory}")
    names = {p.stem for p in texts}
    meta = read_metadata(directory.parent / "metadata.tsv", names)
    anns: dict[str, list[Path]] = {}
    for p in sorted((directory / "attributions").glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    out = []
    for p in texts:
        if p.stem not in anns:
            continue
        text = p.read_text(encoding="utf-8")
        m = meta.get(p.stem, {})
        date = m.get("publication_date") or ""
        author = m.get("author") or ""
        out.append(Article(p.stem, text, read_ann(anns[p.stem][0], text),
                           date if re.match(r"^\d{4}-\d\d-\d\d$", date) else None,
                           author if author and author not in ("None", "AP", "AFP", "Reuters") else None))
    return out


# -- scoring ------------------------------------------------------------------------------
def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(claims: list[Claim], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
    """One-to-one (claim index, gold index) pairs whose content overlaps by at least half of
    the shorter span: the assignment that maximises the summed overlap ratio (overlap / the
    longer span) over the eligible pairs, ties broken towards pairs whose cues agree
    (:func:`_cue_ok`). A greedy choice (largest ratio first) could give a claim that covers
    two attributions of one sentence the wrong one and leave the other unmatched, and broke
    exact ties by list position; the optimum over the same criterion does neither. Only the
    content spans and the cues decide the pairs, never the speakers being scored."""
    from scipy.optimize import linear_sum_assignment

    if not claims or not gold:
        return []
    weight = np.zeros((len(claims), len(gold)))
    for i, c in enumerate(claims):
        cs = [(c.content_start, c.content_end)]
        clen = c.content_end - c.content_start
        for j, g in enumerate(gold):
            if g.end <= c.content_start or c.content_end <= g.start:
                continue
            ov = overlap(cs, g.content)
            shorter = min(clen, g.length)
            if shorter > 0 and ov >= 0.5 * shorter:
                # ratio <= 1 per pair, the cue bonus below any difference in ratios that matters
                cue = g.cue is not None and _cue_ok(c.cue, g.cue_text)
                weight[i, j] = ov / max(clen, g.length) + (_CUE_TIE if cue else 0.0)
    if not weight.any():
        return []
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if weight[i, j] > 0)


def _fold(text: str) -> str:
    """``text`` without combining accents (NFKD, marks dropped)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_words(*texts: str | None) -> set[str]:
    """Name words (lower case, 3+ letters, not titles or pronouns) of ``texts``, accents
    folded ("Calderón" in a dictionary name and "Calderon" in the article are one name)."""
    out: set[str] = set()
    for t in texts:
        for w in _WORD.findall(_fold(t or "")):
            w = w.lower().replace("’", "'")
            if w.endswith("'s"):
                w = w[:-2]
            if len(w) >= 3 and w not in _STOP and w not in _PRONOUNS:
                out.add(w)
    return out


def is_agent_text(speaker: str | None) -> bool:
    """Is the speaker text an agent's name or description (not empty, not a bare pronoun,
    not a question label)?"""
    low = (speaker or "").strip().lower()
    return bool(low) and low not in _PRONOUNS and low not in _NOT_AGENTS


def _artifact_word(word: str) -> bool:
    """Is ``word`` a noun of :data:`ARTIFACTS` or its plural ("polls", "stories", "analyses")?"""
    w = word.lower().replace("’", "'")
    return w in ARTIFACTS or (w.endswith("s") and w[:-1] in ARTIFACTS) or (
        w.endswith("es") and w[:-2] in ARTIFACTS) or (
        w.endswith("ies") and w[:-3] + "y" in ARTIFACTS) or (
        w.endswith("ses") and w[:-3] + "sis" in ARTIFACTS)


_DATE_COMMA = re.compile(r"(\b\d{1,2}),(?=\s*\d{4}\b)")  # "Sept. 15, 2011": no clause break


def is_artifact(source: str) -> bool:
    """Is a gold Source an artifact ("a new poll", "Early results of an entrance poll", "The
    ad", "new fundraising reports"): a noun of :data:`ARTIFACTS` among its words before the
    first preposition, participle or comma?"""
    head = re.split(r"[,(—–]", _DATE_COMMA.sub(r"\1", source), maxsplit=1)[0]
    for w in _WORD.findall(head):
        if w.lower() in _ARTIFACT_STOP:
            break
        if _artifact_word(w):
            return True
    return False


def artifact_named(claim: Claim, g: GoldAttribution, text: str) -> bool:
    """Rule (c) of the module docstring: the gold Source is an artifact, our claim names no
    agent and its speaker span, which overlaps the gold Source, ends with an artifact noun."""
    s0, s1 = claim.speaker_start, claim.speaker_end
    if g.source is None or s0 is None or s1 is None or is_agent_text(claim.speaker_text):
        return False
    # a relative pronoun ("news reports that question …") stands for its antecedent, as in
    # rule (a): our span ends at most 80 characters before it
    relative = g.source_text.strip().lower() in _RELATIVE and s1 <= g.source[0] \
        and g.source[0] - s1 <= RELATIVE_CHARS
    if not relative and (not (s0 < g.source[1] and g.source[0] < s1) or not is_artifact(g.source_text)):
        return False
    words = _WORD.findall(text[s0:s1])
    return bool(words) and _artifact_word(words[-1])


def speaker_right(claim: Claim, g: GoldAttribution, art: Article, earlier_sources: list[str],
                  actor_name: str | None = None) -> bool:
    """Speaker accuracy of one matched pair (see the module docstring)."""
    if g.source is None:
        return False
    if not is_agent_text(claim.speaker_text):
        return artifact_named(claim, g, art.text)
    ours = name_words(claim.speaker_text, actor_name)
    gold_low = g.source_text.strip().lower()
    if ours & name_words(g.source_text):
        return True
    s0, s1 = claim.speaker_start, claim.speaker_end
    if s0 is None or s1 is None:
        return False
    if gold_low in _RELATIVE and s1 <= g.source[0] and g.source[0] - s1 <= RELATIVE_CHARS:
        s0, s1 = g.source  # the antecedent just before the relative pronoun
    if not (s0 < g.source[1] and g.source[0] < s1):
        return False
    if gold_low not in _PRONOUNS:
        return True
    if gold_low in _RELATIVE:  # gold "who" in "Barkley, who said": ours is the antecedent
        return True
    if gold_low in _FIRST_PERSON and art.author and ours & name_words(art.author):
        return True
    before = name_words(*earlier_sources, art.text[max(0, g.source[0] - BACK_CHARS):g.source[0]])
    return bool(ours & before)


def _cue_ok(ours: str, gold: str) -> bool:
    a = {w.lower()[:4] for w in _WORD.findall(ours) if len(w) >= 2}
    b = {w.lower()[:4] for w in _WORD.findall(gold) if len(w) >= 2}
    return bool(a & b)


@dataclass
class Score:
    articles: int = 0
    gold: int = 0
    claims: int = 0
    matched: int = 0
    with_source: int = 0
    speaker_ok: int = 0
    speaker_artifacts: int = 0  # right by rule (c): an artifact named as the source, no agent
    cue_ok: int = 0
    non_agent: int = 0  # claims whose speaker is no agent (pronoun, question label, empty)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [claims, matched]
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.claims if self.claims else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "gold": self.gold, "claims": self.claims,
            "matched": self.matched, "precision": self.precision, "recall": self.recall,
            "f1": self.f1,
            "speaker_accuracy": self.speaker_ok / self.with_source if self.with_source else 0.0,
            "speaker_pairs": self.with_source,
            "speaker_artifacts": self.speaker_artifacts,
            "speaker_accuracy_agents": ((self.speaker_ok - self.speaker_artifacts) / self.with_source
                                        if self.with_source else 0.0),
            "cue_accuracy": self.cue_ok / self.matched if self.matched else 0.0,
            "non_agent_speakers": self.non_agent,
            "by_kind": {k: {"claims": v[0], "matched": v[1]} for k, v in sorted(self.by_kind.items())},
        }


def score_article(art: Article, claims: list[Claim], score: Score, actor_names: dict[str, str],
                  details: bool = False) -> None:
    score.articles += 1
    score.gold += len(art.gold)
    score.claims += len(claims)
    pairs = match(claims, art.gold)
    score.matched += len(pairs)
    matched_c = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for i, c in enumerate(claims):
        k = score.by_kind.setdefault(c.kind, [0, 0])
        k[0] += 1
        k[1] += i in matched_c
        score.non_agent += not is_agent_text(c.speaker_text)
    for i, j in pairs:
        c, g = claims[i], art.gold[j]
        if g.cue is not None and _cue_ok(c.cue, g.cue_text):
            score.cue_ok += 1
        if g.source is None:
            continue
        score.with_source += 1
        earlier = [h.source_text for h in art.gold if h.source and h.source[1] <= g.source[0]]
        if speaker_right(c, g, art, earlier, actor_names.get(c.speaker_actor or "")):
            score.speaker_ok += 1
            score.speaker_artifacts += artifact_named(c, g, art.text)
        elif details:
            score.details.append(f"SPK {art.name}: gold {g.source_text!r} | ours {c.speaker_text!r} "
                                 f"[{c.cue}] {c.content[:70]!r}")
    if details:
        for j, g in enumerate(art.gold):
            if j not in matched_g:
                score.details.append(f"FN  {art.name}: {g.source_text!r} [{g.cue_text}] "
                                     f"{g.content_text[:90]!r}")
        for i, c in enumerate(claims):
            if i not in matched_c:
                score.details.append(f"FP  {art.name}: {c.speaker_text!r} [{c.cue}] "
                                     f"{c.content[:90]!r}")


def evaluate(directory: Path, limit: int | None = None, details: bool = False) -> tuple[Score, float]:
    """Run the pipeline over the articles of a PolNeAR split and score its claims."""
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.pipeline import extract

    arts = read_split(directory, limit)
    docs = [Document(text=a.text, published=a.published, author=a.author, source=a.name,
                     title=a.name) for a in arts]
    t0 = time.perf_counter()
    score = Score()
    for art, ex in zip(arts, extract(docs, nlp=load()), strict=True):
        names = {aid: a.name for aid, a in ex.actors.items()}
        score_article(art, ex.claims, score, names, details)
    return score, time.perf_counter() - t0


def format_score(score: Score, seconds: float) -> list[str]:
    d = score.as_dict()
    lines = [
        f"articles {d['articles']}  gold attributions {d['gold']}  claims {d['claims']}  "
        f"matched {d['matched']}  ({seconds:.1f}s)",
        f"content (overlap >= half the shorter span, one to one): precision {d['precision']:.3f}  "
        f"recall {d['recall']:.3f}  F1 {d['f1']:.3f}",
        f"speaker accuracy on matched claims with a gold Source: {d['speaker_accuracy']:.3f} "
        f"({score.speaker_ok}/{score.with_source}; {score.speaker_artifacts} of them an artifact named "
        f"as the source with no agent, PolNeAR's 'sources can be artifacts'; without those "
        f"{d['speaker_accuracy_agents']:.3f})",
        f"cue accuracy on matched claims: {d['cue_accuracy']:.3f} ({score.cue_ok}/{score.matched})",
        f"claims whose speaker is no agent (pronoun, question label, empty): {score.non_agent}",
        "by kind:  " + "  ".join(f"{k} {v['matched']}/{v['claims']}" for k, v in d["by_kind"].items()),
    ]
    return lines


@click.command(name="claims")
@click.option("--polnear", "directory", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A PolNeAR split folder (dev/ or train/) with text/ and attributions/.")
@click.option("--limit", type=int, default=None, help="Score only the first N articles (by name).")
@click.option("--details", is_flag=True,
              help="Also list every miss (FN), false positive (FP) and wrong speaker (SPK).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def COMMAND(directory: Path, limit: int | None, details: bool, as_json: bool) -> None:
    """Score claims (who says what) on PolNeAR attribution relations: content precision /
    recall / F1, speaker accuracy and cue accuracy on the matched claims."""
    score, secs = evaluate(directory, limit, details)
    if as_json:
        d = score.as_dict()
        d["seconds"] = round(secs, 1)
        if details:
            d["details"] = score.details
        click.echo(json.dumps(d, indent=2))
        return
    if details:
        for line in score.details:
            click.echo(line)
    for line in format_score(score, secs):
        click.echo(line)
