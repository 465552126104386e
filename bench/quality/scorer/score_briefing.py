#!/usr/bin/env python3
# Copy of the shared scorer (../shared/tools/score_briefing.py), kept so a clean clone scores the
# committed fixtures in CI (test/integration/fixture-quality.test.ts). Refresh it from the shared copy; do not edit.
"""Score a summit briefing (the JSON of `summit brief --format json`) against a gold file, as a reader would.

usage: score_briefing.py GOLD.json BRIEFING.json SOURCES_DIR [--quiet]
       score_briefing.py seeds BRIEFING.json SOURCES_DIR      (gold/seeds.json beside this script)
example: npx summit brief --format json > /tmp/b.json && python3 ../shared/tools/score_briefing.py seeds /tmp/b.json ../shared/seeds

Sources are files named NN_... or NN.json ({"url","text"}); the gold names them by that leading number.
Gold file (JSON; regexes are Python, case-insensitive; "{PCT}" stands for % / per cent / percent):
  { "facts": [ {"id", "label", "topics": ["trade", ...] | ["any"], "all": [regex, ...]} ],
    "groups": [["07","08"]], "singletons": [...], "lowinfo": [...], "noise": [strings that must not appear],
    "disagreements": [ {"id", "variants": [regex, regex, ...]} ],
    "min": { "facts": 13, ... }  (optional thresholds for the exit code; see THRESHOLDS) }

What it measures (one line each, then a summary line):
  facts          gold facts stated by one point in an allowed section ("any": any topic or the overview)
  corroboration  for found facts: independent groups the point cites / groups whose articles state the fact
  groups/lowinfo rewrite groups and low-information flags as in the gold
  leaks          gold noise strings, datelines, "TL;DR", photo captions/credits anywhere in points
  citations      quotes found verbatim (>= 90% of word trigrams) in the cited article; points without citations;
                 numbers in a point that its quotes contain
  repeats        pairs of points in different sections saying the same thing
  redundant      pairs of points in one section saying the same thing (or sharing two figures)
  artefacts      points that don't read as clean sentences (unbalanced quotes, dangling punctuation, lowercase
                 start, no final punctuation); cut = points ending in an ellipsis
  disagreements  listed; true = matching a gold disagreement (two of its variants on two listed variants);
                 recall = gold disagreements found
"""
import json, os, re, sys, unicodedata

PCT = r"(?:\s*%|\s*per\s?cent|\s*percent)"
THRESHOLDS = {  # used where the gold file has no "min"
    "facts": None, "corroboration": 0.0, "leaks": 0, "verbatim": 1.0, "uncited": 0, "numbers": 1.0,
    "repeats": None, "redundant": None, "artefacts": None, "disagreements": 2, "true_disagreements": None,
    "disagreement_precision": None, "disagreement_recall": None, "groups": True, "lowinfo": True,
}
STOP = set("""a an the and or but of to in on at for from by with as is are was were be been being that this these those
it its their his her he she they them we our you your i not no so than then there here which who whom whose what when
where while will would can could should may might must has have had do does did also into over after before about
said says say according just more most such other only very up out""".split())
NOISE_RX = [
    re.compile(r"^(?:date\s+)?\d{4}-\d{2}-\d{2}\b"),                       # "date 2025-10-28 ..."
    re.compile(r"^[A-Z][A-Za-z .]+ \[[A-Za-z .]+\],"),                     # "Tokyo [Japan], ..."
    re.compile(r"^[A-Z]{3,}(?:[ ,]+[A-Z]{2,})*\s*(?:\([A-Za-z]+\)\s*)?[—–-]\s"),  # "TOKYO — ", "SEOUL (Reuters) - "
    re.compile(r"\bTL;\s?DR\b", re.I),
    re.compile(r"\b(?:Photo|Image|Picture)s?\s*(?:credit)?\s*:", re.I),
    re.compile(r"\((?:AP|AFP|Reuters|EPA|Getty)(?: Images)?(?: Photo)?[^)]{0,40}\)\s*$", re.I),
    re.compile(r",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?\s*$"),  # caption date
]
FIG_RX = re.compile(r"(\$|us\$|usd\s?)?(\d+(?:[.,]\d+)*)\s*(%|per\s?cent|percent|billion|million|trillion|bn|tons|tonnes|yen)?", re.I)


