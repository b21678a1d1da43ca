#!/usr/bin/env python3
"""Kontrollera sigillet på ett publicerat protokoll från Paragraf, utan Paragraf.

    python3 verify.py https://paragraf.kommun.se/api/v1/minutes/12
    python3 verify.py protokoll.json --keys nycklar.json

Räknar om roten ur protokollets sigillbevis (`seal_proof`: huvudet och varje offentlig §
som sin kanoniska rad, varje hemlig § som sin radhash), jämför den med sigillets, prövar
sigillets ed25519-signatur och, med --keys (svaret från /api/v1/keys; hämtas från samma
webbplats när protokollet anges med adress), att nyckeln var i kraft när sigillet gjordes.
Formatet står i docs/seal.md. Kräver Python 3.8+ och paketet `cryptography` (ed25519).
Slutkod 0 när allt håller, 1 annars.
"""
import argparse
import datetime
import hashlib
import json
import re
import sys
import urllib.parse
import urllib.request

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

FORMAT_1 = "paragraf-protokoll/1"


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read(source):
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=30) as r:
            return json.load(r)
    with open(source, encoding="utf-8") as f:
        return json.load(f)


def leaf(entry, what):
    """The leaf hash of one proof line: SHA-256 of the line, or the hash given."""
    if "line" in entry:
        line = entry["line"]
        if "\n" in line or not isinstance(json.loads(line), dict):
            raise ValueError(f"{what}: raden är inget JSON-objekt på en rad")
        return sha256_hex(line)
    h = entry["leaf"].lower()
    if len(h) != 64 or any(c not in "0123456789abcdef" for c in h):
        raise ValueError(f"{what}: hashvärdet är inte 64 hexadecimala tecken")
    return h


def root(proof):
    """The root: SHA-256 of the format line and each leaf, each followed by a newline."""
    if proof["format"] != FORMAT_1:
        raise ValueError(f"okänt format {proof['format']!r}")
    leaves = [leaf(proof["head"], "huvudet")]
    for p in proof["paragraphs"]:
        if "line" in p and json.loads(p["line"]).get("number") != p["number"]:
            raise ValueError(f"§ {p['number']}: raden har ett annat paragrafnummer")
        leaves.append(leaf(p, f"§ {p['number']}"))
    return sha256_hex(FORMAT_1 + "\n" + "".join(h + "\n" for h in leaves))


def signature_holds(seal):
    key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(seal["public_key"]))
    try:
        key.verify(bytes.fromhex(seal["signature"]), seal["sha256"].encode("ascii"))
        return True
    except InvalidSignature:
        return False


def instant(text):
    """An RFC 3339 time (Python before 3.11 reads at most six decimals and no "Z")."""
    text = re.sub(r"(\.\d{6})\d+", r"\1", text.replace("Z", "+00:00"))
    return datetime.datetime.fromisoformat(text)


def key_in_force(keys, seal):
    """The seal's key is listed and was not retired before the seal was made."""
    made = instant(seal["sealed_at"])
    for k in keys:
        if k["public_key"].lower() != seal["public_key"].lower():
            continue
        until = k.get("valid_until")
        if until is None or made < instant(until):
            return True
    return False


def check(minutes, keys):
    """Returns (ok, lines in Swedish)."""
    seal, proof = minutes.get("seal"), minutes.get("seal_proof")
    if not seal or not proof:
        return False, ["Protokollet har inget sigill eller inget sigillbevis."]
    out, ok = [], True
    try:
        r = root(proof)
    except (ValueError, KeyError, TypeError) as e:
        return False, [f"Sigillbeviset är ogiltigt: {e}."]
    if r == seal["sha256"]:
        out.append(f"Roten {r} är den förseglade.")
    else:
        ok = False
        out.append(f"FEL: roten {r} är inte den förseglade {seal['sha256']}.")
    if signature_holds(seal):
        out.append("Sigillets signatur håller.")
    else:
        ok = False
        out.append("FEL: sigillets signatur håller inte.")
    if keys is not None:
        if key_in_force(keys, seal):
            out.append("Nyckeln finns i kommunens nyckellista och var i kraft när sigillet gjordes.")
        else:
            ok = False
            out.append("FEL: nyckeln finns inte i nyckellistan eller var avslutad när sigillet gjordes.")
    shown = [p["number"] for p in proof["paragraphs"] if "line" in p]
    hidden = [p["number"] for p in proof["paragraphs"] if "leaf" in p]
    titles = {p.get("number"): p.get("title") for p in minutes.get("paragraphs", [])}
    for p in proof["paragraphs"]:
        if "line" in p and titles.get(p["number"]) != json.loads(p["line"]).get("title"):
            ok = False
            out.append(f"FEL: § {p['number']} visas med en annan rubrik än den förseglade.")
    out.append("Kontrollerade paragrafer: " + (", ".join(f"§ {n}" for n in shown) or "inga") + ".")
    if hidden:
        out.append("Ej publicerade paragrafer, kontrollerade genom sin kontrollsumma: "
                   + ", ".join(f"§ {n}" for n in hidden) + ".")
    return ok, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("minutes", help="adressen till /api/v1/minutes/N eller en sparad JSON-fil")
    ap.add_argument("--keys", help="nyckellistan (/api/v1/keys), adress eller fil")
    a = ap.parse_args()
    keys_source = a.keys
    if keys_source is None and a.minutes.startswith(("http://", "https://")):
        keys_source = urllib.parse.urljoin(a.minutes, "/api/v1/keys")
    try:
        minutes = read(a.minutes)
        keys = read(keys_source) if keys_source else None
    except (OSError, ValueError) as e:
        print(f"Kunde inte läsa: {e}", file=sys.stderr)
        return 2
    ok, lines = check(minutes, keys)
    print(("Sigillet håller." if ok else "Sigillet håller INTE.") + "\n" + "\n".join(lines))
    if keys is None:
        print("Obs: nyckeln är inte prövad mot kommunens nyckellista (ange --keys).")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
