"""Whether the two variants of a synthetic CV say the same: the words of each page's text build.

The ratio the benchmark reports means something only if the plain site carries what the
cv_ext site shows. Both are built with Sphinx's ``text`` builder; each page's words and
punctuation are counted (markup such as heading underlines and list bullets aside), and
every page must hold the same counts in both.

    python benchmarks/equivalence.py [--size 200]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the modules next to this script, from any working directory

import synth

# a word, or one mark of punctuation; text-builder markup (*, =, ~, ^, #, -) is not text
TOKEN = re.compile(r"\w+|[^\w\s*=~^#\-]")


def build_text(srcdir: Path, outdir: Path) -> None:
    """Build *srcdir* with the text builder; fail on any warning."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "text", str(srcdir), str(outdir)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"text build of {srcdir} failed:\n{result.stderr[-3000:]}")


def words(path: Path) -> Counter[str]:
    """The words and punctuation of one text page."""
    return Counter(TOKEN.findall(path.read_text(encoding="utf8")))


def differences(n: int, work: Path, seed: int = 1) -> dict[str, tuple[str, str]]:
    """Page -> (words only cv_ext shows, words only plain shows), for pages that differ."""
    site = synth.generate(n, seed=seed)
    outputs = {}
    for variant, writer in synth.WRITERS.items():
        writer(site).write(work / variant / "src", "basic")
        build_text(work / variant / "src", work / variant / "text")
        outputs[variant] = {
            path.relative_to(work / variant / "text").as_posix(): words(path)
            for path in (work / variant / "text").rglob("*.txt")
        }
    result = {}
    for page in sorted(set(outputs["cv_ext"]) | set(outputs["plain"])):
        cv, plain = outputs["cv_ext"].get(page, Counter()), outputs["plain"].get(page, Counter())
        if cv != plain:
            result[page] = (" ".join((cv - plain).elements()), " ".join((plain - cv).elements()))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cv-equivalence-") as temp:
        found = differences(args.size, Path(temp))
    for page, (cv, plain) in found.items():
        sys.stdout.write(f"{page}\n  only cv_ext: {cv[:500]}\n  only plain: {plain[:500]}\n")
    sys.stdout.write(f"{len(found)} pages differ\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
