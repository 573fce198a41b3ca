"""Change the site folder by exactly the files that differ, all at the end, as one commit.

A build collects its changes in a staging folder beside the site (`.site.staging-*`), which
holds only the files whose bytes differ from the site's: a one-article edit stages a handful of
files, not the whole site. Nothing in `site/` changes until `commit`, after every page rendered
without error. The commit writes a journal (which files come in, which go), removes the files
that go, moves the staged files into place one by one (each an atomic rename, so a file is always
either old or new), and deletes the journal. A build killed during a commit leaves the
journal behind, and the next build (or any command that takes the project's lock) finishes that
commit before anything else; a build killed before its commit leaves `site/` as it was.

The first build of a site has nothing to compare with: its staging folder becomes the site in one
rename.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from briefgen.errors import BriefgenError, Problem

JOURNAL = "site-commit.json"
"""In the cache folder while a commit is under way."""


def check_site_path(relative: str) -> None:
    """Refuse an output path that would land outside the site folder."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in relative:
        raise BriefgenError(Problem(f"refusing to write outside the site folder: {relative!r}"))


def read_if_present(path: Path) -> bytes | None:
    """A regular file's bytes, or None (missing, a folder, a link)."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        return path.read_bytes()
    except OSError:
        return None


class SiteChanges:
    """The files a build writes into the site and the ones it removes, staged until `commit`."""

    def __init__(self, site_dir: Path, journal_dir: Path) -> None:
        self.site_dir = site_dir
        self.journal = journal_dir / JOURNAL
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.staging-", dir=site_dir.parent))
        self.fresh_site = not site_dir.is_dir()
        self.written: set[str] = set()
        self.removed: set[str] = set()
        self._made: set[Path] = set()

    def _target(self, relative: str) -> Path:
        check_site_path(relative)
        target = self.staging / relative
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        return target

    def write(self, relative: str, data: bytes) -> bool:
        """Stage `data` for the site path `relative` unless the site already holds exactly these bytes."""
        self.removed.discard(relative)
        replaced = any(relative.startswith(folder + "/") for folder in self.removed)
        if not self.fresh_site and not replaced and read_if_present(self.site_dir / relative) == data:
            if relative in self.written:  # staged earlier in this build with other bytes: unstage
                (self.staging / relative).unlink(missing_ok=True)
                self.written.discard(relative)
            return False
        self._target(relative).write_bytes(data)
        self.written.add(relative)
        return True

    def folder(self, relative: str) -> Path:
        """A staging folder that a tool fills itself (Pagefind); `adopt` stages what it wrote."""
        check_site_path(relative)
        folder = self.staging / relative
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def adopt(self, relative: str) -> None:
        """Count every file a tool wrote under the staging folder `relative` as written."""
        base = self.staging / relative
        for path in base.rglob("*"):
            if path.is_file():
                self.written.add(path.relative_to(self.staging).as_posix())

    def current(self, relative: str) -> bytes | None:
        """The bytes the site will hold at `relative` after the commit (None: none)."""
        if relative in self.written:
            return read_if_present(self.staging / relative)
        if relative in self.removed:
            return None
        return read_if_present(self.site_dir / relative)

    def remove(self, relative: str) -> None:
        """Remove a file (or a folder, with what is in it) of the site at the commit; drop what was staged there."""
        check_site_path(relative)
        staged = self.staging / relative
        if staged.is_dir():
            shutil.rmtree(staged)
            self.written = {path for path in self.written if not path.startswith(relative + "/")}
        elif relative in self.written:
            staged.unlink(missing_ok=True)
            self.written.discard(relative)
        if (self.site_dir / relative).exists() or (self.site_dir / relative).is_symlink():
            self.removed.add(relative)

    @property
    def changed(self) -> int:
        """Files written or removed so far."""
        return len(self.written) + len(self.removed)

    def commit(self) -> int:
        """Apply the changes to the site (see the module's docstring); return how many files changed."""
        changed = self.changed
        if self.fresh_site:
            os.chmod(self.staging, 0o755)
            os.replace(self.staging, self.site_dir)
            return changed
        if changed:
            self.journal.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.journal.with_name(f".{JOURNAL}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"staging": self.staging.name, "write": sorted(self.written),
                                       "remove": sorted(self.removed)}), encoding="utf-8")
            os.replace(tmp, self.journal)
            apply_journal(self.site_dir, self.journal)
        self.abandon()
        return changed

    def abandon(self) -> None:
        """Drop the staged changes (a failed build): the site stays as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)


def apply_journal(site_dir: Path, journal: Path) -> None:
    """Carry out (or finish) the commit a journal describes, then delete it. Running it twice is harmless."""
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        staging = site_dir.parent / str(plan["staging"])
        writes, removes = [str(p) for p in plan["write"]], [str(p) for p in plan["remove"]]
        if not staging.name.startswith(f".{site_dir.name}.staging-") or "/" in str(plan["staging"]):
            raise ValueError("not a staging folder of this site")
        for relative in [*writes, *removes]:
            check_site_path(relative)
    except (OSError, ValueError, KeyError, TypeError, BriefgenError):
        journal.unlink(missing_ok=True)  # not a journal we wrote: nothing to finish
        return
    incoming = set(writes)
    holding = {relative.rsplit("/", n)[0] for relative in writes for n in range(1, relative.count("/") + 1)}
    emptied: set[Path] = set()
    for relative in removes:
        target = site_dir / relative
        if target.is_dir() and not target.is_symlink():
            if relative in holding:  # files come into it: keep those already moved when a commit is finished again
                for path in sorted(target.rglob("*"), reverse=True):
                    if path.relative_to(site_dir).as_posix() not in incoming and not path.is_dir():
                        path.unlink(missing_ok=True)
            else:
                shutil.rmtree(target, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
        emptied.add(target.parent)
    for folder in sorted(emptied, key=lambda p: -len(p.parts)):
        while folder != site_dir and folder.is_relative_to(site_dir):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
            folder = folder.parent
    for relative in writes:
        source = staging / relative
        if source.is_file() and not source.is_symlink():
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            os.replace(source, target)
    journal.unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def finish_interrupted_commit(site_dir: Path, cache_dir: Path) -> None:
    """Complete a commit that a killed build left half done (call under the project's lock)."""
    journal = cache_dir / JOURNAL
    if journal.exists():
        apply_journal(site_dir, journal)


def publish(site_dir: Path, files: dict[str, bytes], journal_dir: Path | None = None) -> int:
    """Make `site_dir` hold exactly `files` (writing only those that differ); count the files changed."""
    changes = SiteChanges(site_dir, journal_dir or site_dir.parent)
    try:
        for relative, data in sorted(files.items()):
            changes.write(relative, data)
        if not changes.fresh_site:
            for path in sorted(site_dir.rglob("*")):
                relative = path.relative_to(site_dir).as_posix()
                if (path.is_file() or path.is_symlink()) and relative not in files:
                    changes.remove(relative)
        return changes.commit()
    except BaseException:
        changes.abandon()
        raise
