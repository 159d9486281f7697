#!/usr/bin/env python3
"""gencorpus — a deterministic scale corpus for `make bench` from real text.

Usage: python3 tools/gencorpus.py N [--seed S] [--data DIR] [--seeds DIR] > corpus.jsonl

Writes N JSON Lines records (id, lang, title, text, published), streamed in
publication order, so a million documents never sit in memory.

Every sentence is real: the paragraphs come from the articles in the
shared data (news-similarity pairs in ten languages, the article-extraction
ground truth, the seed articles).  They are recombined the way news grows:

- an *event* takes the paragraphs of one real article (or of both sides of
  a real cross-language pair, one side per language) as its core, a day
  spread over three years, and one or two people named after real names
  from the names data (in the script of each report: Latin, Arabic or
  Cyrillic), so new entities keep appearing;
- each event has a few reports (a geometric number, most have one to
  four), published over the following days, each with most of the core
  paragraphs in its own order plus one or two unrelated paragraphs of the
  same language;
- new events start at a steady rate, so events and entities grow with the
  corpus as in a real feed.

The same N and seed always give the same bytes.
"""
import argparse
import datetime
import heapq
import json
import os
import random
import re
import sys

SENT_END = re.compile(r"(?<=[.!?。！？؟])\s+")
LATIN_PAIR = re.compile(r"\b[A-Z][a-z]{2,} [A-Z][a-z]{2,}\b")
CYR_PAIR = re.compile(r"\b[А-ЯЁ][а-яё]{2,} [А-ЯЁ][а-яё]{2,}\b")
START = datetime.date(2021, 1, 1)
SPAN_DAYS = 3 * 365


def paragraphs(text):
    """Real paragraphs of one article: line or double-space breaks, pieces
    merged up to ~200 bytes, long ones cut at sentence ends near 700."""
    pieces = [p.strip() for p in re.split(r"\n+|\s{2,}", text) if p.strip()]
    out, cur = [], ""
    for p in pieces:
        cur = (cur + " " + p).strip() if cur else p
        if len(cur) < 200:
            continue
        while len(cur) > 900:
            sents = SENT_END.split(cur)
            acc = ""
            while sents and len(acc) < 500:
                acc = (acc + " " + sents.pop(0)).strip()
            if not sents:
                break
            out.append(acc)
            cur = " ".join(sents)
        out.append(cur)
        cur = ""
    if cur:
        if out and len(cur) < 80:
            out[-1] += " " + cur
        else:
            out.append(cur)
    return out


