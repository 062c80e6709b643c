#!/usr/bin/env python3
"""The issue-13 battery of bad pushes against a running push API, a normal story after each; prints each status line.

Usage: push-battery.py PORT API_KEY [names to skip, comma-separated]   (items are made here, no corpus text)
"""
import socket, sys, time, json

HOST, PORT, KEY = "127.0.0.1", int(sys.argv[1]), sys.argv[2]

def nitf(title, text):
    return ('<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>%s</title></head><body><body.content><p>%s</p>'
            '</body.content></body></nitf>' % (title, text)).encode()

def exchange(head_lines, body=b"", chunked_total=0, timeout=30):
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    head = "POST /v1/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nConnection: close\r\n" % KEY
    head += "".join(l + "\r\n" for l in head_lines)
    if chunked_total:
        head += "Transfer-Encoding: chunked\r\n\r\n"
    else:
        head += "Content-Length: %d\r\n\r\n" % len(body)
    sent = 0
    try:
        s.sendall(head.encode("latin-1"))
        if chunked_total:
            chunk = b"a" * 65536
            s.setblocking(True)
            while sent < chunked_total:
                s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
            s.sendall(b"0\r\n\r\n")
        else:
            s.sendall(body)
    except OSError as e:
        pass
    data = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            data += d
    except OSError as e:
        if not data:
            return "(no reply: %s) after %d body bytes" % (e, sent)
    s.close()
    text = data.decode("utf-8", "replace")
    status = text.split("\r\n", 1)[0]
    body = text.split("\r\n\r\n", 1)[1] if "\r\n\r\n" in text else ""
    try:
        j = json.loads(body)
        detail = "%s: %s" % (j.get("error", j.get("format")), (j.get("message") or j.get("receipt") or "")[:110])
    except Exception:
        detail = body[:110].replace("\n", " ")
    return "%s | %s%s" % (status, detail, (" (client had sent %d bytes)" % sent) if chunked_total else "")

def normal(i):
    return exchange(["Content-Type: application/xml", "X-Item-Id: battery-normal-%d" % i],
                    nitf("Harbour reopens %d" % i, "The harbour reopened on Tuesday after repairs."))

def slowloris(body=False):
    s = socket.create_connection((HOST, PORT), timeout=60)
    s.sendall(b"POST /v1/items HTTP/1.1\r\nHost: x\r\n")
    if body:
        s.sendall(("Authorization: Bearer %s\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n" % KEY).encode())
    start = time.time(); n = 0
    try:
        while time.time() - start < 60:
            s.sendall(b"X-Slow: a\r\n"[n % 11:n % 11 + 1]); n += 1
            s.settimeout(1.0)
            try:
                d = s.recv(4096)
                if not d:
                    return "connection closed by the server after %.1f s (%d bytes dribbled)" % (time.time() - start, n)
                return "reply after %.1f s: %s" % (time.time() - start, d.split(b"\r\n")[0].decode())
            except socket.timeout:
                pass
    except OSError as e:
        return "connection reset by the server after %.1f s (%d bytes dribbled): %s" % (time.time() - start, n, e)
    return "still open after 60 s"

deep = b'{"a":' * 100000 + b"1" + b"}" * 100000
xxe = b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><head><title>XXE</title></head><body><body.content><p>&xxe;</p></body.content></body></nitf>'
laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)) + \
    b']><nitf><head><title>Laughs</title></head><body><body.content><p>&lol9;</p></body.content></body></nitf>'
bad_utf8 = nitf("Caf", "caf\u00e9").replace("caf\u00e9".encode(), b"caf\xc3\x28")
battery = [
    ("1.5 MB story", lambda: exchange(["Content-Type: application/xml", "X-Item-Id: battery-big"],
                                       nitf("Budget", "The council met on Tuesday and agreed the budget. " * 30000))),
    ("100,000-deep JSON", lambda: exchange(["Content-Type: application/json", "X-Item-Id: battery-deep"], deep)),
    ("70,000-char id (header)", lambda: exchange(["Content-Type: application/xml", "X-Item-Id: " + "x" * 70000], nitf("Id", "Long id."))),
    ("70,000-char id (batch)", lambda: exchange_batch()),
    ("XXE", lambda: exchange(["Content-Type: application/xml", "X-Item-Id: battery-xxe"], xxe)),
    ("billion laughs", lambda: exchange(["Content-Type: application/xml", "X-Item-Id: battery-laughs"], laughs)),
    ("20 KB header", lambda: exchange(["Content-Type: application/xml", "X-Padding: " + "p" * 20480], nitf("Header", "Big header."))),
    ("invalid UTF-8", lambda: exchange(["Content-Type: application/xml; charset=utf-8", "X-Item-Id: battery-utf8"], bad_utf8)),
    ("chunked 10 MB", lambda: exchange(["Content-Type: application/xml"], chunked_total=10 * 1024 * 1024)),
    ("declared 3 GB", lambda: exchange_declared()),
    ("slowloris", slowloris),
    ("slow body", lambda: slowloris(body=True)),
]

def exchange_batch():
    body = json.dumps({"items": [{"id": "x" * 70000, "body": nitf("Id", "Long id.").decode()}]}).encode()
    s = socket.create_connection((HOST, PORT), timeout=30)
    s.sendall(("POST /v1/items/batch HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nConnection: close\r\n"
               "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (KEY, len(body))).encode() + body)
    data = b""
    while True:
        d = s.recv(65536)
        if not d:
            break
        data += d
    text = data.decode()
    j = json.loads(text.split("\r\n\r\n", 1)[1])
    r = j["results"][0]
    return "%s | item: %s %s: %s" % (text.split("\r\n")[0], r["status"], r.get("error"), r.get("message"))

def exchange_declared():
    s = socket.create_connection((HOST, PORT), timeout=30)
    s.sendall(("POST /v1/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/xml\r\n"
               "Content-Length: 3000000000\r\n\r\n<nitf>" % KEY).encode())
    t = s.recv(65536).decode()
    return t.split("\r\n")[0] + " | " + t.split("\r\n\r\n", 1)[1][:120]

skip = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()
for i, (name, push) in enumerate(battery):
    if name in skip:
        continue
    print("%-24s %s" % (name, push()), flush=True)
    print("%-24s %s" % ("  then a normal story", normal(i)), flush=True)
