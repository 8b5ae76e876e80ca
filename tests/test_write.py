"""Tests for write.py: all files or none, never outside the folder."""

import pytest

from virtstack.write import UnsafePath, write_outputs


def test_write_outputs_replaces_the_folder_with_exactly_the_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.md").write_text("old")
    written = write_outputs({"a.md": "A", "sub/b.svg": "<svg/>"}, out)
    assert written == [out / "a.md", out / "sub/b.svg"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == ["a.md", "sub/b.svg"]
    assert (out / "sub/b.svg").read_text() == "<svg/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("name", ["../evil.md", "/etc/evil", "a/../../evil", "a\\b", ""])
def test_write_outputs_refuses_paths_that_leave_the_folder_and_writes_nothing(tmp_path, name):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.md").write_text("last good")
    with pytest.raises(UnsafePath):
        write_outputs({"fine.md": "x", name: "y"}, out)
    assert [p.name for p in out.iterdir()] == ["keep.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
