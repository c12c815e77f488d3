"""The cv_ext variant of a synthetic CV: objects as directives, references as roles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from synth_dates import iso
from synth_writer import Writer

if TYPE_CHECKING:
    from synth_model import Obj


class CVWriter(Writer):
    """The site as a cv_ext author writes it: directives, options and roles."""

    variant = "cv_ext"

    def role(self, typ: str, target: str) -> str:
        return f"{{cv:{typ}}}`{target}`"

    def overview(self) -> str:
        return ":::{career-overview}\n:::"

    def index(self, kind: str) -> str:
        return f":::{{cv-index}} {kind}\n:::"

    @staticmethod
    def directive(name: str, argument: str, options: list[tuple[str, str]], body: str) -> str:
        lines = [f":::{{{name}}} {argument}".rstrip()]
        lines += [f":{key}: {value}" for key, value in options if value]
        return "\n".join(lines) + ("\n\n" + body if body else "") + "\n:::"

    def project(self, obj: Obj) -> str:
        dates = (
            [("start", iso(obj.start)), ("end", iso(obj.end))]
            if isinstance(obj.end, tuple)
            else [("date", iso(obj.start))]
        )
        options = [
            *dates,
            ("url", f"https://example.org/src/{obj.id}"),
            ("entry", obj.entry),
            ("tags", ", ".join(obj.tags)),
            ("summary", obj.summary),
        ]
        return self.directive("project", "", options, "") + "\n\n" + self.body(obj)

    def obj(self, obj: Obj) -> str:
        if obj.type == "entry":
            end = obj.end if obj.end == "present" else iso(obj.end)  # type: ignore[arg-type]
            options = [
                ("org", obj.org),
                ("start", iso(obj.start)),
                ("end", str(end)),
                ("kind", obj.kind),
                ("location", obj.location),
                ("url", f"https://example.org/org/{obj.id}"),
                ("tags", ", ".join(obj.tags)),
                ("name", obj.id),
            ]
            return self.directive("timeline", obj.title, options, self.body(obj))
        if obj.type == "achievement":
            metric = ""
            if obj.metric:
                label, before, after = obj.metric
                metric = f"{label}: {before:g} ms -> {after:g} ms"
            options = [
                ("date", iso(obj.start)),
                ("metric", metric),
                ("entry", obj.entry),
                ("project", obj.project),
                ("url", f"https://example.org/result/{obj.id}"),
                ("tags", ", ".join(obj.tags)),
                ("name", obj.id),
            ]
            return self.directive("achievement", obj.title, options, self.body(obj))
        options = [
            ("date", iso(obj.start)),
            ("event", obj.event),
            ("event-url", f"https://example.org/event/{obj.id}"),
            ("video", f"https://video.example.org/{obj.id}"),
            ("projects", ", ".join(obj.projects)),
            ("entry", obj.entry),
            ("tags", ", ".join(obj.tags)),
            ("name", obj.id),
        ]
        return self.directive("talk", obj.title, options, self.body(obj))
