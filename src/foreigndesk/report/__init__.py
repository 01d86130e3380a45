"""Briefs: a self-contained document (Markdown, HTML or PDF) someone without foreigndesk can
read, built from a store: a summary, the timeline, the key actors, a relations chart, claims
and echoes, conflicting figures and text reuse, every statement cited to its sentence.

:mod:`.gather` collects the content through the existing analyses, :mod:`.citations` numbers
the cited sentences, :mod:`.chart` draws the relations chart and :mod:`.render` writes the
brief."""