def rx(p):
    return re.compile(p.replace("{PCT}", PCT), re.I)


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s):
    return re.findall(r"[a-z0-9$%]+", norm(s))


def content(s):
    return {w for w in words(s) if w not in STOP and len(w) > 1}


def trigrams(ws):
    return {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}


def figures(s):
    out = set()
    for m in FIG_RX.finditer(s):
        num = m.group(2).replace(",", "")
        unit = (m.group(3) or "").lower().replace(" ", "")
        unit = {"percent": "%", "percent": "%", "percent.": "%"}.get(unit, unit)
        unit = "%" if unit.startswith("per") else unit
        if unit or m.group(1) or (len(num) >= 2 and not re.fullmatch(r"(19|20)\d\d", num)):
            out.add(num + unit)
    return out


def load_sources(d):
    out = {}
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        m = re.match(r"^(\d+)[._]", f)
        if not m or not os.path.isfile(p):
            continue
        if f.endswith(".json"):
            j = json.load(open(p, encoding="utf-8"))
            out[m.group(1)] = {"text": j.get("text", "") or j.get("html", ""), "url": j.get("url")}
        else:
            out[m.group(1)] = {"text": open(p, encoding="utf-8", errors="replace").read(), "url": None}
    return out


def key_of(article, sources):
    cands = [str(article.get(k) or "") for k in ("source", "url", "id")]
    for key, meta in sources.items():
        for c in cands:
            if not c:
                continue
            if meta.get("url") and c.rstrip("/") == meta["url"].rstrip("/"):
                return key
            base = os.path.basename(c)
            if base.startswith(key + "_") or base.startswith(key + ".") or base == key:
                return key
    return None


def sections(b):
    """{section id: [points]}: every topic, plus the overview when the briefing has one."""
    out = {}
    ov = b.get("overview")
    if isinstance(ov, dict):
        ov = ov.get("points")
    if isinstance(ov, list) and ov:
        out["overview"] = ov
    for t in b.get("topics", []):
        tid = str(t.get("id", "")).lower().replace("defense", "defence")
        out[tid] = t.get("points", [])
    return out


def artefact(text):
    t = text.strip()
    why = []
    if t.count("\u201c") != t.count("\u201d") or t.count('"') % 2:
        why.append("unbalanced quotes")
    if re.search(r"\s\u201d|^\u201d|\s[,;:.](?=\s|$)", t):
        why.append("dangling punctuation")
    if t and (t[0].islower() or t[0] in ",;:.)]-\u2013\u2014"):
        why.append("starts mid-sentence")
    if t and not re.search(r"[.!?\"'\u201d\u2019)\u2026]$", t):
        why.append("no final punctuation")
    return why


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    if len(args) != 3:
        print(__doc__)
        sys.exit(2)
    gpath, bpath, sdir = args
    if not gpath.endswith(".json"):
        gpath = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold", gpath + ".json")
    gold = json.load(open(gpath, encoding="utf-8"))
    gold.setdefault("name", os.path.basename(gpath).rsplit(".", 1)[0])
    b = json.load(open(bpath, encoding="utf-8"))
    m, line, fails = score(gold, b, load_sources(sdir), (lambda *a: None) if quiet else print)
    print(line)
    sys.exit(1 if fails else 0)


