"""An export an auditor can check and read back into a fresh store, giving the same reports byte for byte."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cli import cli
from tracker.adapters.signing import fingerprint

REPORTS = (("events", "--format", "jsonl", "--as-of", "2014-12-31"), ("events", "--format", "jsonl"),
           ("receivables", "--as-of", "2014-12-31"), ("status", "kadcyla", "--as-of", "2013-12-31"),
           ("compounds", "--as-of", "2011-12-31"), ("ledger", "--as-of", "2014-12-31"))


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def exported(seeds, db, tmp_path):
    run(db, "ingest", str(seeds))
    (approval,) = [json.loads(line)["id"] for line in
                   run(db, "events", "--format", "jsonl", "--type", "ApprovalGranted").splitlines()
                   if json.loads(line)["region"] == "US"]
    run(db, "retract", approval, "--reason", "misread", "--by", "auditor")
    run(db, "record", "ApprovalGranted", "--field", "compound=kadcyla", "--field", "region=US", "--field", "agency=FDA",
        "--field", "occurred_on=2013-02-22", "--reported-on", "2013-02-22", "--reason", "FDA letter", "--by", "auditor")
    folder = tmp_path / "export"
    output = run(db, "export", "--as-of", "2014-12-31", "-o", str(folder))
    assert output == (f"exported 10 files to {folder} (as of 2014-12-31); check them with: cd {folder} && "
                      f"sha256sum -c SHA256SUMS\nchain head {_head(db)} at event #{_last(db)}; not signed\n")
    return db, folder


def _head(db: str) -> str:
    return run(db, "verify").split("chain head ")[1].strip()


def _last(db: str) -> int:
    """The position of the last event in the log (verify's count: the log is numbered from 1)."""
    return int(run(db, "verify").split("intact: ")[1].split(" events")[0])


def test_the_export_holds_the_events_the_releases_the_entries_and_their_checksums(exported, seeds):
    db, folder = exported
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == ["SHA256SUMS", "entries.jsonl", "events.jsonl", "export.json", "releases.jsonl",
                     *(f"releases/{p.name}" for p in sorted(seeds.glob("*.txt")))]
    assert (folder / "events.jsonl").read_text(encoding="utf-8") == run(db, "events", "--format", "jsonl", "--as-of", "2014-12-31")
    assert [json.loads(line)["entered_by"] for line in (folder / "entries.jsonl").read_text().splitlines()] == ["auditor", "auditor"]
    assert (folder / "releases" / "002_216599dac546bf8a.txt").read_bytes() == (seeds / "002_216599dac546bf8a.txt").read_bytes()


def test_a_fresh_store_reading_the_export_gives_every_report_byte_for_byte(exported, tmp_path):
    db, folder = exported
    fresh = str(tmp_path / "fresh.db")
    output = run(fresh, "ingest", str(folder))
    assert output.splitlines()[-2].startswith("7 releases ingested, 0 already present, ")
    assert output.splitlines()[-1] == f"export {folder}: chain head {_head(db)} at event #{_last(db)}; not signed"
    for report in REPORTS:
        assert run(fresh, *report) == run(db, *report), report


def test_reading_the_export_twice_adds_nothing(exported, tmp_path):
    db, folder = exported
    fresh = str(tmp_path / "fresh.db")
    run(fresh, "ingest", str(folder))
    again = run(fresh, "ingest", str(folder))
    assert again.splitlines()[-2] == "0 releases ingested, 7 already present, 0 new events"


def test_a_tampered_export_is_refused_naming_the_file_and_nothing_is_written(exported, tmp_path):
    db, folder = exported
    release = folder / "releases" / "002_216599dac546bf8a.txt"
    release.write_text(release.read_text().replace("$5 million", "$50 million"))
    fresh = tmp_path / "fresh.db"
    result = CliRunner().invoke(cli, ["--db", str(fresh), "ingest", str(folder)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {release}: does not match its checksum in SHA256SUMS; the export was tampered with\n")
    assert not fresh.exists()


def test_a_file_slipped_into_an_export_is_refused(exported, tmp_path):
    db, folder = exported
    (folder / "releases" / "extra.txt").write_text("BOSTON, March 2, 2021 -- Acme announced nothing.\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "fresh.db"), "ingest", str(folder)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {folder / 'releases' / 'extra.txt'}: not listed in SHA256SUMS; the export was tampered with\n")


def test_an_export_into_a_folder_with_files_is_refused(seeds, db, tmp_path):
    run(db, "ingest", str(seeds))
    result = CliRunner().invoke(cli, ["--db", db, "export", "-o", str(seeds)])
    assert (result.exit_code, result.output) == (1, f"Error: {seeds}: exists and is not an empty folder; give a new one\n")



# ---- signed exports ----------------------------------------------------------


def _key_pair(folder: Path) -> tuple[Path, Path, str]:
    """An Ed25519 key pair in PEM files, as `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write
    them, and the public key's fingerprint."""
    key = Ed25519PrivateKey.generate()
    private, public = folder / "export-key.pem", folder / "export-key.pub"
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo))
    return private, public, fingerprint(key.public_key())


@pytest.fixture
def signed(seeds, db, tmp_path):
    run(db, "ingest", str(seeds))
    private, public, print_ = _key_pair(tmp_path)
    folder = tmp_path / "signed"
    output = run(db, "export", "--as-of", "2014-12-31", "-o", str(folder), "--signing-key", str(private))
    assert output.splitlines()[-1] == f"chain head {_head(db)} at event #{_last(db)}; signed with key {print_}"
    assert private.read_text().splitlines()[1] not in output
    return db, folder, public, print_


def test_a_signed_export_is_read_back_with_its_key_and_says_so(signed, tmp_path):
    db, folder, public, print_ = signed
    output = run(str(tmp_path / "fresh.db"), "ingest", str(folder), "--verify-key", str(public))
    assert output.splitlines()[-1] == (f"export {folder}: chain head {_head(db)} at event #{_last(db)}; "
                                       f"signature of key {print_} verified")


def test_a_signed_export_read_without_a_key_says_its_signature_was_not_checked(signed, tmp_path):
    db, folder, _, print_ = signed
    output = run(str(tmp_path / "fresh.db"), "ingest", str(folder))
    assert output.splitlines()[-1] == (f"export {folder}: chain head {_head(db)} at event #{_last(db)}; "
                                       f"signed by key {print_}, not checked (give --verify-key)")


def test_an_export_edited_and_its_checksums_recomputed_is_refused_with_the_key(signed, tmp_path):
    db, folder, public, _ = signed
    releases = folder / "releases.jsonl"
    releases.write_text(releases.read_text().replace('"5000000"', '"50000000"'))
    (folder / "SHA256SUMS").write_text("".join(
        f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}\n"
        for name in (line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text().splitlines())))
    fresh = tmp_path / "fresh.db"
    result = CliRunner().invoke(cli, ["--db", str(fresh), "ingest", str(folder), "--verify-key", str(public)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {folder / 'SHA256SUMS.sig'}: the signature does not match the checksums; the export was "
           "altered after it was signed\n")
    assert not fresh.exists()


def test_an_export_signed_by_another_key_is_refused_naming_both_keys(signed, tmp_path):
    db, folder, _, print_ = signed
    (tmp_path / "other").mkdir()
    _, other, other_print = _key_pair(tmp_path / "other")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "fresh.db"), "ingest", str(folder), "--verify-key", str(other)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {folder / 'SHA256SUMS.sig'}: signed by key {print_}, not by the key given ({other_print}); refused\n")


