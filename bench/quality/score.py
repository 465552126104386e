#!/usr/bin/env python3
"""Scores one briefing with the shared scorer and prints its metrics and report lines as JSON.

usage: score.py SCORER.py GOLD.json BRIEFING.json SOURCES_DIR
"""
import importlib.util, json, sys

scorer_path, gold_path, briefing_path, sources_dir = sys.argv[1:5]
spec = importlib.util.spec_from_file_location("score_briefing", scorer_path)
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)
gold = json.load(open(gold_path, encoding="utf-8"))
briefing = json.load(open(briefing_path, encoding="utf-8"))
lines = []
metrics, summary, fails = scorer.score(gold, briefing, scorer.load_sources(sources_dir), lambda *a: lines.append(" ".join(map(str, a))))
print(json.dumps({"metrics": metrics, "summary": summary, "fails": fails, "lines": lines}))
