from projections.indications import covers, indication_terms, related, split_indications


def _covers(broader: str, narrower: str) -> bool:
    return covers(indication_terms(broader), indication_terms(narrower))


def test_abbreviations_and_stage_words_are_read_as_one_indication():
    assert indication_terms("HER2-positive MBC") == indication_terms("HER2+ metastatic breast cancer")
    assert indication_terms("inoperable or recurrent HER2-positive breast cancer") == \
        indication_terms("HER2-positive advanced breast cancer")


def test_an_indication_with_fewer_qualifiers_covers_a_narrower_one_never_the_reverse():
    assert _covers("inoperable or recurrent HER2-positive breast cancer",
                   "second-line and first-line treatment of HER2-positive MBC")
    assert not _covers("second-line and first-line treatment of HER2-positive MBC",
                       "inoperable or recurrent HER2-positive breast cancer")
    assert _covers("patients with HER3-positive gastric cancer", "HER3-positive metastatic gastric cancer")


def test_an_approval_for_pretreated_patients_covers_no_first_line_programme():
    approved = "HER2-positive mBC who previously received trastuzumab and a taxane"
    assert not _covers(approved, "previously untreated HER2-positive metastatic breast cancer")
    assert not _covers("HER2-positive metastatic breast cancer", "adjuvant HER2-positive early breast cancer")


def test_another_disease_or_biomarker_is_another_indication():
    assert not _covers("HER2-positive gastric cancer", "HER3-positive gastric cancer")
    assert not related("gastric cancer", "HER2-positive breast cancer")
    assert related("gastric cancer", "HER2-positive advanced gastric cancer")
    assert related(None, "gastric cancer")


def test_no_indication_covers_nothing():
    assert indication_terms(None) == frozenset()
    assert not covers(frozenset(), indication_terms("gastric cancer"))


def test_a_text_naming_two_indications_at_once_is_read_as_two():
    assert split_indications("adult patients with HER3-positive metastatic gastric cancer and for the treatment of "
                             "adult patients with HER3-positive gastroesophageal junction adenocarcinoma") == [
        "adult patients with HER3-positive metastatic gastric cancer",
        "adult patients with HER3-positive gastroesophageal junction adenocarcinoma"]
    assert split_indications("relapsed Hodgkin lymphoma; relapsed sALCL") == ["relapsed Hodgkin lymphoma", "relapsed sALCL"]
    assert split_indications("HER2-positive breast cancer") == ["HER2-positive breast cancer"]
    assert split_indications(None) == []
