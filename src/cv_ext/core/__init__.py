"""The CV's model, free of Sphinx and docutils: what a CV says, and what follows from it.

Dates and periods (:mod:`.dates`), metrics (:mod:`.metrics`), ids and anchors
(:mod:`.ids`), option values (:mod:`.values`), one frozen record per object type
(:mod:`.records`), the views derived from all records (:mod:`.views`), audiences
(:mod:`.audiences`) and the job-ad match (:mod:`.terms`, :mod:`.matching`).

May import: the standard library, anyascii, babel and snowballstemmer; nothing of cv_ext
outside ``core``. An import-linter contract in pyproject.toml keeps it so.
"""
