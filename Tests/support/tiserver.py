"""Starts real `ti serve` processes for the suites that talk to the app over HTTP
(Tests/e2e, Tests/adversarial): a fresh database with the demonstration data per server,
a free loopback port, and a check that the process is still alive at the end.

Environment:
  TI_BIN            the binary to run (default: .build/release/ti if it exists, else .build/debug/ti)
  TI_E2E_DB         sqlite (default) or postgres
  DATABASE_URL_PG   with postgres: the URL of a private cluster (scripts/lib/postgres.sh sets it);
                    a database `ti_template` is built there once and copied for each server.

The template (geography + `ti demo`) is built once per run and copied, so a server starts in
about a second.
"""
import os, shutil, signal, socket, subprocess, tempfile, time, urllib.parse, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TEMPLATE_DIR = os.path.join(ROOT, ".build", "test-templates")


def ti_binary():
    explicit = os.environ.get("TI_BIN")
    if explicit:
        return os.path.abspath(explicit)
    for candidate in (".build/release/ti", ".build/debug/ti"):
        path = os.path.join(ROOT, candidate)
        if os.path.exists(path):
            return path
    raise SystemExit("No ti binary: run `swift build` (or set TI_BIN).")


def database_kind():
    return os.environ.get("TI_E2E_DB", "sqlite")


def _run(args, env, label):
    started = time.time()
    done = subprocess.run(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{label} failed ({done.returncode}):\n{done.stdout[-4000:]}")
    return time.time() - started


def _base_env():
    env = dict(os.environ)
    env.setdefault("LOG_LEVEL", "warning")
    env.pop("DATABASE_URL", None)
    return env


def _pg_admin(sql):
    url = urllib.parse.urlparse(os.environ["DATABASE_URL_PG"])
    subprocess.run(["psql", "-q", "-h", url.hostname, "-p", str(url.port), "-U", url.username or "ti", "-d", "postgres",
                    "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, stdout=subprocess.DEVNULL)


def _pg_url(name):
    url = urllib.parse.urlparse(os.environ["DATABASE_URL_PG"])
    return url._replace(path="/" + name).geturl()


_template_ready = False


def ensure_template():
    """The demonstration database, built once per run (geography import + `ti demo`)."""
    global _template_ready
    if _template_ready:
        return
    env = _base_env()
    ti = ti_binary()
    if database_kind() == "postgres":
        _pg_admin("DROP DATABASE IF EXISTS ti_template")
        _pg_admin("CREATE DATABASE ti_template")
        env["DATABASE_URL"] = _pg_url("ti_template")
    else:
        os.makedirs(TEMPLATE_DIR, exist_ok=True)
        path = os.path.join(TEMPLATE_DIR, "demo.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        env["DATABASE_URL"] = "sqlite://" + path
    seconds = _run([ti, "import", "geo"], env, "ti import geo")
    seconds += _run([ti, "demo"], env, "ti demo")
    if database_kind() != "postgres":
        # Fold the WAL into the file so that a plain copy is complete.
        import sqlite3
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
        con.close()
    print(f"[tiserver] demo template ({database_kind()}) built in {seconds:.1f} s", flush=True)
    _template_ready = True


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TIServer:
    """One `ti serve` on its own copy of the demo database.

        with TIServer() as server:
            urllib.request.urlopen(server.url + "/healthz")
            assert server.alive()
    """

    _counter = 0

    def __init__(self, extra_env=None):
        ensure_template()
        TIServer._counter += 1
        self.workdir = tempfile.mkdtemp(prefix="ti-server-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mail_dir = os.path.join(self.workdir, "mail")
        self.log_path = os.path.join(self.workdir, "server.log")
        env = _base_env()
        env.update({
            "TI_PUBLIC_URL": self.url,
            "TI_MAILER": "file",
            "TI_MAIL_DIR": self.mail_dir,
            "TI_UPLOAD_DIR": os.path.join(self.workdir, "uploads"),
        })
        if database_kind() == "postgres":
            self.db_name = f"ti_run_{os.getpid()}_{TIServer._counter}"
            _pg_admin(f"DROP DATABASE IF EXISTS {self.db_name}")
            _pg_admin(f"CREATE DATABASE {self.db_name} TEMPLATE ti_template")
            env["DATABASE_URL"] = _pg_url(self.db_name)
        else:
            self.db_name = None
            path = os.path.join(self.workdir, "ti.sqlite")
            shutil.copyfile(os.path.join(TEMPLATE_DIR, "demo.sqlite"), path)
            env["DATABASE_URL"] = "sqlite://" + path
        env.update(extra_env or {})
        self.env = env
        self.process = None

    def start(self):
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([ti_binary(), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ti serve exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return self
            except Exception:
                time.sleep(0.2)
        raise RuntimeError("ti serve did not answer /healthz within 60 s:\n" + self.log_tail())

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def log_tail(self, n=4000):
        try:
            with open(self.log_path) as f:
                return f.read()[-n:]
        except OSError:
            return ""

    def run_ti(self, *args):
        """Runs a `ti` subcommand against this server's database."""
        return subprocess.run([ti_binary(), *args], cwd=ROOT, env=self.env, check=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.db_name:
            try:
                _pg_admin(f"DROP DATABASE IF EXISTS {self.db_name}")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# Demonstration accounts (created by `ti demo`; see README).
ACCOUNTS = {
    "admin": ("admin@demo.ti.local", "Demo-admin-2026"),
    "region": ("region@demo.ti.local", "Demo-region-2026"),
    "prefecture": ("prefecture@demo.ti.local", "Demo-prefecture-2026"),
    "reviewer": ("bpifrance@demo.ti.local", "Demo-reviewer-2026"),
    "territory": ("territoire@demo.ti.local", "Demo-territory-2026"),
    "applicant": ("porteur@demo.ti.local", "Demo-applicant-2026"),
    "viewer": ("lecteur@demo.ti.local", "Demo-viewer-2026"),
    "partner": ("ademe@demo.ti.local", "Demo-partner-2026"),
}
