"""Executors: where the extraction of a batch of documents runs.

- :func:`foreigndesk.run.local.run` — in this process (``workers=1``) or in local worker
  processes (``workers>1``), each loading the model once and running the whole pipeline on
  chunks of documents; the calling process only writes to the store.
"""
