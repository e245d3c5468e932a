"""Where exported files are written: a folder only this user can open (0700, files 0600), which
keeps one export per draft and is removed when the process exits. A download is copied by the
browser when it is fetched, so nothing needs the file afterwards; the shared temp folder no longer
fills with readable drafts. The app keeps its exports and Gradio's copies under the data directory
(app_temp), emptied at start: a run that was killed leaves nothing behind for long."""

from __future__ import annotations

import atexit
import os
import shutil
import threading
from pathlib import Path

_folders: set[Path] = set()
_roots: set[Path] = set()
_lock = threading.Lock()


def app_temp(data_dir: Path) -> Path:
    """The app's own temp folder, `tmp` under the data directory (exports, Gradio's copies of
    uploads and downloads): emptied now of what a killed run left, private (0700), and removed
    when the process exits. One per app instance, as the data directory is."""
    root = data_dir / "tmp"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    root.chmod(0o700)
    with _lock:
        _roots.add(root)
    return root


def private_folder(directory: Path) -> Path:
    """The folder, created (or narrowed) to 0700 and removed when the process exits."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)
    with _lock:
        _folders.add(directory)
    return directory


def private_files(directory: Path, names: list[str], draft_id: str) -> list[Path]:
    """Empty 0600 files for this export, created before anything is written into them; earlier
    exports of the same draft in the folder (another title, another organisation) are removed."""
    paths = [directory / name for name in names]
    for old in directory.iterdir():
        if old.is_file() and draft_id in old.name and old not in paths:
            old.unlink()
    for path in paths:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
        path.chmod(0o600)
    return paths


@atexit.register
def remove_exports() -> None:
    """Every export folder of this process, the app's temp folder, and an empty parent folder
    reportdraft-export-…. At exit, and when a service manager stops the app (SIGTERM: app.py exits)."""
    with _lock:
        folders, roots = list(_folders), list(_roots)
        _folders.clear()
        _roots.clear()
    for root in roots:
        shutil.rmtree(root, ignore_errors=True)
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
        if folder.parent.name.startswith("reportdraft-export-"):
            try:
                folder.parent.rmdir()
            except OSError:
                pass  # not empty: another draft's folder is still there (removed in its turn)
