"""Stage 2: section splitting."""

from __future__ import annotations

import pytest

from gov_disclosure._normalize import normalize
from gov_disclosure._sections import restore_years, split_sections, strip_footers, untable_prose

SIX = [
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
]


def _outline(text: str) -> tuple[dict[str, str], dict[str, str], object]:
    n = normalize(text)
    o = split_sections(n)
    heads = {k: n.text[v.heading_start : v.heading_end] for k, v in o.sections.items()}
    bodies = {k: n.text[v.body_start : v.body_end].strip() for k, v in o.sections.items()}
    return heads, bodies, o


def test_six_headings_in_order() -> None:
    heads, bodies, _ = _outline("\n".join(f"{h}\n正文{i}" for i, h in enumerate(SIX)))
    assert list(heads.values()) == SIX
    assert bodies["problems"] == "正文4"


def test_heading_variants() -> None:
    text = "一、 總體情況\n甲\n二、主动公开政府信息情况\n乙\n三、收到和处理政府信息公开申请情况\n丙\n四、政府信息公开行政复议、行政诉讼情况\n丁\n五、政府信息公开工作存在的主要问题及改进措施\n戊\n六、需要说明的其他事项\n己"
    heads, bodies, _ = _outline(text)
    assert heads["overview"] == "一、 总体情况"
    assert heads["problems"] == "五、政府信息公开工作存在的主要问题及改进措施"
    assert heads["other_matters"] == "六、需要说明的其他事项"
    assert bodies["other_matters"] == "己"


@pytest.mark.parametrize(
    ("index", "heading"),
    [
        (0, "一、基本情况"),
        (0, "一、概述"),
        (0, "一、工作总体情况"),
        (0, "一、总体工作情况"),
        (0, "一、政府信息公开工作总体情况"),
        (1, "二、主动公开政府信息"),
        (1, "二、政府信息主动公开情况"),
        (2, "三、收到和处理政府信息公开申请"),
        (2, "三、依申请公开情况"),
        (2, "三、政府信息公开申请情况"),
        (5, "六、其他需要报告的情况"),
        (5, "六、其他"),
        (5, "**六、其他**"),
    ],
)
def test_agencies_own_wordings_of_the_headings(index: int, heading: str) -> None:
    text = "\n".join(f"{heading if i == index else h}\n正文{i}" for i, h in enumerate(SIX))
    heads, bodies, _ = _outline(text)
    assert list(heads.values())[index] == heading.strip("*")
    assert list(bodies.values()) == [f"正文{i}" for i in range(6)]


@pytest.mark.parametrize("rule", ["=", "-"])
def test_setext_heading_underlines_go_with_their_headings(rule: str) -> None:
    # markdownify's default heading style: 一、总体情况 then ====== on the next line
    text = "\n".join(f"{h}\n{rule * 12}\n正文{i}" for i, h in enumerate(SIX))
    heads, bodies, _ = _outline(text)
    assert list(heads.values()) == SIX
    assert list(bodies.values()) == [f"正文{i}" for i in range(6)]


@pytest.mark.parametrize(
    "line",
    [
        "二、主动公开政府信息的渠道不断拓宽。",  # a sentence, no heading
        "六、其他事情另行报告。",
    ],
)
def test_words_of_a_heading_in_a_sentence_are_none(line: str) -> None:
    index = "一二三四五六".index(line[0])
    text = "\n".join(f"{h}\n正文{i}" for i, h in enumerate(SIX) if i != index)
    text = text.replace("正文0", f"正文0\n{line}")
    heads, _, _ = _outline(text)
    assert line[:4] not in "".join(heads.values())


@pytest.mark.parametrize(
    "heading", ["四、政府信息公开行政夏议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况"]
)
def test_review_heading_with_a_misread_or_typo(heading: str) -> None:
    text = "\n".join([*SIX[:3], heading, "丁", *SIX[4:]])
    heads, bodies, _ = _outline(text)
    assert heads["review_litigation"] == heading and bodies["review_litigation"] == "丁"


