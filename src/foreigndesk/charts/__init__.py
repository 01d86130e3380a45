"""The one chart stack of foreigndesk: the geometry of the relations charts
(:mod:`~foreigndesk.charts.geometry`), the panels of a dyad's series
(:mod:`~foreigndesk.charts.panels`) and their SVG (:mod:`~foreigndesk.charts.svg`), drawn the
same on the workbench and in the briefs (HTML, PDF, Markdown): same points, same gaps, same
thin marks. Not a view: both views use it."""
