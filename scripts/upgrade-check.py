#!/usr/bin/env python3
"""Upgrades a running local pipeline from an earlier commit to this checkout on the same data, and checks that what
the earlier build wrote (topics, Streams state, the registry, the stores) is read and kept by this one.

Usage: scripts/upgrade-check.py --from REV [--port-base 19000] [--stories 300] [--data-dir DIR] [--offline]

  1. builds REV in a scratch clone and runs its `wire up` on a fresh data folder;
  2. pushes stories (Reuters-21578 from ../shared/corpora when present, else stories this script invents), three
     versioned stories and one embargoed story whose embargo ends after the upgrade;
  3. stops it (SIGTERM), starts this checkout's `wire up` on the same folder, and pushes again:
     the same stories from another agency (each must merge into the story it copies), new versions and a kill of
     the versioned stories, and new stories (each must be published);
  4. checks the embargoed story comes out after its time, the ops page says OK, and prints a tally.

Exits 0 when every expectation held, 1 otherwise, 2 on a usage or build error.
"""
import argparse, json, os, random, signal, subprocess, sys, tempfile, time, urllib.error, urllib.request
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def log(msg):
    print("upgrade-check: " + msg, flush=True)


def http(method, url, key=None, body=None, headers=None):
    h = {"Content-Type": "application/json"}
    if key:
        h["Authorization"] = "Bearer " + key
    h.update(headers or {})
    req = urllib.request.Request(url, data=body, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"{}")
        except ValueError:
            return e.code, {}
    except (urllib.error.URLError, ConnectionError):
        return 0, {}


