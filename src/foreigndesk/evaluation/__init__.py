"""Scorers against annotated data (../shared/eval and the dossier gold).

``foreigndesk eval SUBCOMMAND`` runs them; each prints precision / recall / F1 or accuracy.
Modules:
- ``timex``   — temporal expressions on TimeML (TempEval-3): extent P/R/F1, value accuracy
- ``events``  — CAMEO coding on PETRARCH2 validation records
- ``dossier`` — everything against the dossier gold YAML; each section is scored by a
  module ``dossier_<section>`` exposing ``score(store, gold, docs) -> dict``
"""
