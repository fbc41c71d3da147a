"""The gov-disclosure command."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys

import pytest

from gov_disclosure._cli import main
from gov_disclosure._vocab import ALL_FLAT_KEYS

from .corpus import SAMPLES, deviations, expected_for, same_value, sample_inputs


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_folder_to_csv(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for p in SAMPLES.iterdir():
        if p.suffix in (".txt", ".md", ".html"):
            (folder / p.name).write_bytes(p.read_bytes())
    (folder / "scan.pdf").write_bytes(b"%PDF-1.5 ...")
    (folder / "notes.json").write_text("{}")  # not a report file: not even mentioned
    code, out, err = _run(capsys, "parse", str(folder), "--format", "csv", "--quiet")
    assert code == 0
    assert "skipped" in err and "scan.pdf" in err and "notes.json" not in err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["source", *ALL_FLAT_KEYS]
    inputs = sample_inputs(suffixes=(".txt", ".md", ".html"))
    assert len(rows) == 1 + len(inputs)
    known = deviations()
    for row in rows[1:]:
        values = dict(zip(rows[0], row, strict=True))
        name = pathlib.Path(values["source"]).name
        for key, want in expected_for(SAMPLES / name)["fields"].items():
            if want == "?" or key in known.get(name, {}) or (key == "meta.agency" and want is None):
                continue
            got = values[key] or None
            assert same_value(want, got), (name, key, want, got)


def test_one_file_to_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "parse", str(SAMPLES / "r013.layout.txt"))
    doc = json.loads(out)
    assert code == 0 and doc["agency"] == "洪泽区人民政府" and doc["encoding"] == "utf-8"
    assert doc["fields"]["active.fees.amount_yuan"] == 77302800
    assert {f["code"] for f in doc["findings"]} == {"check-d-failed"}


def test_several_files_to_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    target = tmp_path / "out.jsonl"
    code, out, err = _run(
        capsys, "parse", str(SAMPLES / "r007.txt"), str(SAMPLES / "r012.html"), "-o", str(target)
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    assert code == 0 and out == "" and len(lines) == 2
    assert [json.loads(ln)["template"] for ln in lines] == ["2021", "2021"]
    assert "parsed 2, failed 0" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = (SAMPLES / "002_0373751c8fe527bd.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = _run(capsys, "parse", "-", "--quiet")
    assert code == 0 and json.loads(out)["fields"]["active.licensing.change"] == 63


@pytest.mark.parametrize(
    ("data", "code", "said"),
    [(b"%PDF-1.7 ...", 0, "skipped <stdin>"), (b"\x00\xff\xfe garbage \x80", 2, "<stdin>: ")],
)
def test_stdin_that_is_not_text_is_skipped_and_undecodable_stdin_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes, code: int, said: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    got, _, err = _run(capsys, "parse", "-")
    assert got == code and said in err


def test_check_exit_statuses(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    assert _run(capsys, "check", str(SAMPLES / "002_0373751c8fe527bd.txt"))[0] == 0
    code, out, _ = _run(capsys, "check", str(SAMPLES / "r013.layout.txt"))
    assert code == 1 and "INCONSISTENT" in out and "check-d-failed" in out
    junk = tmp_path / "junk.txt"
    junk.write_text("这不是一份年度报告。", encoding="utf-8")
    code, _, err = _run(capsys, "check", str(SAMPLES / "r013.layout.txt"), str(junk))
    assert code == 2 and "junk.txt" in err
    assert _run(capsys, "parse", str(junk))[0] == 2


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("parse", "check"):
        code, out, _ = _run(capsys, command, "--help")
        assert code == 0 and "examples:" in out and "exit status" in out
    assert _run(capsys, "--bogus")[0] == 64


def test_installed_command_and_module(tmp_path: pathlib.Path) -> None:
    for cmd in (
        [sys.executable, "-m", "gov_disclosure", str(SAMPLES / "r007.txt")],
        [sys.executable, "-m", "gov_disclosure", "check", str(SAMPLES / "r007.txt"), "-q"],
    ):
        done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout


@pytest.mark.parametrize("command", [("parse", "--format", "csv"), ("parse", "--format", "jsonl"),
                                     ("parse", "--format", "json"), ("check",)])
def test_processes_write_what_one_process_writes(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    # with --jobs, what is written of a report is made in the worker: same output
    paths = [str(SAMPLES / n) for n in ("r007.txt", "002_0373751c8fe527bd.txt", "r013.layout.txt")]
    paths.append(str(SAMPLES / "missing.txt"))
    one = _run(capsys, *command, *paths, "--quiet")
    two = _run(capsys, *command, *paths, "--quiet", "--jobs", "2")
    assert one == two
    assert one[0] == 2 and "missing.txt" in one[2]  # the missing file failed, the rest did not
    assert one[1].count("r013.layout.txt") >= 1 and one[1].count("r007.txt") >= 1
