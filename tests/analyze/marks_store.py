"""A hand-checked store for the marks of the relations index (gaps, thin periods, modality
filtering): news events written through the real Store (with its cross-document dedup).

Every event is USA -> CUB (CAMEO actor codes USAGOV -> CUBGOV), each with its own root or
date so that none is merged with another:

| year | code | quad | Goldstein | date | modality |
|---|---|---|---|---|---|
| 2019 | 051 praise | 1 | +5.0 | 2019-02-11 | asserted |
| 2019 | 112 accuse | 3 | -3.0 | 2019-05-20 | asserted |
| 2019 | 130 threaten | 3 | -2.0 | 2019-09-02 | asserted |
| 2020 | (none) | | | | |
| 2021 | 163 impose embargo | 4 | -8.0 | 2021-07-22 | asserted |
| 2021 | 111 criticise | 3 | -4.0 | 2021-07-23 | reported |
| 2021 | 070 provide aid | 2 | +7.0 | 2021-08-01 | negated |
| 2021 | 190 use force | 4 | -10.0 | 2021-09-01 | hypothetical |
| 2021 | 057 sign agreement | 1 | +8.0 | 2021-10-01 | future |
| 2022 | (none) | | | | |
| 2023 | 172 sanction | 4 | -5.0 | 2023-03-01 | asserted |
| 2023 | 128 refuse | 3 | -4.0 | 2023-04-01 | asserted |
| 2023 | 040 consult | 1 | +1.0 | 2023-05-01 | reported |

Expected by year (only asserted and reported events count):

* 2019: 3 events, Goldstein sum 0, mean 0.0: a zero, resting on 3 events (not thin);
* 2020: no event: a gap (no value);
* 2021: 2 events (the sanctions, asserted, and the criticism, reported): thin; sum -12, mean
  -6, cooperation share 0. The negated, hypothetical and future events would make it 5
  events with mean -1.4 if they were (wrongly) counted;
* 2022: a gap;
* 2023: 3 events, sum -8, mean -8/3, cooperation share 1/3.

By month every month with an event has one or two: all thin, the others gaps.
"""

from __future__ import annotations

from pathlib import Path

from foreigndesk.store import Store
from tests.analyze.relations_store import _extraction

LINES = [  # one sentence per event, written for this test
    "Washington praised Havana on February 11.",
    "Washington accused Havana of meddling on May 20.",
    "Washington threatened Havana on September 2.",
    "The United States imposed an embargo on Cuba on July 22.",
    "Washington criticised Havana on July 23, a report said.",
    "The United States did not provide aid to Cuba on August 1.",
    "The United States could use force against Cuba.",
    "The United States will sign an agreement with Cuba.",
    "Washington sanctioned Cuban officials on March 1.",
    "Washington refused the Cuban request on April 1.",
    "Washington consulted Havana on May 1, officials said.",
]
SPEC = [  # sentence, source, target, code, quad, goldstein, date, precision, modality
    (0, "USAGOV", "CUBGOV", "051", 1, 5.0, "2019-02-11", "day", "asserted"),
    (1, "USAGOV", "CUBGOV", "112", 3, -3.0, "2019-05-20", "day", "asserted"),
    (2, "USAGOV", "CUBGOV", "130", 3, -2.0, "2019-09-02", "day", "asserted"),
    (3, "USAGOV", "CUBGOV", "163", 4, -8.0, "2021-07-22", "day", "asserted"),
    (4, "USAGOV", "CUBGOV", "111", 3, -4.0, "2021-07-23", "day", "reported"),
    (5, "USAGOV", "CUBGOV", "070", 2, 7.0, "2021-08-01", "day", "negated"),
    (6, "USAGOV", "CUBGOV", "190", 4, -10.0, "2021-09-01", "day", "hypothetical"),
    (7, "USAGOV", "CUBGOV", "057", 1, 8.0, "2021-10-01", "day", "future"),
    (8, "USAGOV", "CUBGOV", "172", 4, -5.0, "2023-03-01", "day", "asserted"),
    (9, "USAGOV", "CUBGOV", "128", 3, -4.0, "2023-04-01", "day", "asserted"),
    (10, "USAGOV", "CUBGOV", "040", 1, 1.0, "2023-05-01", "day", "reported"),
]
COUNTED_2021 = 2
UNCOUNTED = 3  # negated, hypothetical, future


def build(db: Path) -> Path:
    with Store.open(db) as store:
        assert store.add(_extraction("\n".join(LINES), "2023-06-01", "Outlet M",
                                     "https://m.example.org/1", SPEC))
    return db
