"""Change the site folder by exactly the files that differ, all at the end, as one commit.

A build collects its changes in a staging folder beside the site (`.site.staging-*`), which
holds only the files whose bytes differ from the site's: a one-article edit stages a handful of
files, not the whole site. Nothing in `site/` changes until `commit`, after every page rendered
without error. The commit writes a journal (which files come in, which go), moves the files that
go and the files about to be replaced aside into the staging folder, moves the staged files into
place one by one (each an atomic rename, so a file is always either old or new), applies the
companion (the front matter written into content/), and deletes the journal and what was moved
aside. If the companion fails, the moved-aside files are put back: the site is as it was.

A build killed during a commit leaves the journal behind, and the next build (which takes the
project's lock) finishes that commit before anything else; a build killed before its commit
leaves `site/` as it was. The first build of a site has nothing to compare with: its staging
folder becomes the site in one rename.

A file `.briefgen-site` marks the folders briefgen made: a build refuses to touch a non-empty
`site_dir` without it (a typo in config.yaml must not empty someone's notes).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Protocol

from briefgen.config import Config
from briefgen.content import shown_path
from briefgen.errors import BriefgenError, Problem
from briefgen.safe_yaml import YamlRefused, compose_safely

JOURNAL = "site-commit.json"
"""In the cache folder while a commit is under way."""
ASIDE = ".replaced"
"""In the staging folder during a commit: the site's files that go or are replaced, until the commit is done."""
MARKER = ".briefgen-site"
"""A file briefgen puts in every site it makes: the folders it may change are those that have it."""
MARKER_TEXT = b"This folder is made by briefgen: each build replaces all of it.\n"
_OLD_SITE_SIGN = b'<meta name="generator" content="briefgen '
"""Sites made before the marker existed: their index.html says who made them in its head."""


def foreign_site_reason(site_dir: Path) -> str | None:
    """Why `site_dir` must not be replaced (it holds something briefgen did not make), or None."""
    if site_dir.is_symlink():
        return "a symbolic link: a build replaces the site folder as a whole, and would replace the link"
    if not site_dir.exists():
        return None
    if not site_dir.is_dir():
        return "a file, not a folder"
    if (site_dir / MARKER).is_file() or not any(site_dir.iterdir()):
        return None
    index = site_dir / "index.html"
    try:
        with index.open("rb") as fh:
            if index.is_file() and _OLD_SITE_SIGN in fh.read(4096):
                return None
    except OSError:
        pass
    return (f"a folder of files briefgen did not make (it has no {MARKER} file): a build replaces the site "
            "folder as a whole, so it will not replace this one; set site_dir to a new or empty folder, "
            "or empty this one yourself")


def refuse_foreign_site(config: Config) -> None:
    """Stop the build before it does anything when `site_dir` is not a folder briefgen may replace."""
    reason = foreign_site_reason(config.site_dir)
    if reason is not None:
        shown = os.path.relpath(config.site_dir, config.root)
        raise BriefgenError(Problem(f"'site_dir' is {shown}, {reason}", config.path,
                                    _key_line(config.path, "site_dir")))


def _key_line(config_path: Path | None, key: str) -> int | None:
    """1-based line of a top-level key of the config file, if it is there."""
    try:
        node = compose_safely(config_path.read_text(encoding="utf-8")) if config_path else None
    except (OSError, ValueError, YamlRefused):
        return None
    for key_node, _ in getattr(node, "value", []):
        if key_node.value == key:
            return int(key_node.start_mark.line) + 1
    return None


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


class Companion(Protocol):
    """Other files committed together with the site (the front matter written into content/)."""

    def apply(self) -> None:
        """Put the staged files in place, or raise BriefgenError having changed nothing."""

    def discard(self) -> None:
        """Remove whatever was staged."""


