"""Cleaning release text for rules while quoting it verbatim, and splitting it into sentences."""
from __future__ import annotations

from tracker.reading.text import CleanText, Sentence, sentences


def split(original: str) -> list[Sentence]:
    return sentences(CleanText.of(original))


def texts(original: str) -> list[str]:
    return [sentence.text for sentence in split(original)]


# Cleaning keeps the words and drops the dress; quotes stay as written


def test_an_escaped_dollar_reads_as_a_dollar_while_the_quote_keeps_the_backslash():
    [sentence] = split("It triggers a \\$5 million payment.")
    assert (sentence.text, sentence.quote) == ("It triggers a $5 million payment.", "It triggers a \\$5 million payment.")


def test_a_markdown_link_reads_as_its_anchor_text_while_the_quote_keeps_the_link():
    [sentence] = split("Licensed from [ImmunoGen, Inc.](#) in 2005.")
    assert (sentence.text, sentence.quote) == (
        "Licensed from ImmunoGen, Inc. in 2005.",
        "Licensed from [ImmunoGen, Inc.](#) in 2005.",
    )


def test_curly_quotes_read_straight_while_the_quote_keeps_them_curly():
    [sentence] = split("\u201cIt\u2019s approved,\u201d said the CEO.")
    assert (sentence.text, sentence.quote) == ('"It\'s approved," said the CEO.', "\u201cIt\u2019s approved,\u201d said the CEO.")


def test_a_non_breaking_space_reads_as_a_space_while_the_quote_keeps_it():
    [sentence] = split("Kadcyla\u00a0was approved.")
    assert (sentence.text, sentence.quote) == ("Kadcyla was approved.", "Kadcyla\u00a0was approved.")


def test_soft_hyphens_and_zero_width_spaces_are_dropped_from_the_reading():
    [sentence] = split("A fully\u00ad owned sub\u200bsidiary.")
    assert sentence.text == "A fully owned subsidiary."


def test_typed_registered_and_trademark_signs_read_as_the_symbols():
    assert CleanText.of("Kadcyla(R) and Maxitug(TM)").clean == "Kadcyla\u00ae and Maxitug\u2122"


def test_windows_line_ends_read_as_line_feeds():
    assert CleanText.of("First.\r\nSecond.").clean == "First.\nSecond."


def test_a_sentence_ending_in_a_markdown_link_quotes_the_whole_link():
    [headline, _] = split("Partnership with [ImmunoGen](https://immunogen.com)\n\nNext.")
    assert (headline.text, headline.quote) == ("Partnership with ImmunoGen", "Partnership with [ImmunoGen](https://immunogen.com)")


def test_a_sentence_ending_in_an_escape_quotes_the_whole_escape():
    [sentence] = split("It was paid in full: \\$5")
    assert (sentence.text, sentence.quote) == ("It was paid in full: $5", "It was paid in full: \\$5")


def test_a_sentence_ending_in_a_typed_registered_sign_quotes_it_whole():
    [headline, _] = split("Acme Launches Zentuzumab(R)\nThe launch went well.")
    assert (headline.text, headline.quote) == ("Acme Launches Zentuzumab\u00ae", "Acme Launches Zentuzumab(R)")


# Sentence splitting


def test_company_place_and_title_abbreviations_do_not_end_a_sentence():
    assert texts("Dr. Jane Smith, Ph.D., joined Acme Bio, Inc. of Waltham, Mass. in the U.S. last year. She leads it.") == [
        "Dr. Jane Smith, Ph.D., joined Acme Bio, Inc. of Waltham, Mass. in the U.S. last year.",
        "She leads it.",
    ]


def test_hard_wrapped_lines_are_joined_into_one_sentence():
    assert texts("The company, founded in\nWaltham, today\nannounced results.") == [
        "The company, founded in Waltham, today announced results."
    ]


def test_a_labels_shortened_form_ends_no_sentence():
    assert texts("The MHLW approved Velmora HS Inj. (ORS-031) for adults.") == ["The MHLW approved Velmora HS Inj. (ORS-031) for adults."]


def test_a_line_wrapped_after_an_abbreviation_is_joined_with_the_next():
    assert texts("Kadcyla was developed by ImmunoGen, Inc.\n(Nasdaq: IMGN) and is sold by Roche.") == [
        "Kadcyla was developed by ImmunoGen, Inc. (Nasdaq: IMGN) and is sold by Roche."
    ]


def test_a_headline_line_ends_a_sentence_though_it_has_no_period():
    assert texts("Acme Bio Announces Approval of Zentuzumab\nThe FDA approved zentuzumab today.") == [
        "Acme Bio Announces Approval of Zentuzumab",
        "The FDA approved zentuzumab today.",
    ]


