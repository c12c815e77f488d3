"""Option values of the CV's directives, read as text, translated with the page, validated."""

from __future__ import annotations

import json
from typing import ClassVar, cast

from docutils.nodes import make_id
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cv_ext.common.i18n import page_catalog
from cv_ext.common.warn import CvSubtype, log_warning
from cv_ext.core.dates import Date, Period, make_period, parse_date, parse_period
from cv_ext.core.errors import ParseError
from cv_ext.core.values import format_list, parse_extra, parse_list, parse_tags, parse_url

logger = logging.getLogger(__name__)


#: every option is read as text and validated by the directive itself
TEXT = directives.unchanged


def CLASSES(argument: str | None) -> list[str]:  # noqa: N802 (an option converter, like TEXT)
    """``:class:``: class names for the object's HTML; what makes no class name is dropped.

    docutils' own converter refuses the whole directive for one bad name: a styling hook
    is not worth losing the object over.
    """
    names = (make_id(name) for name in (argument or "").split())
    return [name for name in names if name]


class OptionsDirective(SphinxDirective):
    """Reads option values as text: every problem is a located ``cv.<subtype>`` warning.

    Options are read as plain text and validated here rather than by docutils
    converters, so that a bad value becomes a located, suppressible warning while the
    rest of the object still renders.
    """

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    #: the object type this directive declares
    objtype = ""
    #: options holding prose in the page's language: translated with the page (the title too)
    translatable: ClassVar[frozenset[str]] = frozenset()

    @property
    def messages(self) -> dict[str, str]:
        """Translated text -> the text as written, of every value translated so far."""
        return cast("dict[str, str]", self.__dict__.setdefault("_cv_messages", {}))

    def translate(self, text: str) -> str:
        """*text* from the page's message catalog, in the build's language.

        The value as written is kept for ``-b gettext`` (see :meth:`finish`) and for ids,
        which stay the same in every language so that references keep working.
        """
        if not text:
            return text
        catalog = page_catalog(self.env)
        translated = catalog.gettext(text) if catalog is not None else text
        self.messages.setdefault(translated, text)
        return translated

    def warn(self, message: str, subtype: CvSubtype) -> None:
        """Warn at this directive's file and line."""
        log_warning(logger, f"{self.name}: {message}", subtype, location=self.get_location())

    def text(self, option: str, *, required: bool = False) -> str:
        """A one-line text option, whitespace collapsed."""
        value = " ".join(str(self.options.get(option) or "").split())
        if required and not value:
            self.warn(f"the :{option}: option is required", "option")
        return self.translate(value) if option in self.translatable else value

    def items(self, option: str, *, tags: bool = False) -> tuple[str, ...]:
        """A list option: items separated by commas or line breaks, ``"a, b"`` quoted.

        Read from the value as written, since a line break separates items too; a
        translatable list is translated as one line, as ``a, b`` (its message id).
        """
        raw = str(self.options.get(option) or "")
        if option in self.translatable:
            raw = self.translate(format_list(parse_list(raw)))
        return parse_tags(raw) if tags else parse_list(raw)

    def extra(self) -> str:
        """``:extra:``, fields the export writes as they are: a JSON object, kept as text."""
        raw = str(self.options.get("extra") or "").strip()
        if not raw:
            return ""
        try:
            return json.dumps(parse_extra(raw), ensure_ascii=False)
        except ParseError as error:
            self.warn(str(error), "option")
            return ""

    def title(self, *, required: bool = True) -> str:
        """The directive argument, or a warning."""
        value = " ".join(self.arguments[0].split()) if self.arguments else ""
        if required and not value:
            self.warn("a title is required (the text after the directive name)", "title")
        return self.translate(value)

    def url(self, option: str = "url") -> str:
        """An http(s) URL option; anything else is refused and dropped."""
        value = self.text(option)
        if not value:
            return ""
        try:
            return parse_url(value)
        except ParseError as error:
            self.warn(f":{option}: {error}", "url")
            return ""

    def date(self, option: str = "date") -> Date | None:
        """A required date option; None (with a warning) if missing or invalid."""
        if not (raw := self.text(option, required=True)):
            return None
        try:
            return parse_date(raw)
        except ParseError as error:
            self.warn(str(error), "date")
            return None

    def period(self, *, required: bool = True) -> Period | None:
        """``:period:``, or ``:start:``/``:end:``; None (with a warning) if invalid."""
        try:
            if "period" in self.options:
                if "start" in self.options or "end" in self.options:
                    self.warn(
                        ":period: replaces :start: and :end:; give one or the other", "option"
                    )
                return parse_period(self.text("period"))
            if not self.text("start"):
                if required:
                    self.warn("the :start: option (or :period:) is required", "option")
                return None
            return make_period(self.text("start"), self.text("end"))
        except ParseError as error:
            self.warn(str(error), "date" if "invalid date" in str(error) else "period")
            return None