class SiteChanges:
    """The files a build writes into the site and the ones it removes, staged until `commit`."""

    def __init__(self, site_dir: Path, journal_dir: Path) -> None:
        self.site_dir = site_dir
        self.journal = journal_dir / JOURNAL
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.staging-", dir=site_dir.parent))
        except OSError as exc:
            raise _site_problem(exc, site_dir, None) from exc
        self.fresh_site = not site_dir.is_dir()
        self.written: set[str] = set()
        self.removed: set[str] = set()
        self._made: set[Path] = set()

    def write(self, relative: str, data: bytes) -> bool:
        """Stage `data` for the site path `relative` unless the site already holds exactly these bytes."""
        check_site_path(relative)
        self.removed.discard(relative)
        replaced = any(relative.startswith(folder + "/") for folder in self.removed)
        if not self.fresh_site and not replaced and read_if_present(self.site_dir / relative) == data:
            if relative in self.written:  # staged earlier in this build with other bytes: unstage
                (self.staging / relative).unlink(missing_ok=True)
                self.written.discard(relative)
            return False
        target = self.staging / relative
        try:
            if target.parent not in self._made:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(target.parent)
            target.write_bytes(data)
        except OSError as exc:  # a failed write() names no file: name the site's
            raise _site_problem(OSError(exc.errno, exc.strerror, str(target)), self.site_dir, self.staging) from exc
        self.written.add(relative)
        return True

    def current(self, relative: str) -> bytes | None:
        """The bytes the site will hold at `relative` after the commit (None: none)."""
        if relative in self.written:
            return read_if_present(self.staging / relative)
        if relative in self.removed or any(relative.startswith(folder + "/") for folder in self.removed):
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

    def commit(self, companion: Companion | None = None) -> int:
        """Apply the changes to the site and then the companion (see the module's docstring); count the files
        changed. On any failure before the journal is written, nothing has changed."""
        self.write(MARKER, MARKER_TEXT)
        changed = self.changed
        try:
            reason = foreign_site_reason(self.site_dir)  # checked by the build first; again, as it is about to go
            if reason:
                raise BriefgenError(Problem(f"not replaced: it is {reason}", shown_path(self.site_dir, Path.cwd())))
            if self.fresh_site:
                os.chmod(self.staging, 0o755)
                os.replace(self.staging, self.site_dir)
            elif self.written or self.removed:
                self._check_writable()
                self.journal.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.journal.with_name(f".{JOURNAL}.{os.getpid()}.tmp")
                tmp.write_text(json.dumps({"staging": self.staging.name, "write": sorted(self.written),
                                           "remove": sorted(self.removed)}), encoding="utf-8")
                os.replace(tmp, self.journal)
                apply_journal(self.site_dir, self.journal, keep_aside=companion is not None)
        except BaseException as exc:
            self.abandon()
            if companion is not None:
                companion.discard()
            if isinstance(exc, OSError):
                raise _site_problem(exc, self.site_dir, self.staging) from exc
            raise
        if companion is not None:
            try:
                companion.apply()
            except BaseException:
                self._undo()
                raise
        self.abandon()
        return changed

    def _check_writable(self) -> None:
        """Refuse, before anything moves, a commit that a read-only folder of the site would stop half-way."""
        folders = {(self.site_dir / relative).parent for relative in [*self.written, *self.removed]}
        for folder in sorted(folders):
            while not folder.exists() and folder != self.site_dir:
                folder = folder.parent
            if not os.access(folder, os.W_OK | os.X_OK):
                raise OSError(13, "Permission denied", str(folder))

    def _undo(self) -> None:
        """Put the site back as it was before `commit` (the companion failed after the files moved in)."""
        if self.fresh_site:
            rejected = self.site_dir.with_name(f".{self.site_dir.name}.staging-rejected")
            with contextlib.suppress(OSError):
                os.replace(self.site_dir, rejected)
            shutil.rmtree(rejected, ignore_errors=True)
            return
        aside = self.staging / ASIDE
        for relative in sorted(self.written):
            with contextlib.suppress(OSError):
                (self.site_dir / relative).unlink()
        for path in sorted(aside.rglob("*")) if aside.is_dir() else []:
            if path.is_file() or path.is_symlink():
                target = self.site_dir / path.relative_to(aside)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
        _prune_empty_folders(self.site_dir, {(self.site_dir / r).parent for r in self.written})
        self.abandon()

    def abandon(self) -> None:
        """Drop the staged changes (a failed build): the site stays as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)


def apply_journal(site_dir: Path, journal: Path, keep_aside: bool = False) -> None:
    """Carry out (or finish) the commit a journal describes, then delete it. Running it twice is harmless.

    With `keep_aside`, what goes or is replaced stays in the staging folder (`ASIDE`) for an undo;
    else the staging folder is deleted at the end.
    """
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
    aside = staging / ASIDE
    incoming = set(writes)
    holding = {relative.rsplit("/", n)[0] for relative in writes for n in range(1, relative.count("/") + 1)}
    for relative in removes:
        target = site_dir / relative
        if target.is_dir() and not target.is_symlink() and relative in holding:
            # files come into it: move aside only those that are not already the new ones (a commit run again)
            for path in sorted(target.rglob("*")):
                if not path.is_dir() and path.relative_to(site_dir).as_posix() not in incoming:
                    _move_aside(path, aside / path.relative_to(site_dir))
        elif target.exists() or target.is_symlink():
            _move_aside(target, aside / relative)
    for relative in writes:
        source = staging / relative
        if source.is_file() and not source.is_symlink():
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_dir() and not target.is_symlink():
                _move_aside(target, aside / relative)
            elif target.exists():
                try:
                    os.link(target, _fresh(aside / relative))
                except OSError:  # no hard links here: a copy keeps the old bytes for an undo
                    shutil.copy2(target, aside / relative)
            os.replace(source, target)
    _prune_empty_folders(site_dir, {(site_dir / relative).parent for relative in removes})
    journal.unlink(missing_ok=True)
    if not keep_aside:
        shutil.rmtree(staging, ignore_errors=True)


def _fresh(path: Path) -> Path:
    """`path`, its folder made and nothing left at it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    return path