def load_sources(data, seeds):
    """Articles as (lang, [paragraphs]) and cross-language pairs."""
    articles, pairs = [], []
    path = os.path.join(data, "news-similarity", "pairs.dev.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            a = (r["lang1"], paragraphs(r["text1"]))
            b = (r["lang2"], paragraphs(r["text2"]))
            for x in (a, b):
                if x[1]:
                    articles.append(x)
            if a[1] and b[1] and a[0] != b[0]:
                pairs.append((a, b))
    gt = os.path.join(data, "article-extraction", "ground-truth.json")
    if os.path.exists(gt):
        with open(gt, encoding="utf-8") as f:
            for key in sorted(json.load(f).items()):
                body = key[1].get("articleBody") or ""
                ps = paragraphs(body)
                if ps and sum(c.isascii() for c in body) > 0.9 * len(body):
                    articles.append(("en", ps))
    if seeds and os.path.isdir(seeds):
        lang_of = {"000": "vi", "001": "vi", "002": "ar", "003": "ar", "004": "en"}
        for name in sorted(os.listdir(seeds)):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                ps = paragraphs(f.read())
            if ps:
                articles.append((lang_of.get(name[:3], "en"), ps))
    return articles, pairs


def load_names(data):
    """Real given/family name tokens with their Arabic and Russian forms."""
    forms = {}
    for script, fname in (("ar", "latin-arabic.dev.tsv"), ("ru", "latin-russian.dev.tsv")):
        path = os.path.join(data, "names", fname)
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2:
                    continue
                lat, nat = parts
                if not re.fullmatch(r"[a-z]{3,12}", lat) or '"' in nat or " " in nat or not nat:
                    continue
                forms.setdefault(lat, {})[script] = nat
    return sorted(forms.items())


class Corpus:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.articles, self.pairs = load_sources(args.data, args.seeds)
        self.names = load_names(args.data)
        self.by_lang = {}
        for lang, ps in self.articles:
            self.by_lang.setdefault(lang, []).extend(ps)
        for lang in self.by_lang:
            self.by_lang[lang].sort()
        self.nevent = 0

    def person(self):
        rng = self.rng
        given = self.names[rng.randrange(len(self.names))]
        family = self.names[rng.randrange(len(self.names))]
        out = {"lat": given[0].capitalize() + " " + family[0].capitalize()}
        for s in ("ar", "ru"):
            g, f = given[1].get(s), family[1].get(s)
            if g and f:
                out[s] = (g.capitalize() + " " + f.capitalize()) if s == "ru" else g + " " + f
        return out

    def new_event(self, day):
        rng = self.rng
        self.nevent += 1
        if self.pairs and rng.random() < 0.3:
            sides = list(rng.choice(self.pairs))
        else:
            sides = [rng.choice(self.articles)]
        people = [self.person() for _ in range(rng.choice((1, 1, 2)))]
        nrep = 1
        while nrep < 12 and rng.random() < 0.7:
            nrep += 1
        return {"id": self.nevent, "day": day, "sides": sides, "people": people, "left": nrep}

    def name_in(self, person, lang):
        return person.get(lang) or person["lat"]

    def weave(self, text, person, lang):
        """Puts the event's person in place of the first two-word name of
        the paragraph (or before it, when the script has no capitals)."""
        name = self.name_in(person, lang)
        pat = CYR_PAIR if lang == "ru" else LATIN_PAIR
        if lang in ("ar", "zh", "vi") or not pat.search(text):
            return name + ": " + text if lang != "zh" else name + "：" + text
        return pat.sub(name, text, count=1)

    def report(self, ev, seq):
        rng = self.rng
        lang, core = rng.choice(ev["sides"])
        ps = list(core)
        if len(ps) > 2:
            ps = rng.sample(ps, max(2, len(ps) - rng.randrange(2)))
            ps.sort(key=core.index)
        for k, person in enumerate(ev["people"]):
            i = min(k, len(ps) - 1)
            ps[i] = self.weave(ps[i], person, lang)
        pool = self.by_lang[lang]
        # a short core gets at least one other paragraph: reports of one
        # event are rewrites, not copies
        for _ in range(rng.choice((0, 1, 1, 2) if len(core) > 2 else (1, 1, 2))):
            ps.insert(rng.randrange(1, len(ps) + 1), pool[rng.randrange(len(pool))])
        first = SENT_END.split(ps[0])[0]
        title = first if len(first) <= 160 else first[:160].rsplit(" ", 1)[0]
        day = ev["day"] + min(rng.randrange(4), rng.randrange(4))
        when = datetime.datetime.combine(START + datetime.timedelta(days=day), datetime.time()) + \
            datetime.timedelta(seconds=rng.randrange(86400))
        return {
            "id": "gen-%07d-%d" % (ev["id"], seq),
            "lang": lang,
            "title": title,
            "text": "\n\n".join(ps),
            "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }, when

    def stream(self, n, out):
        """n reports in publication order: events start at a steady pace
        over SPAN_DAYS and each report waits in a heap until its day."""
        rng = self.rng
        per_day = n / 3.2 / SPAN_DAYS  # ~3.2 reports per event
        heap, pushed, written, day = [], 0, 0, 0
        while written < n:
            if pushed < n:
                k = int(per_day) + (rng.random() < per_day % 1)
                for _ in range(k):
                    ev = self.new_event(day)
                    for seq in range(ev["left"]):
                        rec, when = self.report(ev, seq)
                        heapq.heappush(heap, (rec["published"], rec["id"], rec))
                        pushed += 1
            elif not heap:
                break
            day += 1
            horizon = (START + datetime.timedelta(days=day)).isoformat()
            while heap and written < n and (heap[0][0] < horizon or pushed >= n):
                out.write(json.dumps(heapq.heappop(heap)[2], ensure_ascii=False) + "\n")
                written += 1


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.normpath(os.path.join(here, "..", "..", "shared"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="documents to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", default=os.environ.get("SL_DATA", os.path.join(shared, "data")))
    ap.add_argument("--seeds", default=os.path.join(shared, "seeds"))
    args = ap.parse_args()
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    Corpus(args).stream(args.n, out)
    out.flush()


if __name__ == "__main__":
    main()