def test_a_title_case_line_wrapped_before_a_parenthesis_opening_in_lower_case_is_joined_with_it():
    assert texts("It combines two treatments, the LABA, Velmora Inhalation Capsules\n(ketrolol), and the LAMA.") == [
        "It combines two treatments, the LABA, Velmora Inhalation Capsules (ketrolol), and the LAMA.",
    ]


def test_each_bullet_is_a_sentence_of_its_own():
    assert texts("Highlights:\n- CHMP opinion adopted\n- MHLW approval granted\n\u2022 EC decision expected") == [
        "Highlights:",
        "- CHMP opinion adopted",
        "- MHLW approval granted",
        "\u2022 EC decision expected",
    ]


def test_a_star_before_a_capital_starts_a_bullet():
    assert texts("  *Approval gives patients a monthly option.\n  *VELMORA met the primary endpoint of its Phase 3\n"
                 "    trial in gout.\n  *ORS-101 is partnered with Tamura") == [
        "*Approval gives patients a monthly option.",
        "*VELMORA met the primary endpoint of its Phase 3 trial in gout.",
        "*ORS-101 is partnered with Tamura",
    ]


def test_a_line_of_capitalised_names_left_open_is_wrapped_not_a_heading():
    assert texts("Orsolo SA today announced the submission of a Marketing Authorization Application\n"
                 "(MAA) to the European Medicines Agency (EMA) for VELMORA® (trazolin\n"
                 "100mg and trazolin 200mg) for the management of gout.") == [
        "Orsolo SA today announced the submission of a Marketing Authorization Application (MAA) to the European Medicines "
        "Agency (EMA) for VELMORA® (trazolin 100mg and trazolin 200mg) for the management of gout."]


def test_a_full_stop_glued_to_the_next_sentence_ends_it_but_not_a_name_or_an_initial():
    assert texts("It treats gout, a painful disease.A decision is expected in June. Orsolo Bio Inc.Tamura is no split, nor U.S.A or e.g.") == [
        "It treats gout, a painful disease.", "A decision is expected in June.", "Orsolo Bio Inc.Tamura is no split, nor U.S.A or e.g."]


def test_a_question_and_an_exclamation_end_sentences():
    assert texts("Why now? Because it works! It does.") == ["Why now?", "Because it works!", "It does."]


def test_a_cut_off_last_sentence_is_read_as_it_stands():
    assert texts("The NMPA approved it. In May 2021, the NMPA accepted Eve") == [
        "The NMPA approved it.",
        "In May 2021, the NMPA accepted Eve",
    ]


def test_empty_text_has_no_sentences():
    assert split("") == []


# Where each sentence sits in the original


def test_line_numbers_are_one_based_and_count_the_original_lines():
    assert [(s.text, s.line) for s in split("First one.\n\nSecond one.\r\nThird\none.")] == [
        ("First one.", 1),
        ("Second one.", 3),
        ("Third one.", 4),
    ]


def test_a_sentence_spans_its_original_offsets():
    original = "Intro.  \u201cQuoted\u201d \\$5."
    [_, sentence] = split(original)
    assert (sentence.start, sentence.end, original[sentence.start:sentence.end]) == (8, 21, "\u201cQuoted\u201d \\$5.")


def test_paragraphs_are_numbered_as_blocks():
    assert [(s.text, s.block) for s in split("One.\nTwo.\n\nThree.")] == [("One.", 0), ("Two.", 0), ("Three.", 1)]


def test_a_bullet_marker_alone_on_its_line_starts_an_item_with_the_line_after_it():
    assert texts("|●\n|Net sales rose 12% to USD 90 million\n|●\n|The guidance is unchanged\n") == [
        "|● |Net sales rose 12% to USD 90 million", "|● |The guidance is unchanged"]


def test_long_summary_lines_without_a_full_stop_are_sentences_of_their_own():
    text = ("Orsolo Bio Announces Submission of a New Drug Application in Japan for Velora by its Partner Tamura Pharma\n"
            "--\n"
            "Submission supported by data from a Phase 3 bridging study of velotamab compared to morphine, conducted in Japan by Tamura\n"
            "Orsolo Bio is eligible to receive future payments upon approval and commercialization milestones, as well as royalties\n"
            "--\n"
            "BOSTON, January 27, 2022 -- Orsolo Bio today announced the submission.\n")
    found = [s.text for s in sentences(CleanText.of(text))]
    assert found[1:4] == ["--", "Submission supported by data from a Phase 3 bridging study of velotamab compared to morphine, conducted in Japan by Tamura",
                          "Orsolo Bio is eligible to receive future payments upon approval and commercialization milestones, as well as royalties"]


def test_a_hard_wrapped_paragraph_is_still_joined():
    text = ("Orsolo Bio today announced that the U.S. Food and Drug\nAdministration has approved velotamab for\n"
            "the treatment of gout.\n")
    assert [s.text for s in sentences(CleanText.of(text))] == [
        "Orsolo Bio today announced that the U.S. Food and Drug Administration has approved velotamab for the treatment of gout."]