def invented_stories(count, seed):
    """Stories this script makes up: distinct vocabulary per story, so no two are near copies of each other."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mer", "tan", "vi", "sor", "bel", "dru", "pen", "ost", "rai", "fen", "gul", "hap", "ix"]
    stories = []
    for n in range(count):
        words = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(120)]
        place = words[0].capitalize()
        body = " ".join(" ".join(words[i:i + 12]).capitalize() + "." for i in range(0, 120, 12))
        stories.append(("invented-%d" % n, "%s council reports %d new %s" % (place, 100 + n, words[1]), body))
    return stories


def reuters_stories(count):
    corpus = os.path.join(ROOT, "..", "shared", "corpora", "reuters21578-train")
    if not os.path.isdir(corpus):
        return None
    import html, re
    doc = re.compile(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', re.S)

    def field(tag, text):
        m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), text, re.S)
        return html.unescape(m.group(1)).strip() if m else None
    out = []
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".sgm"):
            continue
        with open(os.path.join(corpus, name), encoding="latin-1") as f:
            for m in doc.finditer(f.read()):
                title, body = field("TITLE", m.group(2)), field("BODY", m.group(2))
                if title and body:
                    out.append(("reuters-21578-%s" % m.group(1), title, body.replace("\x03", "").strip()))
                if len(out) >= count:
                    return out
    return out


def ninjs(uri, version, headline, body, **extra):
    d = {"uri": uri, "type": "text", "language": "en", "version": str(version),
         "versioncreated": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "headline": headline,
         "body_text": body}
    d.update(extra)
    return d


class Pipeline:
    def __init__(self, label, command, port_base, data_dir, log_file):
        self.label, self.port_base, self.data_dir = label, port_base, data_dir
        self.log = open(log_file, "w")
        self.proc = subprocess.Popen(command + ["up", "--port-base", str(port_base), "--data-dir", data_dir],
                                     stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
        deadline = time.time() + 600
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("upgrade-check: %s `wire up` ended early (see %s)" % (label, log_file))
            status, _ = http("GET", "http://127.0.0.1:%d/api/overview" % (port_base + 10))
            if status == 200 and os.path.exists(self.keys_file()):
                return
            time.sleep(2)
        raise SystemExit("upgrade-check: %s `wire up` did not come up in 10 minutes (see %s)" % (label, log_file))

    def keys_file(self):
        return os.path.join(self.data_dir, "ingest", "local-api-keys.properties")

    def key(self, agency):
        with open(self.keys_file()) as f:
            for line in f:
                if line.startswith(agency + "="):
                    return line.split("=", 1)[1].strip()
        raise SystemExit("upgrade-check: no key for agency " + agency)

    def push(self, agency, items):
        receipts = {}
        key = self.key(agency)
        for i in range(0, len(items), 50):
            chunk = items[i:i + 50]
            payload = json.dumps({"items": [{"id": it["uri"], "formatHint": "ninjs", "contentType": "application/json",
                                             "body": json.dumps(it)} for it in chunk]}).encode()
            status, reply = http("POST", "http://127.0.0.1:%d/v1/items/batch" % self.port_base, key, payload)
            for it, r in zip(chunk, reply.get("results") or reply.get("items") or []):
                if r.get("itemId"):
                    receipts[it["uri"] + "@" + it["version"]] = r["itemId"]
        return receipts

    def fates(self, receipts, wait=300):
        fates, deadline = {}, time.time() + wait
        while time.time() < deadline and len(fates) < len(receipts):
            for name, item_id in receipts.items():
                if name not in fates:
                    status, reply = http("GET", "http://127.0.0.1:%d/v1/items/%s" % (self.port_base + 3, item_id),
                                         self.read_key())
                    if status == 200 and reply.get("fate"):
                        fates[name] = reply
            time.sleep(2)
        return fates

    def article(self, uri):
        return http("GET", "http://127.0.0.1:%d/v1/articles/%s" % (self.port_base + 3, uri), self.read_key())

    def read_key(self):
        """The operator read key local mode keeps in the data dir (releases before per-subscriber keys have none and
        their read API is open)."""
        try:
            with open(os.path.join(self.data_dir, "subscribers", "local-read-keys.properties")) as f:
                for line in f:
                    if line.startswith("operator="):
                        return line.split("=", 1)[1].strip()
        except OSError:
            pass
        return None

    def overall(self):
        return http("GET", "http://127.0.0.1:%d/api/overview" % (self.port_base + 10))[1].get("overallStatus")

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            raise SystemExit("upgrade-check: %s did not stop within 2 minutes of SIGTERM" % self.label)


def build_old(rev, offline, clone=None):
    if clone is None:
        clone = tempfile.mkdtemp(prefix="wire-upgrade-from-")
        log("building %s in %s" % (rev, clone))
        subprocess.run(["git", "clone", "-q", ROOT, clone], check=True)
        subprocess.run(["git", "checkout", "-q", rev], cwd=clone, check=True)
        mvn = ["mvn", "-B", "-q", "package", "-DskipTests", "-pl", "wire-cli", "-am"] + (["-o"] if offline else [])
        if subprocess.run(mvn, cwd=clone).returncode != 0:
            raise SystemExit(2)
    else:
        log("using the build of %s in %s" % (rev, clone))
    lib = os.path.join(clone, "wire-cli", "target")
    return ["java", "-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro", "-cp",
            "%s/wire.jar:%s/lib/*" % (lib, lib), "io.wirestream.wire.WireCommand"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="rev", required=True, help="the earlier commit to upgrade from")
    ap.add_argument("--port-base", type=int, default=19000)
    ap.add_argument("--stories", type=int, default=300)
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--embargo-minutes", type=float, default=3.0,
                    help="how far after its push the embargoed story's time lies (it must outlast the upgrade)")
    ap.add_argument("--offline", action="store_true", help="build with mvn -o")
    ap.add_argument("--old-build", default=None, help="a clone of REV already built by an earlier run (its folder)")
    a = ap.parse_args()
    data = a.data_dir or tempfile.mkdtemp(prefix="wire-upgrade-data-")
    old_cmd = build_old(a.rev, a.offline, a.old_build)
    new_cmd = [os.path.join(ROOT, "wire")]
    stories = reuters_stories(a.stories * 2) or invented_stories(a.stories * 2, 20261207)
    before, after = stories[:a.stories], stories[a.stories:]
    log("%d stories before the upgrade, %d after (%s)" % (len(before), len(after),
        "Reuters-21578" if before[0][0].startswith("reuters") else "invented"))
    problems = []

    running = []
    try:
        return check(a, data, old_cmd, new_cmd, before, after, problems, running)
    finally:
        for pipeline in running:
            if pipeline.proc.poll() is None:
                os.killpg(pipeline.proc.pid, signal.SIGTERM)


def check(a, data, old_cmd, new_cmd, before, after, problems, running):
    old = Pipeline("old (%s)" % a.rev, old_cmd, a.port_base, data, data.rstrip("/") + "-old.log")
    running.append(old)
    pushed = old.push("globe", [ninjs(u, 1, h, b) for u, h, b in before])
    sentence = ("The harbour of Elwyn moved %d boxes in its first week with the new crane, above the %d it planned, "
                "and a second crane follows in spring. ")

    def body(moved, planned):
        return (sentence % (moved, planned)) * 3
    versioned = [ninjs("upgrade-story-%d" % i, 1, "Elwyn crane %d beats its plan" % i, body(100 + i, 80 + i))
                 for i in (1, 2, 3)]
    embargo_at = datetime.now(timezone.utc) + timedelta(minutes=a.embargo_minutes)
    embargoed = ninjs("upgrade-embargoed", 1, "Northfield budget under embargo",
                      ("Northfield publishes its budget with more for roads and schools when the embargo lifts. ") * 3,
                      embargoed=embargo_at.strftime("%Y-%m-%dT%H:%M:%SZ"))
    pushed.update(old.push("northstar", versioned + [embargoed]))
    fates = old.fates({k: v for k, v in pushed.items() if not k.startswith("upgrade-embargoed")})
    log("before: %d accepted, %d with a fate" % (len(pushed), len(fates)))
    published_before = {k: f for k, f in fates.items() if f.get("fate") == "published"}
    old.stop()
    log("old pipeline stopped; starting this checkout on the same data")

    new = Pipeline("this checkout", new_cmd, a.port_base, data, data.rstrip("/") + "-new.log")
    running.append(new)
    copies = new.push("acme", [ninjs(u, 1, h, b) for u, h, b in before])
    copy_fates = new.fates(copies)
    merged = sum(1 for f in copy_fates.values() if f.get("fate") == "merged")
    wrong = [k for k, f in copy_fates.items() if f.get("fate") != "merged"
             and k.replace("acme", "globe") in published_before]
    if len(copy_fates) < len(copies) or wrong:
        problems.append("copies of stories pushed before the upgrade: %d of %d merged, %d without a fate, "
                        "not merged: %s" % (merged, len(copies), len(copies) - len(copy_fates), wrong[:5]))
    updates = [ninjs("upgrade-story-1", 2, "Elwyn crane 1 beats its plan, second crane ordered", body(101, 81)),
               ninjs("upgrade-story-3", 2, "KILL: Elwyn crane 3", "Withdrawn.", pubstatus="canceled")]
    update_fates = new.fates(new.push("northstar", updates))
    fresh = new.fates(new.push("globe", [ninjs(u, 1, h, b) for u, h, b in after]))
    new_published = sum(1 for f in fresh.values() if f.get("fate") in ("published", "merged"))
    if new_published < len(after):
        problems.append("new stories after the upgrade: %d of %d have a fate" % (new_published, len(after)))
    for name, want in (("upgrade-story-1@2", ("published", "usable")), ("upgrade-story-3@2", ("published", "withdrawn"))):
        f = update_fates.get(name, {})
        if (f.get("fate"), f.get("status")) != want:
            problems.append("%s: %s/%s, wanted %s/%s" % (name, f.get("fate"), f.get("status"), *want))
    while datetime.now(timezone.utc) < embargo_at + timedelta(seconds=30):
        time.sleep(5)
    status, article = new.article("urn:wirestream:northstar:upgrade-embargoed")
    if status != 200:
        problems.append("the story embargoed before the upgrade is not out after its embargo (%s)" % status)
    if new.overall() != "OK":
        problems.append("ops overall status is %s" % new.overall())
    new.stop()
    log("copies merged %d/%d; new stories with a fate %d/%d; versions and kill %s; embargoed story %s"
        % (merged, len(copies), new_published, len(after), "as expected" if not any("upgrade-story" in p for p in problems)
           else "WRONG", "released" if status == 200 else "MISSING"))
    for p in problems:
        log("PROBLEM: " + p)
    log("data left in %s" % data)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
