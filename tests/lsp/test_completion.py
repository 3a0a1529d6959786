"""Completion: keys valid here for this kind of document, choice values with
the form's wording, and the form's headings."""

from lsprotocol import types

PLAN = "cases/jansen/plan-van-aanpak.md"
BIJSTELLING = "cases/jansen/bijstelling.md"
DOSSIER = "cases/jansen/dossier.yaml"


async def complete(session, name, text, line, character):
    result = await session.client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=session.uri(name)),
            position=types.Position(line=line, character=character),
        )
    )
    items = result.items if isinstance(result, types.CompletionList) else result
    return items or []


def line_of(text, start):
    return next(i for i, l in enumerate(text.split("\n")) if l.startswith(start))


async def test_keys_of_a_group_for_this_kind_of_document(session):
    session.open(PLAN)
    text = session.edit(PLAN, "  keuze: eigen_functie\n", "  keuze: eigen_functie\n  \n")
    items = await complete(session, PLAN, text, line_of(text, "  keuze:") + 1, 2)
    # keuze is written already; toelichting belongs to a bijstelling.
    assert [i.label for i in items] == [
        "nog_niet_bekend_omdat",
        "afwijkend_van_advies",
        "reden_afwijking",
    ]
    assert items[0].detail == "Nog niet bekend, omdat …"
    assert items[0].text_edit.new_text == "nog_niet_bekend_omdat: "


async def test_a_typed_prefix_is_replaced(session):
    session.open(BIJSTELLING)
    text = session.edit(BIJSTELLING, "  keuze: andere_functie_eigen_werkgever\n", "  keuze: ander\n  toe\n")
    line = line_of(text, "  toe")
    items = await complete(session, BIJSTELLING, text, line, 5)
    assert [i.label for i in items] == ["toelichting"]
    edit = items[0].text_edit
    assert (edit.range.start.line, edit.range.start.character, edit.range.end.character) == (line, 2, 5)
    assert edit.new_text == "toelichting: "


async def test_top_level_keys_leave_out_other_forms_and_dossier_history(session):
    session.open(PLAN)
    text = session.edit(PLAN, "evaluatie_probleemanalyse:", "\nevaluatie_probleemanalyse:")
    labels = [i.label for i in await complete(session, PLAN, text, line_of(text, "evaluatie_probleemanalyse") - 1, 0)]
    assert "stappen" in labels and "reden_te_laat" in labels
    for absent in ["document", "einddoel", "obstakels", "wijzigingen", "evaluatie_probleemanalyse"]:
        assert absent not in labels, absent


async def test_dossier_yaml_offers_the_shared_keys_only(session):
    text = session.open(DOSSIER) + "\n"
    session.type(DOSSIER, text)
    labels = [i.label for i in await complete(session, DOSSIER, text, len(text.split("\n")) - 1, 0)]
    assert labels == ["werkgever", "voorbeeld", "wijzigingen"]


async def test_choices_with_the_plan_s_wording(session):
    session.open(PLAN)
    text = session.edit(PLAN, "  keuze: eigen_functie", "  keuze: ")
    items = await complete(session, PLAN, text, line_of(text, "  keuze:"), 9)
    assert [(i.label, i.detail) for i in items] == [
        ("eigen_functie", "Werkhervatting in de eigen functie"),
        ("gedeeltelijk_eigen_functie", "Gedeeltelijke werkhervatting in de eigen functie"),
        ("andere_functie_eigen_werkgever", "Werkhervatting in een andere functie bij de eigen werkgever"),
        ("gedeeltelijk_andere_functie_eigen_werkgever", "Gedeeltelijke werkhervatting in een andere functie bij de eigen werkgever"),
        ("andere_werkgever", "Gehele of gedeeltelijke werkhervatting bij een andere werkgever"),
        ("nog_niet_bekend", "Nog niet bekend, omdat"),
    ]


async def test_choices_with_the_bijstelling_s_wording_after_a_bare_colon(session):
    session.open(BIJSTELLING)
    text = session.edit(BIJSTELLING, "  keuze: andere_functie_eigen_werkgever", "  keuze:")
    items = await complete(session, BIJSTELLING, text, line_of(text, "  keuze:"), 8)
    assert items[0].label == "ongewijzigd"
    assert items[0].detail == "Nee, het einddoel is ongewijzigd"
    # Right after the colon the value gets its space.
    assert items[0].text_edit.new_text == " ongewijzigd"
    assert "nog_niet_bekend" not in [i.label for i in items]


async def test_headings_of_the_form_not_yet_written(session):
    session.open(PLAN)
    text = session.edit(PLAN, "Notitie.\n", "Notitie.\n##\n")
    items = await complete(session, PLAN, text, text.split("\n").index("##"), 2)
    # Written already: Te nemen stappen, both visies (headings) and
    # evaluatie_probleemanalyse (front matter).
    assert [i.label for i in items] == [
        "## Nog niet bekend omdat",
        "## Reden afwijking advies",
        "## Motivering afwijking advies",
        "## Reden te laat",
    ]
    assert items[3].detail == "Reden dat het plan te laat is opgesteld"
    edit = items[3].text_edit
    assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (0, 2, "## Reden te laat")


async def test_nothing_in_a_long_text(session):
    session.open(PLAN)
    text = session.edit(PLAN, "evaluatie_probleemanalyse: Spreekuur in maart.", "evaluatie_probleemanalyse: |\n  Spreekuur in\n  ")
    assert await complete(session, PLAN, text, line_of(text, "  Spreekuur in") + 1, 2) == []


async def test_nothing_outside_case_files(session):
    # A CI workflow is YAML, but no dossier file: no dossier keys there.
    name = ".github/workflows/pva.yml"
    text = session.open(name, "name: pva\non:\n  push:\n\n")
    assert await complete(session, name, text, 3, 0) == []
    # Markdown outside a dossier folder neither.
    notes = "notities.md"
    text = session.open(notes, "---\n\n---\n")
    assert await complete(session, notes, text, 1, 0) == []
    # The dossier's own files still complete.
    dossier = session.open(DOSSIER)
    assert await complete(session, DOSSIER, dossier, len(dossier.split("\n")) - 1, 0) != []