def test_row_label_that_looks_like_a_heading() -> None:
    text = "\n".join([
        *SIX[:3], "四、结转下年度继续办理 | 0 | 0", *SIX[3:],
    ])
    heads, bodies, _ = _outline(text)
    assert heads["review_litigation"] == SIX[3]
    assert bodies["requests"].startswith("四、结转下年度继续办理")


def test_front_matter_and_closing() -> None:
    text = "【字体:大 中 小】 打印\n索引号 123\n某局2023年政府信息公开工作年度报告\n" + "\n".join(
        f"{h}\n正文" for h in SIX
    ) + "\n\n        某某县自然资源局 \n 2024年1月15日印发\n版权所有 某某县人民政府"
    _heads, bodies, outline = _outline(text)
    assert bodies["other_matters"] == "正文"
    assert outline.signature == "某某县自然资源局"  # type: ignore[attr-defined]
    assert outline.date == (2024, 1, 15)  # type: ignore[attr-defined]


def test_glued_page() -> None:
    text = "当前位置：首页 来源：本站 微信 " + "".join(f"{h}正文{i}。" for i, h in enumerate(SIX)) + " 附件下载"
    heads, bodies, _ = _outline(text)
    assert list(heads.values()) == SIX
    assert bodies["other_matters"] == "正文5。"


def test_missing_problems_heading() -> None:
    text = "\n".join([*SIX[:4], "0 0 0", "（一）存在的主要问题", "问题", SIX[5], "无"])
    _, bodies, _ = _outline(text)
    assert bodies["problems"] == "（一）存在的主要问题\n问题"


def test_heading_broken_over_lines() -> None:
    text = "一、总体情况\n甲\n三、收到和处理\n\n政府信息公开申请情况\n丙"
    heads, _, _ = _outline(text)
    assert "requests" in heads


def test_footers() -> None:
    assert strip_footers("甲\n- 3 -\n乙\n第4页 共6页\n丙\n  -5-  ") == "甲\n乙\n丙"


@pytest.mark.parametrize(
    "footer", ["· 4 ·", "•4•", "第4页/共6页", "共6页 第4页", "Page 4 of 6", "page 4", "4 / 6"]
)
def test_footers_written_otherwise(footer: str) -> None:
    assert strip_footers(f"甲\n{footer}\n乙") == "甲\n乙"


def test_part_numbered_headings() -> None:
    numbered = zip("一二三四五六", SIX, strict=True)
    text = "\n".join(f"第{cn}部分 {h.split('、', 1)[1]}\n正文{i}" for i, (cn, h) in enumerate(numbered))
    heads, bodies, _ = _outline(text)
    assert len(heads) == 6 and bodies["problems"] == "正文4"


def test_running_headers_leave_the_section_text_but_sentences_stay() -> None:
    body = "正文一行。\n某某县人民政府2023年政府信息公开工作年度报告\n附件：2023年政府信息公开工作年度报告\n末行。"
    assert strip_footers(body) == "正文一行。\n附件：2023年政府信息公开工作年度报告\n末行。"


@pytest.mark.parametrize(
    "chrome",
    [
        "附件：2023年政府信息公开工作年度报告.pdf",
        "版权所有：某某县人民政府办公室 主办单位：某某县人民政府 网站标识码：3213000001 备案号：苏ICP备12345678号",
        # the article's page details, printed under it by some sites
        "来源：某某县人民政府办公室  发布时间：2024-01-20 09:30  浏览次数：1234",
        "【字体：大 中 小】【打印】【关闭】",
        # the page's link lists: the titles under their heading are no section text
        "相关文章\n某某县人民政府2022年政府信息公开工作年度报告\n某某县人民政府2021年政府信息公开工作年度报告",
        "【相关链接】\n某某县人民政府门户网站",
        "上一篇：关于印发某某县2024年政务公开工作要点的通知\n下一篇：某某县人民政府2022年政府信息公开工作年度报告",
        "上一条：关于印发某某县2024年政务公开工作要点的通知",
        # footer lines that open with other words than the phrases above
        "苏ICP备12345678号",
        "政府网站标识码：3213000001",
        "主办：某某县人民政府办公室 承办：某某县大数据中心",
        "文章来源：某某县人民政府办公室",
        "用手机扫描二维码在手机上继续观看",
    ],
)
def test_site_chrome_after_the_report_is_not_section_text(chrome: str) -> None:
    text = "\n".join([*SIX[:5], "无", SIX[5], "本年度无其他需要报告的事项。", "", chrome])
    _, bodies, _ = _outline(text)
    assert bodies["other_matters"] == "本年度无其他需要报告的事项。"


