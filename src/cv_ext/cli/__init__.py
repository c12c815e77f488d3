"""``python -m cv_ext``: the command line around cv_ext sites.

:mod:`.commands` parses it; ``import`` writes a site from a JSON Resume
(:mod:`.importer`), ``match`` reports a job ad's terms against a site (:mod:`.match`).

May import every other layer.
"""
