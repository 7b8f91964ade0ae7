"""Issue 15, rolling restarts: SIGTERM while the server is busy (what systemd sends, one server at a
time, during an upgrade). The process used to trap: Vapor shut the databases down before its HTTP
server, and the requests still running reached for a database that was gone. Now it stops
accepting, finishes what it serves, and exits 0; no request gets a 5xx on the way."""
import random
import signal
import threading
import time

import requests


PATHS = ["/api/v1/communes/{code}", "/plans?page={page}", "/territoires?q={word}", "/healthz"]


def test_sigterm_under_load_drains_and_exits_cleanly(server_factory):
    server = server_factory()
    statuses, refused, stop = [], [], threading.Event()
    lock = threading.Lock()

    def hammer():
        session = requests.Session()
        while not stop.is_set():
            path = random.choice(PATHS).format(code=random.randint(1000, 99999), page=random.randint(1, 4),
                                               word=random.choice(["val", "port", "mont", "saint", "zz"]))
            try:
                status = session.get(server.url + path, timeout=30).status_code
                with lock:
                    statuses.append((status, path))
            except requests.RequestException as error:  # after the stop: refused or closed, never a 5xx
                with lock:
                    refused.append(type(error).__name__)
                session = requests.Session()
                time.sleep(0.01)

    threads = [threading.Thread(target=hammer) for _ in range(24)]
    for t in threads:
        t.start()
    time.sleep(2)
    served_before = len(statuses)
    server.process.send_signal(signal.SIGTERM)
    try:
        code = server.process.wait(timeout=40)
    finally:
        stop.set()
        for t in threads:
            t.join()
    log = server.log_tail(20000)
    print(f"[graceful stop] {served_before} answered before SIGTERM, {len(statuses)} in all, "
          f"{len(refused)} refused after; exit {code}")
    assert served_before > 20, "the load never reached the server"
    assert code == 0, f"ti serve exited with {code} when asked to stop under load:\n{log[-3000:]}"
    assert "Fatal error" not in log, log[-3000:]
    errors = [(s, p) for s, p in statuses if s >= 500]
    assert not errors, f"5xx while stopping: {errors[:10]}"
