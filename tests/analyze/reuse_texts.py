"""Short news-like texts written for these tests (no third-party text)."""

PASSAGE = ("The ministry said the new agreement would “expand cooperation in agriculture, "
           "energy and public health” over the next five years, according to a statement "
           "released on Monday.")

PASSAGE_STRAIGHT = ("The ministry said the new agreement would \"expand cooperation in agriculture, "
                    "energy and public health\" over the next five years, according to a statement "
                    "released on Monday.")

# one word changed (new -> fresh), one inserted (public -> primary public), typography changed
PASSAGE_EDITED = ("The ministry said the fresh agreement would 'expand cooperation in agriculture, "
                  "energy and primary public health' over the next five years, according to a "
                  "statement released on Monday.")

SECOND = ("Fishermen in the northern provinces have complained for months that quotas set in the "
          "capital ignore the collapse of local stocks and the rising price of diesel.")

THIRD = ("A delegation of engineers arrived in the port city to inspect the damaged grain "
         "terminal, which has been closed since the storm flooded its lower floors in March.")

FILLER = [
    "Officials declined to give further details when asked by reporters at the airport.",
    "The opposition called the talks a distraction from rising unemployment at home.",
    "Markets in the region were little changed by the end of the trading day.",
    "Analysts expect the parliament to debate the measure before the summer recess.",
    "Several hundred people gathered outside the embassy in a largely peaceful protest.",
    "The weather service warned of heavy rain along the coast later in the week.",
    "A spokesman for the central bank said interest rates would stay where they are.",
    "Teachers in three provinces went on strike over unpaid wages on Thursday.",
]


def article(*parts: str) -> str:
    return "\n\n".join(parts)
