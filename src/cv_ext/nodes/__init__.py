"""The doctree: cv_ext's node classes (:mod:`.elements`), their visitors for every builder
(:mod:`.visitors`), the one place that turns model values into nodes (:mod:`.render`), and
copies of an object's own text for another page (:mod:`.bodies`).

May import: ``common`` and ``core``, Sphinx and docutils.
"""
