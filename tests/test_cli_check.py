"""`vblint check`, `rules` and `explain` as a supervisor or a script uses them: formats, selection, exit codes and
bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTE = "VIST review.\nMisper places herself in risky situations.\n"


def test_text_output_is_path_line_col_code_severity_message(tmp_path: Path, run_cli) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    code, out, err = run_cli("check", str(note))
    assert code == 1, err
    first = out.splitlines()[0]
    assert first.startswith(f"{note}:2:8: VB101 [error] ")
    assert 'try "is being placed at risk by adults"' in out
    assert out.splitlines()[-1] == "Found 1 problem (1 error) in 1 file."


def test_clean_text_exits_0(run_cli) -> None:
    code, out, _ = run_cli("check", "-", stdin="Return interview completed; she engaged well.")
    assert code == 0 and "No victim-blaming language found" in out


def test_stdin_json_output_follows_the_schema(run_cli) -> None:
    code, out, _ = run_cli("check", "-", "--format", "json", stdin=NOTE)
    doc = json.loads(out)
    assert code == 1 and doc["schema_version"] == 1
    (f,) = doc["findings"]
    assert set(f) == {"rule", "name", "category", "severity", "message", "text", "start", "end", "line", "column",
                      "suggestions", "context", "path"}
    assert NOTE[f["start"]:f["end"]] == f["text"] and f["path"] == "<stdin>"


def test_jsonl_output(run_cli) -> None:
    code, out, _ = run_cli("check", "-", "--format", "jsonl", stdin=NOTE + NOTE)
    assert code == 1 and [json.loads(x)["line"] for x in out.splitlines()] == [2, 4]


@pytest.mark.parametrize("selector", ["VB101", "VB1", "puts-self-at-risk", "responsibility-shifting", "ALL"])
def test_select_by_code_prefix_name_or_category(run_cli, selector: str) -> None:
    assert run_cli("check", "-", "--select", selector, stdin=NOTE)[0] == 1


def test_ignore_wins_over_select(run_cli) -> None:
    # responsibility-shifting: VB101 and the learned VB901, which reads the words when no rule has matched them
    assert run_cli("check", "-", "--select", "ALL", "--ignore", "responsibility-shifting", stdin=NOTE)[0] == 0


def test_unknown_selector_is_a_usage_error(run_cli) -> None:
    code, _, err = run_cli("check", "-", "--select", "VB999x", stdin=NOTE)
    assert code == 2 and "unknown rule selector 'VB999x'" in err


def test_min_severity_info_shows_quoted_words(run_cli) -> None:
    quoted = 'Mum said "she places herself in risky situations all the time".'
    assert run_cli("check", "-", stdin=quoted)[0] == 0
    code, out, _ = run_cli("check", "-", "--min-severity", "info", stdin=quoted)
    assert code == 1 and "[info]" in out and "(quoted)" in out


def test_folder_is_checked_recursively(tmp_path: Path, run_cli) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(NOTE)
    (tmp_path / "two.txt").write_text("fine")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    code, out, _ = run_cli("check", str(tmp_path))
    assert code == 1 and "in 2 files" in out


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01binary", "looks like a binary file"),
    (b"caf\xe9 places herself in risky situations", "not UTF-8 text"),
])
def test_bad_input_is_one_line_exit_2(tmp_path: Path, run_cli, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run_cli("check", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"vblint: error: {bad}: ") and message in err


def test_encoding_option_reads_windows_1252(tmp_path: Path, run_cli) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("café – she places herself in risky situations".encode("cp1252"))
    assert run_cli("check", str(note), "--encoding", "cp1252")[0] == 1


def test_missing_file_and_empty_file(tmp_path: Path, run_cli) -> None:
    code, _, err = run_cli("check", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file or folder" in err
    (tmp_path / "empty.txt").write_text("")
    assert run_cli("check", str(tmp_path / "empty.txt"))[0] == 0


def test_huge_file_is_refused(tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import vblint.sources

    monkeypatch.setattr(vblint.sources, "MAX_TEXT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("x " * 1000)
    code, _, err = run_cli("check", str(big))
    assert code == 2 and "too large" in err and "vblint scan" in err


def test_rules_table_and_explain(run_cli) -> None:
    code, out, _ = run_cli("rules")
    assert code == 0 and "VB101" in out and "puts-self-at-risk" in out
    code, out, _ = run_cli("explain", "puts-self-at-risk")
    assert code == 0
    for section in ("Why it harms", "Write instead", "Context", "Flags, for example", "Does not flag", "Sources"):
        assert section in out
    assert run_cli("explain", "VB000")[0] == 2


def test_config_file_sets_defaults_and_rejects_unknown_keys(tmp_path: Path, run_cli,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.vblint]\nignore = ["VB101", "VB901"]\n')
    assert run_cli("check", "-", stdin=NOTE)[0] == 0
    assert run_cli("check", "-", "--ignore", "choice-framing", stdin=NOTE)[0] == 1  # the command line wins
    (tmp_path / ".vblint.toml").write_text('colour = "blue"\n')
    code, _, err = run_cli("check", "-", stdin=NOTE)
    assert code == 2 and ".vblint.toml: colour: unknown setting" in err


def test_version(run_cli) -> None:
    code, out, _ = run_cli("--version")
    assert code == 0 and "vblint, version" in out


def test_the_command_line_runs_one_blas_thread_per_process_unless_told() -> None:
    # Set before numpy is imported: a scan's worker processes each inherit it.
    import os
    import subprocess
    import sys

    code = ("import os, vblint.cli as c\ntry:\n    c.main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(os.environ['OPENBLAS_NUM_THREADS'])")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "1"
    env["OPENBLAS_NUM_THREADS"] = "2"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "2"
