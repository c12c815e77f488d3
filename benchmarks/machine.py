"""What a report measured and on what: the machine, the versions, cv_ext's sources and assets."""

from __future__ import annotations

import compileall
import gzip
import hashlib
import importlib.util
import os
import platform
from importlib import metadata
from pathlib import Path


def cv_ext_dir() -> Path:
    """The cv_ext package the builds import (the working tree, or whatever PYTHONPATH names)."""
    spec = importlib.util.find_spec("cv_ext")
    assert spec is not None and spec.origin is not None, "cv_ext is not installed"
    return Path(spec.origin).parent


def byte_compile() -> None:
    """Write cv_ext's bytecode before any build, as installing a wheel does.

    An editable install leaves compiling to the first import, and a machine with
    PYTHONDONTWRITEBYTECODE set (as CI containers often are) would then compile cv_ext's
    sources in every measured build, about 0.1 s that the plain site, whose packages all
    came as wheels, never pays.
    """
    compileall.compile_dir(cv_ext_dir(), quiet=1)


def cv_ext_digest() -> str:
    """A short digest of cv_ext's sources, to tell which code a report measured."""
    digest = hashlib.sha256()
    for path in sorted(cv_ext_dir().rglob("*")):
        if path.is_file() and path.suffix in (".py", ".css", ".js"):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def assets() -> dict[str, int]:
    """gzip -9 size of each of cv_ext's own CSS and JS files (src/cv_ext/static/)."""
    return {
        path.name: len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        for path in sorted((cv_ext_dir() / "static").iterdir())
        if path.suffix in (".css", ".js")
    }


def machine() -> dict[str, str]:
    """CPU, cores, memory, OS, Python and package versions, and cv_ext's sources digest."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        memory = "?"
    versions = {}
    for package in ("sphinx", "myst-parser", "docutils", "cv-ext"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "?"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        **versions,
        "cv_ext_sources": cv_ext_digest(),
    }
