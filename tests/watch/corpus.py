"""Articles whose right answers are known by construction, for the watcher and alert tests.

- ``relations_articles``: one article a month from January to June 2023 in which China and
  Cuba cooperate (three distinct cooperative acts between the two governments each month),
  then ``conflict_article``: July, in which they clash (three conflictual acts). The mean
  Goldstein score of the dyad drops from about +5 to below 0: a planted shift.
- ``claim_articles``: the same claim carried first by one outlet, then repeated by a second.
"""

from __future__ import annotations

from tests.watch.site import Article

_COOP = [
    ("praised", "China praised Cuba on Tuesday for its support at the United Nations."),
    ("signed", "The Chinese government signed an agreement with the Cuban government in "
               "Havana on Wednesday."),
    ("pledged", "Beijing pledged economic aid to Havana on Thursday."),
]
_CONFLICT = [
    "China condemned Cuba on Tuesday over the seizure of a Chinese cargo ship.",
    "The Chinese government accused the Cuban government on Wednesday of breaking the "
    "shipping agreement.",
    "Beijing threatened Havana with sanctions on Thursday.",
]
_FILLER = ("Officials of both countries described the relationship in the statement, which "
           "was published by the foreign ministry and read out to reporters at a briefing.")
MONTHS = ["January", "February", "March", "April", "May", "June"]


def relations_articles() -> list[Article]:
    out = []
    for m, month in enumerate(MONTHS, start=1):
        paras = [f"In {month}, relations between the two governments went on as before.",
                 *(s for _w, s in _COOP), _FILLER]
        out.append(Article(f"coop-{m:02d}", f"China and Cuba deepen ties ({month})", paras,
                           published=f"2023-{m:02d}-12", outlet="Havana Ledger"))
    return out


def conflict_article() -> Article:
    return Article("clash-07", "China and Cuba clash over a seized ship",
                   ["In July, relations between the two governments soured.", *_CONFLICT,
                    _FILLER], published="2023-07-12", outlet="Havana Ledger")


CLAIM = ("the United States blockade cost the Cuban economy 4.8 billion dollars in the last "
         "twelve months")


def claim_articles() -> tuple[Article, Article]:
    first = Article(
        "claim-first", "Cuba counts the cost of the blockade",
        ["Cuban Foreign Minister Bruno Rodriguez said on Monday that " + CLAIM + ".",
         "He spoke at a news conference in Havana, where he presented the annual report of "
         "his ministry to foreign journalists and diplomats.", _FILLER],
        published="2023-08-07", outlet="Havana Ledger", author="Ana Ruiz")
    second = Article(
        "claim-repeat", "Minister repeats blockade figure",
        ["Cuban Foreign Minister Bruno Rodriguez said that " + CLAIM + ", the Caribbean "
         "Courier learned on Wednesday.",
         "The report will be presented to the United Nations General Assembly later this "
         "year, officials in Havana said.", _FILLER],
        published="2023-08-09", outlet="Caribbean Courier", author="Luis Vega")
    return first, second
