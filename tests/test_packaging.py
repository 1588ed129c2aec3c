"""The wheel carries the rule packs and the report templates: built from this checkout and run from where it is
installed, vblint finds every rule without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installs_with_rules_templates_and_the_learned_reader(tmp_path: Path) -> None:
    wheels = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(wheels), str(ROOT)], check=True, capture_output=True)
    (wheel,) = wheels.glob("vblint-*.whl")
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    # -S: no site hooks, so the editable install of this checkout cannot shadow the wheel; dependencies come from
    # this environment's site-packages, vblint itself only from the installed wheel.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]])}
    code = ("import vblint, vblint.ruleset as r, vblint.report.html as h, vblint.engine as e; rules = r.load_rules(); "
            "print(vblint.__file__); print(r.packaged_rules_dir()); print(len(rules)); "
            "print(e.Engine(rules).reader.directory)")
    run = subprocess.run([sys.executable, "-S", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    module, rules_dir, count, readers_dir = run.stdout.splitlines()
    assert module.startswith(str(target)) and rules_dir.startswith(str(target))
    assert readers_dir.startswith(str(target))
    assert int(count) == len(list((ROOT / "rules").rglob("VB*.yaml")))
    assert (target / "vblint" / "report" / "templates" / "report.html.j2").is_file()
