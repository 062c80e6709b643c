#!/usr/bin/env python3
"""Pushes Reuters-21578 stories from ../shared/corpora as ninjs through a running push API, as an agency would, then
follows every item to its fate on the read API (GET /v1/items/{itemId}), or with --via-receipts as the agency itself
would (its receipts on the push API, with its own key), and prints the tally.

Usage: scripts/push-reuters.py PORT API_KEY [--read-port P] [--limit N] [--parity odd|even|all] [--batch N]
                               [--agency NAME] [--wait SECONDS] [--out DIR] [--data-dir DIR | --read-key KEY | --via-receipts]

  PORT           the push API (with `wire up --port-base B`: B); the read API defaults to PORT + 3, as wire up places it
  --parity odd   NEWIDs the dedupe work never tuned on (the held-out half); even is the dev half
  --out DIR      writes receipts.tsv (newid, receipt, headline) and fates.tsv there
  --data-dir DIR wire up's data dir, to follow fates with its operator read key (the read API takes no agency key
                 once subscribers are configured, as in local mode); or name an operator key with --read-key
  --via-receipts follow each receipt on the push API (GET /v1/items/{receipt}) with the agency key: no operator key

Reads the corpus at run time and copies none of it anywhere but the pipeline under test. Skips plainly (exit 0)
when the corpus is not there. 429 answers are retried after their Retry-After.
"""
import argparse, html, json, os, re, sys, time, urllib.error, urllib.request
from datetime import datetime, timezone

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora", "reuters21578-train")
DOC = re.compile(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', re.S)


def field(tag, text):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), text, re.S)
    return html.unescape(m.group(1)).strip() if m else None


def stories(parity):
    for name in sorted(os.listdir(CORPUS)):
        if not name.endswith(".sgm"):
            continue
        with open(os.path.join(CORPUS, name), encoding="latin-1") as f:
            for m in DOC.finditer(f.read()):
                newid, doc = int(m.group(1)), m.group(2)
                if parity == "odd" and newid % 2 == 0 or parity == "even" and newid % 2 == 1:
                    continue
                title, body, date = field("TITLE", doc), field("BODY", doc), field("DATE", doc)
                if not title or not body:
                    continue
                try:
                    when = datetime.strptime(date.split(".")[0], "%d-%b-%Y %H:%M:%S").replace(tzinfo=timezone.utc)
                except (ValueError, AttributeError):
                    when = datetime(1987, 3, 1, tzinfo=timezone.utc)
                yield newid, {"uri": "reuters-21578:%d" % newid, "type": "text", "language": "en",
                              "versioncreated": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "headline": title,
                              "body_text": body.replace("\x03", "").strip()}


