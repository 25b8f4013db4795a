"""Checkpoint files on disk: the error type and atomic writing.

:func:`atomic_write` writes a temporary file beside the target, fsyncs it and renames it over
the target, so a crash or a full disk mid-write leaves the previous file intact.  A writer that
is killed (SIGKILL, power loss) leaves its temporary file behind; the next write to the same
target removes such leftovers, and only those (see :func:`remove_stale_temp_files`).
"""
from __future__ import annotations

import errno
import os
import tempfile
import threading
import time
from pathlib import Path

from ganstudio.i18n import translate   # Qt-free: the Explorer and the command line show these

try:
    import fcntl
except ImportError:  # Windows: no advisory locks (see remove_stale_temp_files)
    fcntl = None


def damaged(name: str) -> str:
    """What a truncated or damaged file ``name`` is, in our words (the library's own wording
    goes in a CheckpointError's detail)."""
    return translate("checkpoint_io", "{0} is truncated or damaged: part of it is missing or was "
                     "changed after it was saved (an interrupted download or copy?). Download or "
                     "copy it again").format(name)


class CheckpointError(Exception):
    """A checkpoint cannot be written or read; the message says why in our words, ``detail``
    ("" when none) the technical text behind it (e.g. PyTorch's own message)."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


def _cannot_write(name: str, reason) -> str:
    return translate("checkpoint_io", "cannot write {0}: {1}; the previous checkpoint is "
                     "unchanged").format(name, reason)


def temp_prefix(path: Path) -> str:
    """Temporary files of writes to ``path`` are named ``.{name}.<random>.tmp``."""
    return f".{path.name}."


# Temporary files this process is writing now, as (device, inode), and the lock that makes
# creating a temp file and registering it one step for the cleaners of this process's threads.
_writing: set[tuple[int, int]] = set()
_writing_lock = threading.Lock()


def atomic_write(path: Path, write) -> None:
    """Call ``write(fileobj)`` on a temp file beside ``path``, fsync, then rename over ``path``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temp_files(path)
        fd, tmp, key = _claim_temp_file(path)
    except OSError as e:
        raise CheckpointError(_cannot_write(path.name, e.strerror or e)) from e
    fd_open = True
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file normal permissions
        # With locks the descriptor (and its lock) stays open until the rename is done; without
        # (Windows) it is closed first, as Windows cannot rename an open file.
        with os.fdopen(fd, "wb", closefd=fcntl is None) as f:
            fd_open = fcntl is not None
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            reason = translate("checkpoint_io", "the disk is full") if e.errno == errno.ENOSPC \
                else (e.strerror or str(e))
            raise CheckpointError(_cannot_write(path.name, reason)) from e
        if isinstance(e, RuntimeError) and "write" in str(e).lower():
            raise CheckpointError(_cannot_write(path.name, e)) from e
        raise
    finally:
        with _writing_lock:
            _writing.discard(key)
        if fd_open:
            os.close(fd)  # releases the lock


def _claim_temp_file(path: Path) -> tuple[int, str, tuple[int, int]]:
    """A new temp file beside ``path``, registered and (where locks exist) locked:
    (descriptor, name, registry key)."""
    for _ in range(5):
        with _writing_lock:
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
            try:
                key = _file_key(os.fstat(fd))
            except OSError:
                os.close(fd)
                raise
            _writing.add(key)
        if fcntl is None:
            return fd, tmp, key
        try:
            # Blocks only while another process's cleaner holds the lock, which it takes only
            # to delete the file; so once we hold it, the file is ours if its name still leads
            # to it (a cleaner that won the race for a brand-new file has unlinked it).
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a filesystem without locks (some FUSE / SMB mounts): cleaners there
            return fd, tmp, key  # cannot lock any temp file either, so they remove none
        if _same_file(tmp, os.fstat(fd)):
            return fd, tmp, key
        with _writing_lock:
            _writing.discard(key)
        os.close(fd)
    raise OSError(errno.EAGAIN, "its temporary files keep being removed by another process")


def remove_stale_temp_files(path: Path) -> None:
    """Delete the temporary files that killed writers of ``path`` left behind (never fails).

    Which temp files are stale?  An age limit ("older than N seconds") cannot tell: a live
    writer of a big checkpoint to a slow or network disk can take minutes, while a crash loop
    leaves a new file every few seconds.  Instead every writer holds an exclusive ``flock`` on
    its temp file from creation until the rename; the kernel drops that lock the moment the
    writer dies, however it dies.  So a temp file whose lock we can take without waiting has no
    live writer in any process.  Within this process a registry (``_writing``) is checked as
    well, because on network filesystems flock is emulated with POSIX record locks, which never
    conflict inside one process.  Without flock (Windows) only files untouched for a day are
    removed: there an open file cannot be deleted anyway, but the gap between closing and
    renaming is not protected.
    """
    prefix = temp_prefix(path)
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        full = os.path.join(path.parent, name)
        try:
            if fcntl is None:
                if os.path.getmtime(full) < time.time() - 86_400:
                    os.unlink(full)
                continue
            with _writing_lock:
                _remove_if_unlocked(full)
        except OSError:
            continue


def _remove_if_unlocked(full: str) -> None:
    # O_RDWR: on NFS an exclusive (emulated) flock needs a descriptor open for writing.
    fd = os.open(full, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    try:
        if _file_key(os.fstat(fd)) in _writing:
            return  # another thread of this process is writing it
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # a live writer holds it
        if _same_file(full, os.fstat(fd)):
            os.unlink(full)  # while holding the lock: a writer that locks next sees it is gone
    finally:
        os.close(fd)


def _file_key(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _same_file(name: str, st: os.stat_result) -> bool:
    try:
        now = os.stat(name, follow_symlinks=False)
    except OSError:
        return False
    return _file_key(now) == _file_key(st) and st.st_nlink > 0


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