def _move_aside(path: Path, to: Path) -> None:
    os.replace(path, _fresh(to))


def _prune_empty_folders(site_dir: Path, folders: set[Path]) -> None:
    """Remove the given folders of the site, and their parents, while they are empty."""
    for folder in sorted(folders, key=lambda p: -len(p.parts)):
        while folder != site_dir and folder.is_relative_to(site_dir):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
            folder = folder.parent


def finish_interrupted_commit(site_dir: Path, cache_dir: Path) -> None:
    """Complete a commit that a killed build left half done (call under the project's lock)."""
    journal = cache_dir / JOURNAL
    if journal.exists():
        apply_journal(site_dir, journal)


def publish(site_dir: Path, files: dict[str, bytes], companion: Companion | None = None,
            journal_dir: Path | None = None) -> int:
    """Make `site_dir` hold exactly `files` and the marker (writing only what differs); count the files changed."""
    reason = foreign_site_reason(site_dir)
    if reason:
        raise BriefgenError(Problem(f"not replaced: it is {reason}", shown_path(site_dir, Path.cwd())))
    changes = SiteChanges(site_dir, journal_dir or site_dir.parent)
    try:
        for relative, data in sorted(files.items()):
            changes.write(relative, data)
        if not changes.fresh_site:
            for path in sorted(site_dir.rglob("*")):
                relative = path.relative_to(site_dir).as_posix()
                if (path.is_file() or path.is_symlink()) and relative not in files and relative != MARKER:
                    changes.remove(relative)
    except BaseException:
        changes.abandon()
        if companion is not None:
            companion.discard()
        raise
    return changes.commit(companion)


def _site_problem(exc: OSError, site_dir: Path, staging: Path | None) -> BriefgenError:
    """An error writing the site, naming the site file it concerns rather than the staging folder."""
    where = Path(exc.filename) if exc.filename else site_dir
    if staging is not None and where.is_relative_to(staging):
        where = site_dir / where.relative_to(staging)
    reason = exc.strerror or (str(exc.args[0][0][2]) if isinstance(exc, shutil.Error) and exc.args[0] else str(exc))
    return BriefgenError(Problem(f"cannot write the new site: {reason}", shown_path(where, Path.cwd())))