def call(url, key, data=None):
    req = urllib.request.Request(url, data=data, headers={"Authorization": "Bearer " + key,
                                                          "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"{}"), r.headers
    except urllib.error.HTTPError as e:
        body = e.read()
        try:
            return e.code, json.loads(body or b"{}"), e.headers
        except ValueError:
            return e.code, {"raw": body[:200].decode("utf-8", "replace")}, e.headers


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("port", type=int)
    ap.add_argument("key", nargs="?", default=None,
                    help="the agency's API key (a key that starts with '-', as older releases could make, goes as --key=KEY)")
    ap.add_argument("--key", dest="key_option", default=None, metavar="KEY", help="the key, given this way when it starts with '-'")
    ap.add_argument("--read-port", type=int, default=None)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--parity", choices=["odd", "even", "all"], default="odd")
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--agency", default=None)
    ap.add_argument("--wait", type=float, default=300, help="seconds to wait for every item's fate")
    ap.add_argument("--out", default=None)
    ap.add_argument("--read-key", default=None,
                    help="an operator key of the read API (item lineage is for operator keys); default: the agency key")
    ap.add_argument("--data-dir", default=None,
                    help="wire up's data dir: take the operator key from <dir>/subscribers/local-read-keys.properties")
    ap.add_argument("--via-receipts", action="store_true",
                    help="follow fates through the push API's receipt look-up, with the agency key")
    a = ap.parse_args()
    a.key = a.key or a.key_option
    if not a.key:
        ap.error("the agency's API key is required (as --key=KEY when it starts with '-')")
    if a.read_key is None and a.data_dir:
        keys = os.path.join(a.data_dir, "subscribers", "local-read-keys.properties")
        try:
            with open(keys) as f:
                for line in f:
                    if line.startswith("operator="):
                        a.read_key = line.split("=", 1)[1].strip()
        except OSError as e:
            print("push-reuters: cannot read %s: %s" % (keys, e), file=sys.stderr)
            return 2
        if a.read_key is None:
            print("push-reuters: no operator key in %s" % keys, file=sys.stderr)
            return 2
    if not os.path.isdir(CORPUS):
        print("push-reuters: no corpus at %s; nothing to push" % os.path.normpath(CORPUS))
        return 0
    base = "http://127.0.0.1:%d" % a.port
    push_url = base + ("/v1/agencies/%s/items/batch" % a.agency if a.agency else "/v1/items/batch")
    items = []
    for newid, item in stories(a.parity):
        items.append((newid, item))
        if len(items) >= a.limit:
            break
    receipts, refused, started = {}, {}, time.time()
    for i in range(0, len(items), a.batch):
        chunk = items[i:i + a.batch]
        payload = json.dumps({"items": [{"id": it["uri"], "formatHint": "ninjs", "contentType": "application/json",
                                         "body": json.dumps(it)} for _, it in chunk]}).encode()
        while True:
            status, reply, headers = call(push_url, a.key, payload)
            if status == 429:
                time.sleep(float(headers.get("Retry-After", "1")))
                continue
            break
        results = reply.get("results") or reply.get("items") or []
        if status >= 400 and not results:
            print("push-reuters: batch refused: %s %s" % (status, json.dumps(reply)[:200]), file=sys.stderr)
            return 1
        for (newid, it), r in zip(chunk, results):
            if r.get("itemId") and r.get("receipt"):
                receipts[newid] = (r["itemId"], it["headline"], r["receipt"])
            else:
                refused[newid] = r.get("error") or r.get("status")
        print("push-reuters: %d/%d pushed, %d accepted, %d refused (%.0f s)" % (
            min(i + a.batch, len(items)), len(items), len(receipts), len(refused), time.time() - started), flush=True)
    read = "http://127.0.0.1:%d" % (a.read_port or a.port + 3)
    fates, deadline = {}, time.time() + a.wait
    while time.time() < deadline:
        for newid, (receipt, _, token) in receipts.items():
            if newid in fates:
                continue
            if a.via_receipts:
                status, reply, headers = call(base + "/v1/items/" + urllib.request.quote(token, safe=""), a.key)
                if status in (429, 503):  # over the agency's look-up rate, or look-ups busy: wait as told, ask again
                    time.sleep(float(headers.get("Retry-After", "1")))
                    status, reply, _ = call(base + "/v1/items/" + urllib.request.quote(token, safe=""), a.key)
                fate = reply.get("fate") if status == 200 else None
                if fate and fate.get("fate") not in ("pending", "unknown"):
                    fates[newid] = (fate["fate"], fate)
                continue
            status, reply, _ = call(read + "/v1/items/" + urllib.request.quote(receipt, safe=""), a.read_key or a.key)
            if status == 200 and reply.get("fate"):
                fates[newid] = (reply["fate"], reply)
        if len(fates) == len(receipts):
            break
        print("push-reuters: %d of %d items have a fate" % (len(fates), len(receipts)), flush=True)
        time.sleep(5)
    tally = {}
    for fate, _ in fates.values():
        tally[fate] = tally.get(fate, 0) + 1
    print("push-reuters: pushed %d, accepted %d, refused %d; fates: %s; without a fate after %.0f s: %d" % (
        len(items), len(receipts), len(refused), json.dumps(tally, sort_keys=True), a.wait, len(receipts) - len(fates)))
    if a.out:
        os.makedirs(a.out, exist_ok=True)
        with open(os.path.join(a.out, "receipts.tsv"), "w") as f:
            for newid, (receipt, headline, _) in sorted(receipts.items()):
                f.write("%d\t%s\t%s\n" % (newid, receipt, headline))  # receipt: the item id
        with open(os.path.join(a.out, "fates.tsv"), "w") as f:
            for newid, (fate, reply) in sorted(fates.items()):
                f.write("%d\t%s\t%s\n" % (newid, fate, json.dumps(reply)))
    return 0 if len(fates) == len(receipts) else 2


if __name__ == "__main__":
    sys.exit(main())
