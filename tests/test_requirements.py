"""Every Python install is pinned and checked against the hashes of its files."""

import re

import pytest

from conftest import ROOT

FILES = ["requirements.txt", "requirements-test.txt", "requirements-zensical.txt"]


@pytest.mark.parametrize("name", FILES)
def test_every_pin_has_an_exact_version_and_its_hashes(name):
    entries = re.split(r"\n(?=\S)", (ROOT / name).read_text().strip())
    pins = [e for e in entries if not e.startswith("#")]
    assert pins
    for entry in pins:
        assert re.match(r"^[A-Za-z0-9_.-]+==[^\s\\]+ \\\n", entry), entry.splitlines()[0]
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), entry.splitlines()[0]


def test_the_test_environment_holds_the_sites_pins_unchanged():
    def pins(name):
        return {line.split(" ")[0].lower().replace("_", "-") for line in (ROOT / name).read_text().splitlines() if "==" in line}
    assert pins("requirements.txt") <= pins("requirements-test.txt")


def test_every_install_requires_the_hashes():
    installs = [line for line in (ROOT / "Makefile").read_text().splitlines() if "pip install" in line and "-r requirements" in line]
    assert len(installs) == 3 and all("--require-hashes" in line for line in installs), installs
