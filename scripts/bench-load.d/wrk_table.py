"""Prints scripts/bench-load's wrk tables from the lines the bash script collected.

    wrk_table.py throughput FILE   chemin, req/s, p50, p99, corps, ratio to the trivial route
    wrk_table.py growth FILE       size, chemin, p50, p95 warm, first load after a restart

FILE holds tab-separated lines: `label<TAB>body bytes<TAB>BENCH-LOAD k=v …` (the line of
report.lua); the label `trivial` is the ceiling the others are compared with (measured several
times during the run, the median is the ceiling: one run of it varies by ±20 %). Growth lines are
`size<TAB>label<TAB>cold seconds<TAB>BENCH-LOAD …`.
"""
import sys

import loadlib as L


def parse(line):
    return {k: int(v) for k, v in (kv.split("=") for kv in line.split()[1:])}


def throughput(path):
    rows, ceilings = [], []
    entries, sized, near = [], {}, {}
    for line in open(path, encoding="utf-8"):
        label, body, wrk = line.rstrip("\n").split("\t")
        w = parse(wrk)
        rps = w["requests"] / (w["duration_us"] / 1e6)
        errors = w["connect"] + w["read"] + w["write"] + w["timeout"] + w["status"]
        if label.startswith("="):  # the trivial server answering a body of the same size
            sized[label[1:]] = rps
            continue
        if label.startswith("~"):  # the trivial server's GET /, measured right after the row
            near[label[1:]] = rps
            continue
        if label == "trivial":
            ceilings.append((rps, int(body), w, errors))
        else:
            entries.append((label, int(body), w, rps, errors))
    if ceilings:
        ceilings.sort(key=lambda c: c[0])
        rps, body, w, errors = ceilings[(len(ceilings) - 1) // 2]
        entries.append(("trivial", body, w, rps, errors))
    trivial = entries[-1][3] if ceilings else None
    ok_all = True
    for label, body, w, rps, errors in entries:
        ratio = rps / trivial if trivial else float("nan")
        # Compared with the ceiling of its own minute when it was measured, else the run's median.
        judged = rps / near[label] if near.get(label) else ratio
        meets = rps >= 5000 and w["p99"] < 50_000 and (label == "trivial" or judged >= 0.8) and errors == 0
        ok_all &= meets or label == "trivial"
        none = w["requests"] == 0  # nothing answered within wrk's timeout
        rows.append([
            (f"GET / du serveur trivial (plafond, médiane de {len(ceilings)} : "
             + ", ".join(L.fr_int(c[0]) for c in ceilings) + ")") if label == "trivial" else label, L.fr_int(rps),
            "—" if none else L.fr_num(w["p50"] / 1000, 2), "—" if none else L.fr_num(w["p99"] / 1000, 2), L.fr_int(body),
            L.fr_int(w["bytes"] / max(w["requests"], 1)), "—" if label == "trivial" else L.fr_num(ratio, 2),
            L.fr_num(rps / near[label], 2) if near.get(label) else "—",
            L.fr_num(rps / sized[label], 2) if sized.get(label) else "—",
            L.fr_int(errors), "oui" if meets else "non"])
    header = ["chemin", "req/s", "p50 (ms)", "p99 (ms)", "corps (octets)", "transféré/req", "ratio trivial",
              "ratio trivial voisin", "ratio trivial même corps", "erreurs", "cible"]
    # The neighbouring ceilings are measured only in the `public` part: their columns go when empty.
    empty = [i for i in (7, 8) if all(row[i] == "—" for row in rows)]
    print(L.table([h for i, h in enumerate(header) if i not in empty],
                  [[c for i, c in enumerate(row) if i not in empty] for row in rows]))
    print("  cibles : ≥ 5 000 req/s, p99 < 50 ms, ratio au serveur trivial ≥ 0,8 (au trivial voisin quand il est "
          "mesuré), aucune erreur "
          "(« erreurs » : réponses non 2xx/3xx, délais, sockets) ; corps : octets du corps reçu par curl ; "
          "transféré/req : octets lus par wrk par requête, en-têtes compris ; ratio trivial : au plafond, médiane "
          "des mesures du serveur trivial avant, au milieu et après les chemins ; ratio trivial voisin : au "
          "serveur trivial (GET /) mesuré juste après la ligne, la capacité de la machine variant de ±20 % en "
          "quelques minutes ; ratio trivial même corps : "
          "au serveur trivial répondant autant d’octets (GET /octets/N), ce que coûtent l’application et non les octets")


def growth(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        size, label, cold, wrk = line.rstrip("\n").split("\t")
        w = parse(wrk)
        rows.append([L.fr_int(int(size)), label, L.fr_num(w["p50"] / 1000, 1), L.fr_num(w["p95"] / 1000, 1),
                     L.fr_num(w["p99"] / 1000, 1), L.fr_num(float(cold) * 1000, 0)])
    print(L.table(["dossiers générés", "chemin", "p50 (ms)", "p95 (ms)", "p99 (ms)",
                   "1re requête après redémarrage (ms)"], rows))


{"throughput": throughput, "growth": growth}[sys.argv[1]](sys.argv[2])
