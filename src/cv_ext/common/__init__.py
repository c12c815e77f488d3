"""What every Sphinx-facing layer shares: cv_ext's words and dates in the build's language
(:mod:`.i18n`, with the catalogs in ``cv_ext/locale``), typed ``cv.<subtype>`` warnings
(:mod:`.warn`) and the kinds of builder (:mod:`.builders`).

May import: ``core``, Sphinx and docutils.
"""
