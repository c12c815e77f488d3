"""``python -m cv_ext match``: a job ad's terms against the CV, offline and deterministic."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from conftest import REPO, TESTS
from hypothesis import given
from hypothesis import strategies as st

from cv_ext.core.audiences import Audience
from cv_ext.core.dates import Date, parse_period
from cv_ext.core.matching import match
from cv_ext.core.records import Entry, Records, Talk
from cv_ext.core.terms import code_like, normalise, stems, technology_tokens

if TYPE_CHECKING:
    from pathlib import Path

AD = TESTS / "data" / "jobad-networking.txt"
BASE = ""  # docs/ has no public address unless one is given: paths from the site root


def run_match(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "match", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )


# --- words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ad", "cv"),
    [
        ("k8s", "kubernetes"),
        ("HTTP/3", "http3"),
        ("P2P", "peer-to-peer"),
        ("hole punching", "hole-punching"),
        ("Distributed Systems", "distributed-systems"),
        ("golang", "Go"),
    ],
)
def test_synonyms_and_stemming_meet_in_the_middle(ad: str, cv: str) -> None:
    assert stems(ad) == stems(cv)


def test_technology_tokens() -> None:
    text = "We use Rust and gRPC.\nExperience with C++, AWS, eBPF or HTTP/3 on Linux."
    assert technology_tokens(text) == ["Rust", "gRPC", "C++", "AWS", "eBPF", "HTTP/3", "Linux"]
    assert not code_like("Experience")
    assert code_like("k8s")


@given(st.text(max_size=200))
def test_tokens_and_stems_never_raise(text: str) -> None:
    technology_tokens(text)
    assert all(stem for stem in stems(text))
    assert all(normalise(token) is not None for token in text.split())


# --- matching records ----------------------------------------------------------------------------


def test_match_reports_backing_gaps_and_audience() -> None:
    job = Entry(
        "acme",
        "Engineer",
        "Acme",
        parse_period("2020 - 2022"),
        tags=("quic", "rust"),
        docname="jobs",
        anchor="acme",
    )
    talk = Talk("t", "QUIC talk", Date(2021), tags=("quic",), docname="talks", anchor="t")
    report = match(
        "We want QUIC in Rust, and Go on AWS.",
        Records(entries=[job], talks=[talk]),
        [Audience("ops", "ops", ("kubernetes",)), Audience("net", "net", ("quic",))],
        today=Date(2024, 9, 23),
        url_of=lambda r: f"/{r.docname}/#{r.anchor}",
        audience_url=lambda name: f"/for/{name}/",
    )
    data = report.to_json()
    assert [(c["term"], [o["id"] for o in c["objects"]]) for c in data["covered"]] == [
        ("quic", ["acme", "t"]),
        ("rust", ["acme"]),
    ]
    assert data["covered"][0]["objects"][0]["url"] == "/jobs/#acme"
    assert data["not_in_cv"] == ["Go", "AWS"]
    assert data["suggested_audience"] == "net"


# --- the worked example: Max's site and the example ad -------------------------------------------

#: term -> (as the ad writes it, the ids of the objects backing it, in order)
EXPECTED_COVERED: dict[str, tuple[str, list[str]]] = {
    "Senior Software Engineer": ("Senior Software Engineer", ["coreos"]),
    "networking": ("Networking", ["protocol-labs", "parity", "spacenet", "heuft"]),
    "rust": ("Rust", []),  # many objects; checked by count below
    "quic": ("QUIC", ["mozilla-2024", "mozilla-neqo", "firefox-fast-udp", "neqo"]),
    "http3": ("HTTP/3", ["mozilla-2024", "mozilla-neqo", "neqo"]),
    "udp": ("UDP", ["mozilla-2024", "mozilla-neqo", "firefox-fast-udp", "neqo"]),
    "peer-to-peer": (
        "peer-to-peer",
        [
            "protocol-labs",
            "parity",
            "hole-punching",
            "kademlia-disjoint-paths",
            "hole-punching",
            "fosdem-2023-browser-connectivity",
            "fosdem-2022-hole-punching",
        ],
    ),
    "tokio": ("tokio", ["mozilla-neqo", "neqo"]),
    "hole-punching": (
        "hole punching",
        [
            "protocol-labs",
            "hole-punching",
            "hole-punching",
            "fosdem-2023-hole-punching-in-the-wild",
            "p2p-paris-2022-hole-punching",
            "fosdem-2022-hole-punching",
        ],
    ),
    "prometheus": ("Prometheus", []),
    "kubernetes": (
        "Kubernetes",
        [
            "coreos",
            "kube-state-metrics",
            "kube-state-metrics",
            "kubecon-eu-2019-kube-state-metrics",
            # the dated 2017 talk before the one known only to its year (issue 22)
            "all-systems-go-2017-self-healing-kubernetes",
            "intro-to-kubernetes-2017",
        ],
    ),
    "mentoring": ("mentor", ["refugee-mentor"]),
    "distributed-systems": ("distributed systems", ["coreos", "book-club", "book-club"]),
    "open-source": ("Open source", ["prometheus-core", "uia-kristiansand"]),
}
EXPECTED_NOT_IN_CV = ["VPN", "NATs", "WireGuard", "eBPF", "Go", "AWS", "Terraform"]


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = run_match(str(AD), "--site", "docs", "--format", "json")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_example_ad_covered_terms_and_their_backing(report: dict[str, Any]) -> None:
    covered = {c["term"]: c for c in report["covered"]}
    assert list(covered) == list(EXPECTED_COVERED)
    for term, (found, ids) in EXPECTED_COVERED.items():
        assert covered[term]["found"] == found, term
        if ids:
            assert [o["id"] for o in covered[term]["objects"]] == ids, term
    assert len(covered["rust"]["objects"]) == 17
    assert len(covered["prometheus"]["objects"]) == 16
    # backing objects are links into the site, as dirhtml (and Read the Docs) serves it
    quic = covered["quic"]["objects"]
    assert [o["url"] for o in quic] == [
        f"{BASE}experience/#mozilla-2024",
        f"{BASE}experience/#mozilla-neqo",
        f"{BASE}projects/firefox-fast-udp/",
        f"{BASE}projects/neqo/",
    ]
    assert [o["kind"] for o in covered["kubernetes"]["objects"]] == [
        "entry",
        "project",
        "achievement",
        "talk",
        "talk",
        "talk",
    ]


def test_example_ad_gaps_and_suggested_audience(report: dict[str, Any]) -> None:
    assert report["not_in_cv"] == EXPECTED_NOT_IN_CV
    assert report["suggested_audience"] == "networking"
    assert {a["name"]: a["terms"] for a in report["audiences"]} == {
        "networking": ["quic", "http3", "udp", "peer-to-peer", "hole-punching"],
        "observability": ["prometheus", "kubernetes"],
    }
    assert report["audiences"][0]["url"] == f"{BASE}for/networking/"


def test_example_ad_as_text() -> None:
    result = run_match(str(AD), "--site", "docs")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("Covered by the CV (14 terms):\n")
    assert '  http3  (ad: "HTTP/3")\n' in text
    assert (
        "    - entry: Software Engineer (fixed-term), Mozilla "
        f"<{BASE}experience/#mozilla-2024>\n" in text
    )
    assert "    ... and 13 more\n" in text  # rust: 4 shown of 17
    assert f"Not in the CV (7): {', '.join(EXPECTED_NOT_IN_CV)}\n" in text
    assert (
        "Suggested audience: networking (networking: QUIC, HTTP/3 and peer-to-peer) "
        f"<{BASE}for/networking/>: 5 covered terms are its tags\n" in text
    )
    # what the guide shows is what the command prints
    guide = (REPO / "guide" / "match.md").read_text(encoding="utf8")
    assert text in guide


def test_example_ad_as_markdown() -> None:
    result = run_match(str(AD), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "## Covered by the CV (14 terms)" in result.stdout
    assert (
        f"- **tokio**: [External contributor to Mozilla's HTTP3/QUIC stack, Mozilla]"
        f"({BASE}experience/#mozilla-neqo), [Contributions to neqo]({BASE}projects/neqo/)"
        in result.stdout
    )


def test_base_makes_urls_absolute() -> None:
    result = run_match(str(AD), "--format", "json", "--base", "https://cv.example.org/")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    tokio = next(c for c in report["covered"] if c["term"] == "tokio")
    assert [o["url"] for o in tokio["objects"]] == [
        "https://cv.example.org/experience/#mozilla-neqo",
        "https://cv.example.org/projects/neqo/",
    ]
    assert report["audiences"][1]["url"] == "https://cv.example.org/for/observability/"


def test_runs_are_deterministic(report: dict[str, Any]) -> None:
    again = run_match(str(AD), "--format", "json")
    assert json.loads(again.stdout) == report


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "error: no job ad at missing.txt"),
        ([str(AD), "--site", "tests"], "error: no Sphinx site (conf.py) in tests"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    result = run_match(*args)
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""
