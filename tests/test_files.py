"""parse_file in the encodings reports are saved in; parse_many over folders and texts."""

from __future__ import annotations

import codecs
import pathlib

import pytest

from gov_disclosure import (
    NotAReportError,
    NotTextError,
    UnreadableFileError,
    parse_file,
    parse_many,
    parse_report,
)

from .corpus import SAMPLES, sample_inputs

TEXTS = [p for p in sample_inputs() if p.name.startswith(("000", "002", "r013.layout", "r012.html2text"))]


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
@pytest.mark.parametrize(
    ("encoding", "prefix", "recorded"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
        ("gb18030", b"", "gb18030"),
        ("gbk", b"", "gb18030"),
    ],
)
def test_encodings(
    tmp_path: pathlib.Path, path: pathlib.Path, encoding: str, prefix: bytes, recorded: str
) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        data = prefix + text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{path.name} has characters {encoding} cannot hold")
    copy = tmp_path / path.name
    copy.write_bytes(data)
    report = parse_file(copy)
    assert report.encoding == recorded
    assert report.source == str(copy)
    assert report.to_flat() == parse_report(text).to_flat()


def test_web_page_in_gb18030_with_its_meta_charset(tmp_path: pathlib.Path) -> None:
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="gb2312"', 1)
    copy = tmp_path / "page.html"
    copy.write_bytes(page.encode("gb18030", errors="replace"))
    report = parse_file(copy)
    assert report.encoding == "gb18030"
    assert report.requests.cell("new_received", "total").value == 26


def test_xhtml_page_saved_as_text_in_gb18030(tmp_path: pathlib.Path) -> None:
    # no .html extension: the XML declaration says it is a page, and in which encoding
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', "", 1)
    copy = tmp_path / "page.txt"
    copy.write_bytes(('<?xml version="1.0" encoding="gb2312"?>\n' + page).encode("gb18030", errors="replace"))
    report = parse_file(copy)
    assert report.encoding == "gb18030"
    assert report.requests.cell("granted", "total").origin is not None  # read as a page
    assert report.requests.cell("new_received", "total").value == 26


def test_encoding_from_an_xml_declaration() -> None:
    from gov_disclosure._files import decode

    body = "<html><body><p>政府資訊公開年度報告</p></body></html>"
    data = b'<?xml version="1.0" encoding="big5"?>\n' + body.encode("big5")
    decoded = decode(data, "page.txt")
    assert decoded.html and decoded.encoding == "big5" and "政府資訊公開" in decoded.text


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"%PDF-1.7\n...", "a PDF"),
        (b"PK\x03\x04\x14\x00", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "old Office"),
    ],
)
def test_files_that_are_not_text(tmp_path: pathlib.Path, content: bytes, why: str) -> None:
    f = tmp_path / "report.bin"
    f.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=why):
        parse_file(f)


def test_missing_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(UnreadableFileError):
        parse_file(tmp_path / "nope.txt")


def test_batch_over_a_folder_with_a_corrupt_file(tmp_path: pathlib.Path) -> None:
    names = ["r007.txt", "002_0373751c8fe527bd.txt", "r014.plumber.txt"]
    for n in names:
        (tmp_path / n).write_bytes((SAMPLES / n).read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\xff\xfe garbage \x80")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    paths = sorted(tmp_path.iterdir())
    for jobs in (None, 2):
        results = list(parse_many(paths, jobs=jobs))
        assert [r.name for r in results] == [str(p) for p in paths]  # input order
        by_name = {pathlib.Path(r.name).name: r for r in results}
        assert all(by_name[n].ok for n in names)
        assert isinstance(by_name["scan.pdf"].error, NotTextError)  # an UnreadableFileError
        assert isinstance(by_name["scan.pdf"].error, UnreadableFileError)
        assert not by_name["broken.txt"].ok and by_name["broken.txt"].error is not None
        assert not isinstance(by_name["broken.txt"].error, NotTextError)


def test_batch_of_texts_and_named_texts() -> None:
    text = (SAMPLES / "r007.txt").read_text(encoding="utf-8")
    results = list(parse_many([text, ("mine", text), "not a report"]))
    assert [r.name for r in results] == ["<text 0>", "mine", "<text 2>"]
    assert results[1].report is not None and results[1].report.source == "mine"
    assert isinstance(results[2].error, NotAReportError)