@pytest.mark.parametrize(
    "last", ["相关信息", "相关信息已在本机关门户网站公开。", "上一年度无此类事项。"]
)
def test_a_link_list_heading_must_stand_alone(last: str) -> None:
    # 相关信息 alone is a link list's heading; the same words opening a sentence are not
    text = "\n".join([*SIX[:5], "无", SIX[5], "本年度无其他需要报告的事项。", last, "末行。"])
    _, bodies, _ = _outline(text)
    cut = last == "相关信息"
    assert bodies["other_matters"].endswith("事项。" if cut else "末行。")


def test_row_label_over_cells_into_table_four_is_no_heading() -> None:
    # the 四 heading lost: 四、结转下年度继续办理, its cells one per line with blank lines
    # between, then table 四's 行政复议: spaces and line breaks count in a heading's gaps
    cells = "\n\n".join(["0"] * 7)
    text = "\n".join([*SIX[:3], f"四、结转下年度继续办理\n\n{cells}\n\n行政复议\n\n行政诉讼", *SIX[4:]])
    heads, bodies, _ = _outline(text)
    assert "review_litigation" not in heads
    assert bodies["requests"].endswith("行政诉讼")


@pytest.mark.parametrize(
    "number",
    [
        lambda i: "一二三四五六"[i],  # 一总体情况
        lambda i: f"（{'一二三四五六'[i]}）",
        lambda i: f"{i + 1}、",
        lambda i: f"{i + 1}．",
        lambda i: f"{i + 1}. ",
        lambda i: f"({i + 1})",
        lambda i: "",
    ],
)
def test_headings_numbered_otherwise_as_whole_lines(number: object) -> None:
    # the numeral lost (Word's list numbering), or written otherwise: in brackets, as an
    # Arabic digit; the heading is then looked for as the whole of its line
    bare = [h.split("、", 1)[1] for h in SIX]
    text = "\n".join(f"{number(i)}{h}\n正文{i}" for i, h in enumerate(bare))  # type: ignore[operator]
    heads, bodies, _ = _outline(text)
    assert list(bodies.values()) == [f"正文{i}" for i in range(6)]
    assert all(h.endswith(b) for h, b in zip(heads.values(), bare, strict=True))


def test_subheadings_numbered_as_other_sections_are_no_headings() -> None:
    # section 一's own subheadings, as the 2021 template's guidance has them: (一)主动公开情况
    # is no heading of section 二 where 二's is lost (only (二) or 2、 would number it)
    text = "\n".join(
        [SIX[0], "（一）主动公开情况", "甲", "（二）依申请公开情况", "乙", "（三）政府信息管理情况",
         "丙", "表格", *SIX[2:], "丁"]
    )
    heads, bodies, _ = _outline(text)
    assert "active_disclosure" not in heads
    assert bodies["overview"].startswith("（一）主动公开情况\n甲") and bodies["overview"].endswith("表格")


def test_table_two_row_label_is_no_bare_heading() -> None:
    # 其他对外管理服务事项 (a trial table 二 row) alone on its line is not 六 without 需要
    text = "\n".join([SIX[0], "甲", SIX[1], "其他对外管理服务事项", "0", SIX[2], "乙"])
    heads, _, _ = _outline(text)
    assert "other_matters" not in heads


