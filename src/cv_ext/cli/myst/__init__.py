"""MyST as a person writes it by hand: shared by ``import`` and ``fmt``.

- :mod:`~cv_ext.cli.myst.oracle`: MyST's own Markdown parser, to check what text reads as;
- :mod:`~cv_ext.cli.myst.prose`: plain text as paragraphs, list items and headings, with
  only the backslashes MyST needs, wrapped at :data:`~cv_ext.cli.myst.prose.WIDTH`;
- :mod:`~cv_ext.cli.myst.values`: option values bare, quoted, or as YAML block scalars;
- :mod:`~cv_ext.cli.myst.directive`: a directive in its canonical form;
- :mod:`~cv_ext.cli.myst.order`: the canonical order and kind of each directive's options.
"""
