"""Importers of data sets (GDELT event exports, UN General Assembly votes): they read files
into :mod:`foreigndesk.records` and hand batches to the store (:mod:`foreigndesk.store.bulk_imports`);
they never write to the database themselves."""