@pytest.mark.parametrize("sub", ["（一）存在的问题", "（一）主要问题", "(一)存在的主要问题"])
def test_problems_without_heading_start_at_their_first_sub_heading(sub: str) -> None:
    text = "\n".join([*SIX[:4], "行政复议 | 行政诉讼", sub, "正文", SIX[5], "无"])
    _, bodies, _ = _outline(text)
    assert bodies["problems"] == f"{sub}\n正文"


@pytest.mark.parametrize(
    "closing",
    [
        "某某县自然资源局\n2024年1月15日",
        "**某某县自然资源局**\n**2024年1月15日**",
        "> 某某县自然资源局\n> 2024年1月15日",
        "## 某某县自然资源局\n## 2024年1月15日",
        "某某县自然资源局（盖章）\n2024年1月15日",
        "            某某县自然资源局     2024年1月15日",
        # pdftotext -layout: the year's digits on their own line, below or above the rest
        "                某某县自然资源局\n          年1月15日\n        2024",
        "                某某县自然资源局\n        2024\n\n          年1月15日",
        # pymupdf4llm: the seal's image read as text, in comments
        (
            "<!-- Start of picture text -->\n某某县自然资源局<br><!-- End of picture text -->\n\n"
            "2024 年 1 月 15 日"
        ),
    ],
)
def test_signature_and_date_as_converters_write_them(closing: str) -> None:
    n = normalize("\n".join(f"{h}\n正文" for h in SIX) + "\n" + closing + "\n")
    o = split_sections(n)
    body = o.sections["other_matters"]
    assert n.text[body.body_start : body.body_end].strip() == "正文"
    assert o.date == (2024, 1, 15)
    assert o.signature is not None and "某某县自然资源局" in o.signature


@pytest.mark.parametrize(
    ("closing", "date"),
    [
        ("年1月15日\n2024\n网站地图 | 联系我们", (2024, 1, 15)),
        ("2024\n年1月15日", (2024, 1, 15)),
        ("年1月15日", None),  # no year next to it: the body's own text
        ("2024\n无其他事项。", None),
    ],
)
def test_a_date_whose_year_stands_on_its_own_line(
    closing: str, date: tuple[int, int, int] | None
) -> None:
    n = normalize("\n".join(f"{h}\n正文" for h in SIX) + "\n" + closing + "\n")
    o = split_sections(n)
    body = o.sections["other_matters"]
    text = n.text[body.body_start : body.body_end]
    assert o.date == date
    assert (text.strip() == "正文") == (date is not None)


def test_prose_rowed_by_a_markdown_converter_is_prose_again() -> None:
    # markitdown's PDF text: a line whose year is set in another font becomes a table row
    text = "\n".join([
        "| 2023 | 年，洪泽区政府信息公开工作取得一定的成效，但对照 |     |     |",
        "| ---- | ------------------------ | --- | --- |",
        "上级要求，仍存在一定差距。",
        "| - 4 | -   |     |     |",
        "| --- | --- | --- | --- |",
        "| 主动公开信息 | 1234 |",  # a real table's row: no sentence in it
        "| --- | --- |",
    ])
    assert untable_prose(text) == "\n".join([
        "2023 年，洪泽区政府信息公开工作取得一定的成效，但对照",
        "上级要求，仍存在一定差距。",
        "- 4 -",
        "| 主动公开信息 | 1234 |",
        "| --- | --- |",
    ])
    assert strip_footers(untable_prose(text)).count("- 4 -") == 0


def _closing(text: str) -> tuple[str, str | None, tuple[int, int, int] | None]:
    """Section 六's text, and the signature and date cut off it."""
    n = normalize(text)
    o = split_sections(n)
    body = o.sections["other_matters"]
    return n.text[body.body_start : body.body_end], o.signature, o.date


