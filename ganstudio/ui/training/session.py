"""One training run started from the panel: the TrainWorker's lifecycle and its batches.

The session turns worker batches into view updates (cheap appends; drawing waits for the
panel's timer) and worker states into the controls' state.  It never blocks the GUI thread
except in :meth:`Session.shutdown`, which waits for the run's final checkpoint on exit.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject

from ganstudio.ui.workers import CallWorker, TrainBatch, TrainWorker

PROGRESS_INTERVAL = 0.25  # seconds between progress-bar updates (each one repaints it)
FINISHED_TEXT = {"done": "finished", "stopped": "stopped (checkpoint written)",
                 "diverged": "diverged: stopped at the last good checkpoint",
                 "failed": "failed (see the message above)",
                 "cancelled": "cancelled before training started"}


class Session(QObject):
    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.worker: TrainWorker | None = None
        self.run_dir: Path | None = None
        self.recipe = None
        self._images_per_s = None
        self._threads = None
        self._progress_shown = 0.0
        self._ended = True
        self._loaders: list[CallWorker] = []

    @property
    def busy(self) -> bool:
        """A run started here has not reported its end yet."""
        return self.worker is not None and not self._ended

    # --- commands ---------------------------------------------------------------------------------
    def start(self, recipe) -> bool:
        from ganstudio.train.run import default_run_dir
        p = self.panel
        self.recipe = recipe
        self.run_dir = default_run_dir(recipe.name or "run", root=p.runs_root)
        data = p.preview.dataset_for(p.form.values()["data"], dict(recipe.model))
        p.clear_views()
        p.controls.reset_progress(recipe.train.steps)
        p.controls.set_threads_note("")
        self._images_per_s = self._threads = None
        w = TrainWorker(recipe, self.run_dir, data=data, parent=self)
        w.batch.connect(self._on_batch)
        w.state_changed.connect(self._on_state)
        w.failed.connect(self._on_failed)
        w.run_finished.connect(self._on_finished)
        w.checkpoint_loaded.connect(p.open_in_explorer)
        self.worker = w
        self._ended = False
        p.set_state("loading")
        p.activity_changed.emit(f"training {recipe.title or recipe.name or 'a recipe'}")
        p.status_message.emit(f"training into {self.run_dir}")
        w.start()
        return True

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

    def request_generator(self) -> None:
        if self.busy:
            self.worker.request_generator()
            self.panel.status_message.emit("saving a checkpoint for the Explorer…")

    def load_checkpoint_of(self, run_dir: Path) -> None:
        """Load the newest checkpoint of ``run_dir`` off the GUI thread, then open it."""
        def load():
            from ganstudio.core.checkpoint import load_checkpoint
            return load_checkpoint(run_dir)
        w = CallWorker(load, tag=str(run_dir), parent=self)
        w.done.connect(self._on_loaded)
        w.failed.connect(self._on_load_failed)
        w.finished.connect(lambda: self._loaders.remove(w) if w in self._loaders else None)
        self._loaders.append(w)
        self.panel.status_message.emit(f"loading the newest checkpoint of {Path(run_dir).name}…")
        w.start()

    def _on_loaded(self, _tag, ckpt) -> None:
        self.panel.open_in_explorer.emit(ckpt)

    def _on_load_failed(self, _tag, message: str) -> None:
        self.panel.show_notice(f"cannot open the generator: {message}")

    # --- worker signals (GUI thread) ---------------------------------------------------------------
    def _on_batch(self, batch: TrainBatch) -> None:
        p = self.panel
        try:
            if batch.columns is not None:
                p.curves.add_columns(batch.columns)
            if batch.last_log is not None:
                self._images_per_s = batch.last_log.get("images_per_s", self._images_per_s)
                self._threads = batch.last_log.get("threads", self._threads)
            now = time.monotonic()
            if now - self._progress_shown >= PROGRESS_INTERVAL or batch.events:
                self._progress_shown = now
                p.controls.set_progress(batch.step, batch.total, batch.steps_per_s,
                                        self._images_per_s, self._threads)
            for step, path, image in batch.grids:
                p.samples.add_grid(step, image, path)
            if batch.toy is not None:
                p.show_toy_snapshot(batch.toy)
            elif batch.columns is not None:
                p.schedule_refresh()
            for ev in batch.events:
                self._on_event(ev)
        finally:
            if self.worker is not None:
                self.worker.ack()

    def _on_event(self, ev: dict) -> None:
        p = self.panel
        kind = ev.get("type")
        if kind == "paused" and p.state in ("running", "paused"):
            p.set_state("paused")
            p.status_message.emit(f"paused at step {ev.get('step', 0):,}")
        elif kind == "resumed" and p.state in ("running", "paused"):
            p.set_state("running")
        elif kind == "checkpoint":
            p.status_message.emit(f"checkpoint written at step {ev.get('step', 0):,}: {ev.get('path')}")
        elif kind == "diverged":
            p.show_notice(ev.get("message") or "training diverged")
        elif kind == "threads":
            self._threads = ev.get("threads", self._threads)
            p.controls.set_threads_note(ev.get("note", ""))
            p.status_message.emit(f"training: CPU threads: {ev.get('note')}")

    def _on_state(self, state: str) -> None:
        p = self.panel
        if state == "running":
            p.set_state("paused" if self.worker.is_paused else "running")
            p.device_changed.emit(self.worker.device_name)
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
        p.set_state("finished", FINISHED_TEXT.get(status, status))
        p.activity_changed.emit("")
        if status in ("done", "stopped"):
            p.status_message.emit(f"run {status}: {self.run_dir}")
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
