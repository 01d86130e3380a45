"""Following sources over time: ``foreigndesk watch`` (:mod:`.cycle` runs one cycle,
:mod:`.sources` reads feeds, OPML and URL lists, :mod:`.schedule` repeats cycles)."""