def score(gold, b, sources, say=print):
    """Returns (metrics, summary line, names of thresholds not met)."""
    name = gold.get("name", "set")
    th = dict(THRESHOLDS, **gold.get("min", {}))
    arts = {a["id"]: a for a in b.get("articles", [])}
    keys = {aid: key_of(a, sources) for aid, a in arts.items()}
    if any(k is None for k in keys.values()):
        say(f"articles not mapped to sources: {[a for a, k in keys.items() if k is None][:5]}")
    group_of = {keys[aid]: a.get("group") for aid, a in arts.items() if keys.get(aid)}
    li = {keys[aid] for aid, a in arts.items() if a.get("lowInformation") and keys.get(aid)}
    secs = sections(b)
    allpts = [(sid, p) for sid, pts in secs.items() for p in pts]

    # facts and corroboration
    nf, corr = 0, []
    for f in gold["facts"]:
        pats = [rx(p) for p in f["all"]]
        allowed = set(f["topics"])
        best = None
        for sid, p in allpts:
            if "any" not in allowed and sid not in allowed:
                continue
            if all(r.search(p.get("text", "")) for r in pats):
                cited = {group_of.get(keys.get(c.get("articleId"))) for c in p.get("citations", [])}
                cited = {g for g in cited if g} - {group_of.get(k) for k in li}
                if best is None or len(cited) > len(best[1]):
                    best = (sid, cited)
        stating = {group_of.get(k) for k, s in sources.items() if k not in li and all(r.search(s["text"]) for r in pats)}
        stating.discard(None)
        if best:
            nf += 1
            c = min(1.0, len(best[1]) / len(stating)) if stating else 1.0
            corr.append(c)
            say(f"ok   {f['id']} {f.get('label', '')} [{best[0]}; {len(best[1])}/{len(stating)} groups]")
        else:
            say(f"MISS {f['id']} {f.get('label', '')}")
    corroboration = sum(corr) / len(corr) if corr else 0.0

    # groups and low information
    groups_ok = True
    for g in gold.get("groups", []):
        gs = {group_of.get(k) for k in g}
        if len(gs) != 1 or None in gs:
            groups_ok = False
            say(f"group {g} split: {[group_of.get(k) for k in g]}")
    grouped = [group_of.get(g[0]) for g in gold.get("groups", [])]
    for s in gold.get("singletons", []):
        if group_of.get(s) in grouped or any(group_of.get(s) == group_of.get(o) for o in gold["singletons"] if o != s):
            groups_ok = False
            say(f"article {s} wrongly grouped ({group_of.get(s)})")
    lowinfo_ok = set(gold.get("lowinfo", [])) <= li and len(li - set(gold.get("lowinfo", []))) <= 1
    if not lowinfo_ok:
        say(f"low-information flags {sorted(li)}, expected {gold.get('lowinfo', [])}")

    # leaks
    blob = json.dumps({k: v for k, v in b.items() if k not in ("articles",)}, ensure_ascii=False).lower()
    leaks = [n for n in gold.get("noise", []) if n.lower() in blob]
    for sid, p in allpts:
        for r in NOISE_RX:
            if r.search(p.get("text", "")):
                leaks.append(f"{sid}: {p['text'][:60]}")
                break
    for l in leaks:
        say(f"leak: {l}")

    # citations
    src_tri = {k: trigrams(words(v["text"])) for k, v in sources.items()}
    ncit = good = nnum = numok = uncited = 0
    for sid, p in allpts:
        cits = p.get("citations", [])
        uncited += not cits
        quotes = []
        for c in cits:
            ncit += 1
            k = keys.get(c.get("articleId"))
            q = c.get("quote", "")
            quotes.append(q)
            qt = trigrams(words(q))
            if k and ((qt and len(qt & src_tri[k]) / len(qt) >= 0.9) or (not qt and norm(q) in norm(sources[k]["text"]))):
                good += 1
        qnums = set(re.findall(r"\d+(?:\.\d+)?", " ".join(quotes).replace(",", "")))
        for n in re.findall(r"\d+(?:\.\d+)?", p.get("text", "").replace(",", "")):
            nnum += 1
            numok += n in qnums
    verbatim = good / ncit if ncit else 0.0
    numbers = numok / nnum if nnum else 1.0

    # repeats across sections, redundancy within one
    def same(p, q, within):
        if p.get("claimId") and p.get("claimId") == q.get("claimId"):
            return True
        a, c = content(p.get("text", "")), content(q.get("text", ""))
        if a and c and len(a & c) / min(len(a), len(c)) >= (0.5 if within else 0.6):
            return True
        return within and len(figures(p.get("text", "")) & figures(q.get("text", ""))) >= 2
    repeats = redundant = 0
    for i, (s1, p) in enumerate(allpts):
        for s2, q in allpts[i + 1:]:
            if s1 != s2 and same(p, q, False):
                repeats += 1
                say(f"repeat {s1}/{s2}: {p['text'][:70]}")
            elif s1 == s2 and same(p, q, True):
                redundant += 1
                say(f"redundant in {s1}: {p['text'][:60]} ~ {q['text'][:60]}")
    arte = cut = 0
    for sid, p in allpts:
        why = artefact(p.get("text", ""))
        if why:
            arte += 1
            say(f"artefact ({', '.join(why)}): {p['text'][:90]}")
        if re.search(r"(\u2026|\.\.\.)\s*[\"'\u201d\u2019)]?\s*$", p.get("text", "")):
            cut += 1

    # disagreements
    listed = [d for d in b.get("disagreements", []) if len(d.get("variants", [])) >= 2]
    gold_d = gold.get("disagreements", [])
    matched_gold = set()
    true_d = 0
    for d in listed:
        vts = [v.get("text", "") for v in d["variants"]]
        hit = None
        for g in gold_d:
            rs = [rx(p) for p in g["variants"]]
            pairs = {(i, j) for i, r in enumerate(rs) for j, t in enumerate(vts) if r.search(t)}
            if any(i1 != i2 and j1 != j2 for i1, j1 in pairs for i2, j2 in pairs):
                hit = g["id"]
                break
        if hit:
            true_d += 1
            matched_gold.add(hit)
        say(f"{'true ' if hit else 'FALSE'} disagreement {hit or ''}: {d.get('about', '')[:50]} — " + " vs ".join(t[:40] for t in vts))
    for g in gold_d:
        if g["id"] not in matched_gold:
            say(f"missed disagreement {g['id']}")
    dprec = true_d / len(listed) if listed else (1.0 if not gold_d else 0.0)
    drec = len(matched_gold) / len(gold_d) if gold_d else 1.0
    words_total = sum(len(words(p.get("text", ""))) for _, p in allpts)

    m = {"facts": nf, "corroboration": corroboration, "leaks": len(leaks), "verbatim": verbatim, "uncited": uncited,
         "numbers": numbers, "repeats": repeats, "redundant": redundant, "artefacts": arte,
         "disagreements": len(listed), "true_disagreements": true_d, "disagreement_precision": dprec,
         "disagreement_recall": drec, "groups": groups_ok, "lowinfo": lowinfo_ok}
    lower_is_better = {"leaks", "uncited", "repeats", "redundant", "artefacts"}
    fails = []
    for k, want in th.items():
        if want is None:
            continue
        v = m[k]
        bad = (v > want) if k in lower_is_better else (v != want) if isinstance(want, bool) else (v < want)
        if bad:
            fails.append(k)
    m["n_facts"], m["n_listed"], m["n_gold_disagreements"], m["found_disagreements"] = len(gold["facts"]), len(listed), len(gold_d), len(matched_gold)
    m["overview"] = len(secs.get("overview", []))
    line = (f"{name}: facts {nf}/{len(gold['facts'])}, corroboration {corroboration:.2f}, groups {'ok' if groups_ok else 'WRONG'}, "
            f"lowinfo {'ok' if lowinfo_ok else 'WRONG'}, leaks {len(leaks)}, verbatim {good}/{ncit}, uncited {uncited}/{len(allpts)}, "
            f"numbers {numok}/{nnum}, repeats {repeats}, redundant {redundant}, artefacts {arte}, cut {cut}, "
            f"disagreements {true_d}/{len(listed)} true, {len(matched_gold)}/{len(gold_d)} found, overview {m['overview']}, words {words_total}"
            + (f"; below: {', '.join(fails)}" if fails else ""))
    return m, line, fails


if __name__ == "__main__":
    main()