def test_an_unsigned_export_is_refused_when_a_key_is_given(exported, tmp_path):
    _, public, _ = _key_pair(tmp_path)
    db, folder = exported
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "fresh.db"), "ingest", str(folder), "--verify-key", str(public)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {folder}: not signed (SHA256SUMS.sig is missing), and a key to check it was given; refused\n")


def test_the_key_may_come_from_the_environment_and_a_file_that_is_no_key_is_refused(seeds, db, tmp_path, monkeypatch):
    run(db, "ingest", str(seeds / "002_216599dac546bf8a.txt"))
    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("hello")
    monkeypatch.setenv("TRACKER_SIGNING_KEY", str(not_a_key))
    result = CliRunner().invoke(cli, ["--db", db, "export", "-o", str(tmp_path / "out")])
    assert (result.exit_code, result.output) == (
        1, f"Error: {not_a_key}: not a private key in PEM form (make one with "
           "`openssl genpkey -algorithm ed25519 -out FILE`)\n")
    assert not (tmp_path / "out").exists()
    private, _, print_ = _key_pair(tmp_path)
    monkeypatch.setenv("TRACKER_SIGNING_KEY", str(private))
    assert run(db, "export", "-o", str(tmp_path / "out")).endswith(f"; signed with key {print_}\n")
