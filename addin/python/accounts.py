"""Throwaway Unix accounts for the install tests: a brand-new user that has
never started LibreOffice, commands run as that user, and a headless
LibreOffice started as that user with its own default profile
(~/.config/libreoffice), driven from this process over a local socket.

Creating users needs root (or `sudo -n`); `can_create_users()` says whether
this process can, so a test can skip with a clear message instead.
Every account made here is named clvkit-t-<random> and removed, with its
home, by `Account.remove()` (the tests call it in a `finally`).
"""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid

from office import PROGRAM_DIR, Office

TIMEOUT = 180


def _root_prefix():
    """How this process runs a command as root: nothing, sudo -n, or None."""
    if os.getuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(
            ["sudo", "-n", "true"], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0:
        return ["sudo", "-n"]
    return None


def can_create_users():
    return _root_prefix() is not None and shutil.which("useradd") is not None


def run_process(cmd, cwd=None, env=None):
    """(exit code, output) of cmd in its own process group, killed on timeout."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return 124, out
    return proc.returncode, out


class Account:
    """A new unprivileged user with a fresh home (useradd -m)."""

    def __init__(self):
        self.root = _root_prefix()
        self.name = "clvkit-t-" + uuid.uuid4().hex[:8]
        code, out = run_process(self.root + ["useradd", "-m", "-s", "/bin/bash", self.name])
        if code != 0:
            raise RuntimeError("useradd %s: %s" % (self.name, out))
        entry = pwd.getpwnam(self.name)
        self.uid, self.gid, self.home = entry.pw_uid, entry.pw_gid, entry.pw_dir

    def prefix(self):
        """The command prefix that runs as this user, with a login-like
        environment: its HOME, a plain PATH, nothing inherited."""
        return self.root + ["runuser", "-u", self.name, "--", "env", "-i",
                            "HOME=" + self.home, "USER=" + self.name, "LOGNAME=" + self.name,
                            "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8"]

    def run(self, cmd, cwd=None):
        return run_process(self.prefix() + cmd, cwd=cwd)

    def give(self, source, relative):
        """Copies a file into the home (at relative), owned by the user."""
        target = os.path.join(self.home, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(source, target)
        run_process(self.root + ["chown", "-R", "%d:%d" % (self.uid, self.gid),
                                 os.path.join(self.home, relative.split("/")[0])])
        return target

    def profile_exists(self):
        return os.path.exists(os.path.join(self.home, ".config", "libreoffice"))

    def remove(self):
        """Deletes the account and its home (its offices were ended by the
        AccountOffice that started them, by their process group)."""
        for _ in range(50):
            code, _ = run_process(self.root + ["userdel", "-r", "-f", self.name])
            if code == 0 or not os.path.exists(self.home):
                break
            time.sleep(0.2)
        return not os.path.exists(self.home)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AccountOffice(Office):
    """Headless LibreOffice run by `account` exactly as that user would start
    it: its default profile, nothing on the command line about the add-in.
    extra_env: -env: arguments (the tests' private shared layer)."""

    def __init__(self, account, extra_env=(), timeout=90, deadline=240):
        super().__init__(PROGRAM_DIR, account.home, timeout=timeout, deadline=deadline)
        self.account = account
        self.extra_env = list(extra_env)

    def __enter__(self):
        port = _free_port()
        url = "socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
        cmd = self.account.prefix() + [os.path.join(PROGRAM_DIR, "soffice")] + self.extra_env + [
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
            "--accept=" + url]
        self.proc = subprocess.Popen(cmd, start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.watchdog = threading.Timer(self.deadline, self.kill)
        self.watchdog.daemon = True
        self.watchdog.start()
        try:
            self._connect("uno:" + url)  # Office._connect: wait, then the desktop
        except BaseException:
            self.kill()
            raise
        return self

