"""foreigndesk: readers -> documents -> extractors -> facts with provenance -> store ->
analyses -> views."""

__version__ = "0.1.0"
