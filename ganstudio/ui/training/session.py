"""One training run started from the panel: the TrainWorker's lifecycle and its commands.

The run's data reaches the panel through a :class:`LiveSource` (``run_source.py``), the same
way a followed run directory does; the session turns the worker's states and events into the
run's state and status messages.  It never blocks the GUI thread except in
:meth:`Session.shutdown`, which waits for the run's final checkpoint on exit.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from ganstudio.ui.training.run_source import LiveSource
from ganstudio.ui.workers import CallWorker, TrainWorker

FINISHED_TEXT = {"done": QT_TRANSLATE_NOOP("Session", "finished"),
                 "stopped": QT_TRANSLATE_NOOP("Session", "stopped (checkpoint written)"),
                 "diverged": QT_TRANSLATE_NOOP("Session", "diverged: stopped at the last good checkpoint"),
                 "failed": QT_TRANSLATE_NOOP("Session", "failed (see the message above)"),
                 "cancelled": QT_TRANSLATE_NOOP("Session", "cancelled before training started")}


class Session(QObject):
    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.worker: TrainWorker | None = None
        self.run_dir: Path | None = None
        self._ended = True
        self._loaders: list[CallWorker] = []

    @property
    def busy(self) -> bool:
        """A run started here has not reported its end yet."""
        return self.worker is not None and not self._ended

    # --- commands ---------------------------------------------------------------------------------
    def start(self, recipe, plan=None) -> bool:
        """Train ``recipe`` into a new run directory, or continue ``plan``'s run (a
        :class:`~ganstudio.ui.training.continue_run.ContinuePlan`) from its checkpoint."""
        from ganstudio.train.run import default_run_dir
        p = self.panel
        self.run_dir = (plan.run_dir if plan is not None
                        else default_run_dir(recipe.name or "run", root=p.runs_root))
        data = p.preview.dataset_for((recipe.to_dict() if plan is not None else p.form.values())["data"],
                                     dict(recipe.model))
        p.clear_views()
        p.controls.reset_progress(recipe.train.steps)
        p.controls.set_threads_note("")
        w = TrainWorker(recipe, self.run_dir, data=data, resume=plan is not None, parent=self)
        source = LiveSource(w, recipe.to_dict(), parent=self)
        source.event.connect(self._on_event)
        p.read(source)
        if plan is not None:            # the curves and grids so far, up to the checkpoint
            source.replay(plan.step)
        w.state_changed.connect(self._on_state)
        w.failed.connect(self._on_failed)
        w.run_finished.connect(self._on_finished)
        w.checkpoint_loaded.connect(p.open_in_explorer)
        w.set_delay(p.live.delay_box.value())
        p.live.set_values(recipe.optim.lr_g, recipe.optim.lr_d, recipe.objective.name)
        self.worker = w
        self._ended = False
        p.set_state("loading")
        title = QCoreApplication.translate("Recipe", recipe.title) if recipe.title else recipe.name
        p.activity_changed.emit(self.tr("training {0}").format(title)
                               if recipe.title or recipe.name else self.tr("training a recipe"))
        if plan is not None:
            p.status_message.emit(self.tr("continuing {0} from step {1}").format(self.run_dir, f"{plan.step:,}"))
        else:
            p.status_message.emit(self.tr("training into {0}").format(self.run_dir))
        w.start()
        return True

    def read_plan(self, run_dir: Path, done, failed) -> None:
        """Read how ``run_dir`` can be continued off the GUI thread: ``done(plan)`` or
        ``failed(message)`` on the GUI thread."""
        from ganstudio.ui.training.continue_run import read_plan
        self._load(lambda: read_plan(run_dir), lambda _tag, plan: done(plan),
                   lambda _tag, message: failed(message))

    def _load(self, fn, done, failed) -> None:
        """Run ``fn`` on a CallWorker kept until it ends (shutdown waits for it); ``done(tag,
        result)`` or ``failed(tag, message)`` on the GUI thread."""
        w = CallWorker(fn, parent=self)
        w.done.connect(done)
        w.failed.connect(failed)
        w.finished.connect(lambda: self._loaders.remove(w) if w in self._loaders else None)
        self._loaders.append(w)
        w.start()

    def toggle_pause(self) -> None:
        w = self.worker
        if not self.busy:
            return
        if w.is_paused:
            w.resume()
        else:
            w.pause()

    def stop(self) -> None:
        if self.busy:
            self.worker.stop()

    def save_checkpoint(self) -> None:
        if self.busy:
            self.worker.save_checkpoint()
            self.panel.status_message.emit("writing a checkpoint…")

    # --- teaching controls: single players' steps, slow motion, live hyper-parameters -----------
    def request_steps(self, player: str, count: int) -> None:
        if self.busy:
            self._intervene(lambda: self.worker.request_steps(player, count))

    def set_hyperparameters(self, changes: dict) -> None:
        if self.busy:
            self._intervene(lambda: self.worker.set_hyperparameters(**changes))

    def set_delay(self, seconds: float) -> None:
        if self.worker is not None:
            self._intervene(lambda: self.worker.set_delay(seconds))

    def _intervene(self, call) -> None:
        from ganstudio.train.interventions import InterventionError
        try:
            call()
        except InterventionError as e:
            self.panel.live.show_error(str(e))

    def request_generator(self) -> None:
        if self.busy:
            self.worker.request_generator()
            self.panel.status_message.emit("saving a checkpoint for the Explorer…")

    def load_checkpoint_of(self, run_dir: Path) -> None:
        """Load the newest checkpoint of ``run_dir`` off the GUI thread, then open it."""
        def load():
            from ganstudio.core.checkpoint import load_checkpoint
            return load_checkpoint(run_dir)
        self.panel.status_message.emit(self.tr("loading the newest checkpoint of {0}…").format(Path(run_dir).name))
        self._load(load, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, _tag, ckpt) -> None:
        self.panel.open_in_explorer.emit(ckpt)

    def _on_load_failed(self, _tag, message: str) -> None:
        self.panel.show_notice(self.tr("cannot open the generator: {0}").format(message))

    # --- worker signals (GUI thread) ---------------------------------------------------------------
    def _on_event(self, ev: dict) -> None:
        p = self.panel
        kind = ev.get("type")
        if kind == "paused" and p.state in ("running", "paused"):
            p.set_state("paused")
            p.status_message.emit(self.tr("paused at step {0}").format(f"{ev.get('step', 0):,}"))
        elif kind == "resumed" and p.state in ("running", "paused"):
            p.set_state("running")
        elif kind == "checkpoint":
            p.status_message.emit(self.tr("checkpoint written at step {0}: {1}").format(
                f"{ev.get('step', 0):,}", ev.get("path")))
        elif kind == "evaluating":   # the steps wait for it: the state line says why
            text = self.tr("step {0}: metrics of {1} samples ...").format(
                f"{ev.get('step', 0):,}", f"{ev.get('samples', 0):,}")
            p.status_message.emit(text)
            if p.state == "running":
                p.set_state("running", text)
        elif kind == "evaluated" and p.state == "running":
            p.set_state("running")
        elif kind == "best":
            p.status_message.emit(self.tr("step {0}: best FID so far ({1:.2f}), kept as {2}").format(
                f"{ev.get('step', 0):,}", ev.get("fid", 0), ev.get("path")))
        elif kind == "diverged":
            p.show_notice(ev.get("message") or "training diverged")
        elif kind == "hyper":
            p.live.set_values(ev["lr_g"], ev["lr_d"], ev["objective"])
            changed = ", ".join(f"{k} {old} → {new}" for k, (old, new) in ev.get("changed", {}).items())
            p.status_message.emit(self.tr("from step {0}: {1}").format(f"{ev.get('step', 0) + 1:,}", changed))
        elif kind == "manual_steps":
            names = {"d": self.tr("D step"), "g": self.tr("G step"), "both": self.tr("full step")}
            p.status_message.emit(self.tr("{0} × {1} done at step {2}").format(
                names.get(ev.get("player"), ev.get("player")), ev.get("count", 1),
                f"{ev.get('step', 0):,}"))
        elif kind == "threads":
            p.controls.set_threads_note(ev.get("note", ""))
            p.status_message.emit(self.tr("training: CPU threads: {0}").format(ev.get("note")))

    def _on_state(self, state: str) -> None:
        p = self.panel
        if state == "running":
            p.set_state("paused" if self.worker.is_paused else "running")
            p.device_changed.emit(self.worker.device_name)
            if self.worker.precision_refused:      # said once, when the run starts
                p.status_message.emit(self.worker.precision_refused)
                self.worker.precision_refused = ""
            if self.worker.resume_note:            # said once, when the run starts
                p.status_message.emit(self.worker.resume_note)
                self.worker.resume_note = ""
        elif state == "paused":
            p.set_state("paused")
            p.device_changed.emit(self.worker.device_name)
        elif state == "stopping" and p.state in ("loading", "running", "paused"):
            p.set_state("stopping")

    def _on_failed(self, message: str) -> None:
        self.panel.show_notice(message)

    def _on_finished(self, status: str) -> None:
        p = self.panel
        self._ended = True
        p.refresh_now()
        p.set_state("finished", self.tr(FINISHED_TEXT[status]) if status in FINISHED_TEXT else status)
        p.activity_changed.emit("")
        if status in ("done", "stopped"):
            p.status_message.emit((self.tr("run finished: {0}") if status == "done"
                                   else self.tr("run stopped: {0}")).format(self.run_dir))
        p.run_finished.emit(status)

    # --- shutdown ---------------------------------------------------------------------------------
    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop a running run and wait for its final checkpoint; True when it ended in time."""
        ok = True
        if self.worker is not None:
            if self.busy:
                self.worker.stop()
            ok = self.worker.wait(timeout_ms)
        for w in list(self._loaders):
            w.wait(timeout_ms)
        return ok
