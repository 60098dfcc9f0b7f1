"""Run ``python -m tintuc`` with its stderr on a pseudo-terminal, as in a terminal window."""
import fcntl
import os
import pathlib
import pty
import struct
import subprocess
import sys
import termios
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent


class TtyRun:
    """Starts the command at once; ``finish()`` waits and gives (code, stdout, terminal text)."""

    def __init__(self, args):
        self.master, slave = pty.openpty()
        # a new pseudo-terminal is 0 columns wide; give it the size of a terminal window
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        self.chunks = []
        self.reader = threading.Thread(target=self._drain)
        self.reader.start()
        self.proc = subprocess.Popen([sys.executable, "-m", "tintuc", *map(str, args)],
                                     stdout=subprocess.PIPE, stderr=slave, cwd=ROOT)
        os.close(slave)

    def _drain(self):
        while True:
            try:
                data = os.read(self.master, 4096)
            except OSError:  # every writer closed the terminal
                return
            if not data:
                return
            self.chunks.append(data)

    def finish(self):
        stdout, _ = self.proc.communicate()
        self.reader.join()
        os.close(self.master)
        return self.proc.returncode, stdout, b"".join(self.chunks).decode("utf-8", "replace")


def run_with_tty_stderr(args):
    return TtyRun(args).finish()