def test_a_signature_at_the_end_of_the_last_line() -> None:
    # PyMuPDF's sort=True: the signature at the height of the body's last line shares it
    text = "\n".join(f"{h}\n正文" for h in SIX) + "无其他事项。                  某某县自然资源局\n\n     2024 年1 月15 日\n"
    body, signature, date = _closing(text)
    assert body.strip() == "正文无其他事项。"
    assert signature == "某某县自然资源局"
    assert date == (2024, 1, 15)


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("（2024年1月15日）", (2024, 1, 15)),
        ("二0二四年一月十五日", (2024, 1, 15)),  # 〇 typed as a digit zero
        ("二O二三年十二月三十日", (2023, 12, 30)),  # or as a letter O
        ("二〇二四年一月十五日", (2024, 1, 15)),
    ],
)
def test_closing_date_as_written(written: str, date: tuple[int, int, int]) -> None:
    text = "\n".join(f"{h}\n正文" for h in SIX) + f"无其他事项。\n某某县自然资源局\n{written}\n"
    body, signature, found = _closing(text)
    assert body.strip() == "正文无其他事项。"
    assert (signature, found) == ("某某县自然资源局", date)


def test_words_after_a_wide_gap_are_no_signature_without_a_date() -> None:
    text = "\n".join(f"{h}\n正文" for h in SIX) + "无其他事项。                  某某县自然资源局\n"
    assert _closing(text)[0].endswith("某某县自然资源局")


@pytest.mark.parametrize(
    ("text", "restored"),
    [
        ("年，我局坚持…为\n2024\n指导。", "2024年，我局坚持…为\n指导。"),  # markitdown
        ("2024\n年，我局坚持…", "2024\n年，我局坚持…"),  # in order already: kept
        ("全年共受理申请\n2024\n件。", "全年共受理申请\n2024\n件。"),  # no 年 before it
        ("年度报告\n12345", "年度报告\n12345"),  # not a year
    ],
)
def test_year_printed_a_line_below_is_put_back(text: str, restored: str) -> None:
    assert restore_years(text) == restored
    assert restore_years(restored) == restored


def test_signature_and_date_after_the_last_sentence_of_one_line() -> None:
    # a page's text joined by spaces (BeautifulSoup's get_text(" ", strip=True),
    # unstructured): the closing is on section 六's line, after its last sentence
    text = " ".join(f"{h} 正文。" for h in SIX) + " 某某县自然资源局 2024年1月15日 网站地图 | 联系我们\n"
    body, signature, date = _closing(text)
    assert body.strip() == "正文。"
    assert (signature, date) == ("某某县自然资源局", (2024, 1, 15))


@pytest.mark.parametrize(
    "chrome",
    [
        "来源：某某县人民政府 发布时间：2024-01-20 浏览次数：123",
        "相关文章 某某县人民政府2022年政府信息公开工作年度报告",
        "上一篇：某某县人民政府2022年政府信息公开工作年度报告 下一篇：无",
        "主办单位：某某县人民政府 网站标识码：3213000001 苏ICP备12345678号",
        "分享到： 扫一扫在手机打开当前页",
        "苏ICP备12345678号 政府网站标识码：3213000001",
    ],
)
def test_page_chrome_after_the_last_sentence_of_one_line(chrome: str) -> None:
    text = " ".join(f"{h} 正文。" for h in SIX) + f" {chrome}\n"
    assert _closing(text)[0].strip() == "正文。"


def test_words_after_the_last_sentence_stay_unless_chrome() -> None:
    text = " ".join(f"{h} 正文。" for h in SIX) + " 来年继续做好相关工作\n"
    assert _closing(text)[0].endswith("正文。 来年继续做好相关工作")


def test_a_date_within_the_last_sentences_is_no_closing() -> None:
    text = " ".join(f"{h} 正文。" for h in SIX[:-1]) + f" {SIX[-1]} 正文。 2024年1月15日 起施行新办法。\n"
    body, _, date = _closing(text)
    assert body.endswith("起施行新办法。")
    assert date is None
