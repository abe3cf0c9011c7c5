"""Debian's WordPress on 127.0.0.1, for the wordpress network's tests.

MariaDB runs on a private data directory and socket (no TCP port), WordPress
under ``php -S`` with a router, reading its config from
``/etc/wordpress/config-<name>.php`` as Debian's package does. ``install.php``
runs ``wp_install()`` and ``wp_insert_post()`` with our own posts
(``wordpress/posts.json``). Nothing here talks to anything but 127.0.0.1:
WordPress's own HTTP requests, cron and updates are switched off.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).with_name("wordpress")
POSTS = json.loads((HERE / "posts.json").read_text(encoding="utf-8"))
NEEDS = {"mariadbd": "mariadb-server", "mariadb-install-db": "mariadb-server", "php": "php-cli"}
HOST = "kabarlereng.test"


def missing() -> str | None:
    """Why the real WordPress cannot run here, or None."""
    lacking = sorted({pkg for cmd, pkg in NEEDS.items() if shutil.which(cmd) is None})
    if not Path("/usr/share/wordpress/wp-load.php").is_file():
        lacking.append("wordpress")
    if lacking:
        return f"install Debian's {' '.join(lacking)} php-mysql (make test does it as root)"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WordPressServer:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.origin = f"http://{HOST}:{self.port}"
        self.config_name = f"newscrawltest{os.getpid()}x{self.port}"
        self.config_file = Path(f"/etc/wordpress/config-{self.config_name}.php")
        self.socket = workdir / "mysqld.sock"
        self.processes: list[subprocess.Popen] = []
        self._start_database()
        self._write_config()
        self._run(
            "php",
            str(HERE / "install.php"),
            self.config_name,
            f"{HOST}:{self.port}",
            str(HERE / "posts.json"),
        )
        self._start_php()

    def _run(self, *command: str) -> None:
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def _start_database(self) -> None:
        data = self.workdir / "db"
        self._run(
            "mariadb-install-db",
            f"--datadir={data}",
            "--user=root",
            "--auth-root-authentication-method=normal",
        )
        self.processes.append(
            subprocess.Popen(
                [
                    "mariadbd",
                    f"--datadir={data}",
                    f"--socket={self.socket}",
                    "--skip-networking",
                    "--user=root",
                    f"--pid-file={self.workdir / 'mysqld.pid'}",
                    f"--log-error={self.workdir / 'mariadb.log'}",
                ],
            )
        )
        self._wait(lambda: self.socket.exists(), "MariaDB")
        self._run("mariadb", f"--socket={self.socket}", "-uroot", "-e", "CREATE DATABASE wordpress")

    def _write_config(self) -> None:
        content = self.workdir / "wp-content"
        (content / "mu-plugins").mkdir(parents=True)
        (content / "themes").symlink_to("/usr/share/wordpress/wp-content/themes")
        salts = "".join(
            f"define('{k}', 'newscrawl-test-{k.lower()}');\n"
            for k in ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
                      "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT")
        )  # fmt: skip
        self.config_file.write_text(
            "<?php\n"
            "define('DB_NAME', 'wordpress');\ndefine('DB_USER', 'root');\ndefine('DB_PASSWORD', '');\n"
            f"define('DB_HOST', 'localhost:{self.socket}');\n"
            f"define('WP_HOME', '{self.origin}');\ndefine('WP_SITEURL', '{self.origin}');\n"
            f"define('WP_CONTENT_DIR', '{content}');\ndefine('WP_CONTENT_URL', '{self.origin}/wp-content');\n"
            "define('DISABLE_WP_CRON', true);\ndefine('WP_HTTP_BLOCK_EXTERNAL', true);\n"
            "define('AUTOMATIC_UPDATER_DISABLED', true);\n" + salts,
            encoding="utf-8",
        )

    def _start_php(self) -> None:
        env = {**os.environ, "NEWSCRAWL_WP_CONFIG": self.config_name}
        self.processes.append(
            subprocess.Popen(
                [
                    "php",
                    "-S",
                    f"127.0.0.1:{self.port}",
                    "-t",
                    "/usr/share/wordpress",
                    str(HERE / "router.php"),
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        self._wait(self._answers, "WordPress")

    def _answers(self) -> bool:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/", headers={"Host": f"{HOST}:{self.port}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    def _wait(self, ready, what: str) -> None:
        deadline = time.monotonic() + 60
        while not ready():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start in 60 s (see {self.workdir})")
            time.sleep(0.2)

    def block_rest(self) -> None:
        """A security plugin's 403 for every REST request."""
        shutil.copy(HERE / "block-rest.php", self.workdir / "wp-content" / "mu-plugins" / "block-rest.php")

    def unblock_rest(self) -> None:
        (self.workdir / "wp-content" / "mu-plugins" / "block-rest.php").unlink(missing_ok=True)

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.config_file.unlink(missing_ok=True)
