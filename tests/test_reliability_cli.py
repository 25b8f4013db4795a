"""Reliability catalogue, command line: every subcommand given missing, wrong or contradictory
arguments exits non-zero with one line on stderr and no traceback, and writes nothing (no run
directory, no output file; an existing run directory is left as it was).

Cases already tested elsewhere (kept there): test_trainer.py::test_cli_bad_arguments_exit_2_with_one_line
(--set optim.lr_g=0, --set train.stepz=3, --steps 0, --steps many, --device tpu, --resume
without --out, a non-empty --out) and test_export.py::test_bad_combinations_are_one_line_with_exit_status_2.
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ganstudio.core.checkpoint import load_checkpoint
from ganstudio.train.recipe import dumps_toml
from test_reliability_inputs import BAD_CHECKPOINTS, good_checkpoint, make_bad_checkpoint

ROOT = Path(__file__).resolve().parents[1]

TOY = {"title": "tiny ring", "name": "tiny",
       "model": {"family": "toy", "data_dim": 2, "hidden": 8, "layers": 1},
       "data": {"kind": "toy", "toy": "ring8", "toy_samples": 500},
       "train": {"steps": 6, "batch": 8, "log_every": 3, "sample_every": 0,
                 "checkpoint_every": 0, "device": "cpu", "threads": 1}}


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    """``ganstudio ARGV`` in this process: (exit status, stdout, stderr)."""
    from ganstudio.cli import main
    try:
        code = main(argv)
    except SystemExit as e:   # argparse reports through SystemExit
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(code, err: str, words: str, status: int | None = None) -> str:
    lines = err.strip().splitlines()
    assert code not in (0, None) and (status is None or code == status), (code, err)
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("ganstudio") and words in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def files(tmp_path):
    """Inputs the cases refer to by name: {name} in an argument becomes a path."""
    (tmp_path / "tiny.toml").write_text(dumps_toml(TOY))
    (tmp_path / "broken.toml").write_text("model = [\n")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00\x01")
    (tmp_path / "dated.toml").write_text('written = 2024-05-01\n' + dumps_toml(TOY))
    (tmp_path / "notes.txt").write_text("not a recipe, not a checkpoint")
    (tmp_path / "empty").mkdir()
    (tmp_path / "badmagic.idx").write_bytes(b"\x08\x03\x00\x00" + b"\x00" * 16)
    good_checkpoint(tmp_path)
    return tmp_path


@dataclass(frozen=True)
class Case:
    name: str
    argv: tuple[str, ...]
    words: str
    status: int | None = 2        # None: any non-zero status

    def param(self):
        return pytest.param(self, id=self.name)


def _train(*args: str) -> tuple[str, ...]:
    return ("train", "{tiny.toml}", "--out", "{new-run}", *args)


CASES = [
    # the GUI entry point
    Case("gui_unknown_option", ("--bogus",), "unrecognized arguments: --bogus"),
    Case("gui_two_paths", ("{good.pt}", "{notes.txt}"), "unrecognized arguments"),
    Case("gui_missing_path", ("{nowhere.pt}",), "does not exist"),
    Case("unknown_subcommand_option", ("train", "--bogus"), "arguments are required: recipe"),
    # ganstudio train: the command line itself
    Case("train_without_recipe", ("train",), "the following arguments are required: recipe"),
    Case("train_missing_recipe_file", ("train", "{nowhere.toml}", "--out", "{new-run}"), "does not exist"),
    Case("train_recipe_not_toml", ("train", "{broken.toml}", "--out", "{new-run}"), "not valid TOML"),
    Case("train_recipe_not_text", ("train", "{binary.toml}", "--out", "{new-run}"), "not a text file"),
    Case("train_recipe_dir_without_recipe", ("train", "{empty}", "--out", "{new-run}"), "empty"),
    Case("train_set_without_equals", _train("--set", "train.steps"), "expected key=value"),
    Case("train_set_into_a_value", _train("--set", "train.steps.x=1"), "train.steps: is a value"),
    Case("train_negative_steps", _train("--steps", "-3"), "--steps must be > 0"),
    Case("train_resume_without_checkpoint", ("train", "{tiny.toml}", "--out", "{empty}", "--resume"),
         "has no checkpoints/latest.pt"),
    Case("train_out_is_a_file", ("train", "{tiny.toml}", "--out", "{notes.txt}"), "is not a directory"),
    Case("train_contradictory_device", _train("--device", "cuda"), "cuda"),
    # ganstudio train: bad recipe values, each named by its key
    Case("recipe_unknown_key", _train("--set", "optim.learning_rate=1e-3"), "optim.learning_rate: unknown key"),
    Case("recipe_wrong_type", _train("--set", "train.batch=\"big\""), "train.batch: expected an integer"),
    Case("recipe_zero_learning_rate", _train("--set", "optim.lr_d=0"), "optim.lr_d"),
    Case("recipe_negative_batch", _train("--set", "train.batch=-8"), "train.batch: must be > 0"),
    Case("recipe_zero_batch", _train("--set", "train.batch=0"), "train.batch: must be > 0"),
    Case("recipe_zero_steps", _train("--set", "train.steps=0"), "train.steps: must be > 0"),
    Case("recipe_zero_n_critic", _train("--set", "objective.n_critic=0"), "objective.n_critic: must be > 0"),
    Case("recipe_unknown_objective", _train("--set", "objective.name=\"biggan\""), "objective.name"),
    Case("recipe_unknown_dataset", _train("--set", "data.kind=\"imagenet\""), "data.kind"),
    Case("recipe_stylegan_resolution_not_power_of_two",
         _train("--set", "model={family=\"stylegan\", resolution=48}", "--set", "data={kind=\"fashion_mnist\"}"),
         "model.resolution"),
    Case("recipe_with_a_date_and_an_override", ("train", "{dated.toml}", "--out", "{new-run}",
                                                "--set", "train.steps=2"), "written: unknown key"),
    Case("recipe_data_folder_missing",
         _train("--set", "model={family=\"mlp\", resolution=8}",
                "--set", "data={kind=\"folder\", path=\"{nowhere}\"}"), "image folder not found"),
    Case("recipe_idx_wrong_magic",
         _train("--set", "model={family=\"mlp\", resolution=8}",
                "--set", "data={kind=\"idx\", path=\"{badmagic.idx}\"}"), "not an IDX file"),
    # ganstudio export
    Case("export_without_checkpoint", ("export", "--grid", "1x1", "--out", "{out.png}"), "name a checkpoint"),
    Case("export_one_frame", ("export", "{good.pt}", "--interp", "1,2", "--frames", "1", "--out", "{out.gif}"),
         "--frames must be 2..1000"),
    Case("export_zero_upscale", ("export", "{good.pt}", "--upscale", "0", "--out", "{out.png}"), "--upscale"),
    Case("export_negative_seed", ("export", "{good.pt}", "--seed", "-1", "--out", "{out.png}"), "--seed"),
    Case("export_unknown_device", ("export", "{good.pt}", "--device", "tpu", "--out", "{out.png}"), "--device"),
    Case("export_cutoff_without_stylegan", ("export", "{good.pt}", "--cutoff", "2", "--out", "{out.png}"),
         "--cutoff needs a StyleGAN model"),
    Case("export_grid_too_large", ("export", "{good.pt}", "--grid", "100x100", "--out", "{out.png}"), "1..64"),
    Case("export_missing_sidecar", ("export", "--from", "{nowhere.json}", "--out", "{out.png}"),
         "does not exist", None),
    # ganstudio eval
    Case("eval_without_checkpoint", ("eval",), "the following arguments are required: checkpoint"),
    Case("eval_too_few_samples", ("eval", "{good.pt}", "--samples", "2"), "--samples must be at least"),
    Case("eval_zero_batch", ("eval", "{good.pt}", "--batch", "0"), "--batch must be positive"),
    Case("eval_psi_out_of_range", ("eval", "{good.pt}", "--psi", "7"), "--psi must be in [0, 2]"),
    Case("eval_negative_seed", ("eval", "{good.pt}", "--seed", "-4"), "--seed must be in"),
    Case("eval_unknown_device", ("eval", "{good.pt}", "--device", "tpu"), "invalid choice: 'tpu'"),
    Case("eval_missing_checkpoint", ("eval", "{nowhere.pt}", "--no-floor"), "does not exist", None),
    Case("eval_not_a_checkpoint", ("eval", "{notes.txt}", "--no-floor"), "not a GAN Studio checkpoint", None),
]


def _expand(arg: str, root: Path) -> str:
    while "{" in arg and "}" in arg[arg.index("{"):]:
        start = arg.index("{")
        end = arg.index("}", start)
        inner = arg[start + 1:end]
        if "=" in inner or "," in inner or inner.startswith('"'):  # a TOML inline table: look inside
            return arg[:start + 1] + _expand(arg[start + 1:], root)
        arg = arg[:start] + str(root / inner) + arg[end + 1:]
    return arg


def test_the_placeholder_expansion_leaves_toml_tables_intact(tmp_path):
    assert _expand('data={kind="folder", path="{x}"}', tmp_path) == f'data={{kind="folder", path="{tmp_path}/x"}}'
    assert _expand("{good.pt}", tmp_path) == str(tmp_path / "good.pt")


@pytest.mark.parametrize("case", [c.param() for c in CASES])
def test_bad_arguments_exit_non_zero_with_one_line_and_write_nothing(case, files, capsys):
    before = sorted(p.relative_to(files) for p in files.rglob("*"))
    argv = [_expand(a, files) for a in case.argv]
    code, out, err = run_cli(argv, capsys)
    assert_one_line(code, err, case.words, case.status)
    assert not (files / "new-run").exists()
    assert sorted(p.relative_to(files) for p in files.rglob("*")) == before     # nothing written
    assert (files / "tiny.toml").read_text() == dumps_toml(TOY)


# --- bad checkpoints through `ganstudio export` and `ganstudio eval` --------------------------------

# One case per way the loader can fail (its own errors all reach the user the same way, through
# errors.describe), the checks of single payload fields, and any case marked as a known bug
# (its error may not be the loader's own yet); the GUI catalogue runs every case through the Explorer.
EXPORT_CASES = ("empty_file", "raw_pickle_that_would_run_code", "config_that_does_not_build",
                "tensor_of_the_wrong_shape", "unreadable_file", "missing_file",
                "directory_named_like_a_checkpoint", "step_that_is_not_a_number",
                "weight_names_that_are_not_text", "recipe_that_is_not_a_table")


@pytest.mark.parametrize("case", [c.param() for c in BAD_CHECKPOINTS
                                  if c.name in EXPORT_CASES or c.needs_fix])
def test_export_refuses_a_bad_checkpoint_in_one_line(case, tmp_path, capsys, monkeypatch):
    good, bad = make_bad_checkpoint(case, tmp_path, monkeypatch)
    out = tmp_path / "grid.png"
    code, _, err = run_cli(["export", str(bad), "--grid", "2x2", "--out", str(out)], capsys)
    assert_one_line(code, err, case.words)
    assert not out.exists() and not (tmp_path / "code-ran").exists()
    assert load_checkpoint(good).step == 7


# --- resuming from a checkpoint that cannot continue the run ------------------------------------------

@pytest.mark.parametrize("damage, words", [
    pytest.param("corrupt_latest", "is not a GAN Studio checkpoint", id="latest_checkpoint_corrupt"),
    pytest.param("other_model", "model.hidden is 8 in the checkpoint but 32 in the recipe",
                 id="recipe_of_another_model"),
    pytest.param("busy", "is being trained by another process", id="run_trained_elsewhere",
                 marks=pytest.mark.skipif(os.name != "posix", reason="runs are locked with flock")),
])
def test_a_failed_resume_leaves_the_run_directory_as_it_was(tmp_path, capsys, damage, words):
    recipe = tmp_path / "tiny.toml"
    recipe.write_text(dumps_toml(TOY))
    run = tmp_path / "run"
    assert run_cli(["train", str(recipe), "--out", str(run), "--quiet"], capsys)[0] == 0
    extra = []
    holder = None
    if damage == "corrupt_latest":
        (run / "checkpoints" / "latest.pt").write_bytes(b"not a checkpoint at all")
    elif damage == "busy":          # another process (or window) is training this run
        import fcntl
        holder = os.open(run, os.O_RDONLY)
        fcntl.flock(holder, fcntl.LOCK_EX)
    else:
        extra = ["--set", "model.hidden=32"]
    before = {p.relative_to(run): p.read_bytes() for p in run.rglob("*") if p.is_file()}
    try:
        code, _, err = run_cli(["train", str(recipe), "--out", str(run), "--resume", *extra], capsys)
    finally:
        if holder is not None:
            os.close(holder)
    assert_one_line(code, err, words, 2)
    after = {p.relative_to(run): p.read_bytes() for p in run.rglob("*") if p.is_file()}
    assert after == before


# --- the real command, in its own process: no traceback reaches the terminal -------------------------

def test_the_installed_command_prints_one_line_and_no_traceback(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    commands = {"export": ["export", str(tmp_path / "notes.txt"), "--grid", "1x1", "--out", str(tmp_path / "o.png")],
                "gui": [str(tmp_path / "missing.pt")]}
    procs = {name: subprocess.Popen([sys.executable, "-m", "ganstudio", *argv], cwd=ROOT, text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for name, argv in commands.items()}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        lines = err.strip().splitlines()
        assert proc.returncode != 0 and len(lines) == 1 and "Traceback" not in err, (name, err)
        assert lines[0].startswith("ganstudio") and out == "", (name, out, err)
