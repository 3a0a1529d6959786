"""Findings as you type: from the unsaved buffer, for the whole dossier."""

PLAN = "cases/jansen/plan-van-aanpak.md"
BIJSTELLING = "cases/jansen/bijstelling.md"
DOSSIER = "cases/jansen/dossier.yaml"
SHARED = "cases/gedeeld.yaml"


async def test_a_typo_is_reported_while_typing_and_cleared_when_fixed(session):
    saved = session.open(PLAN)
    assert await session.diagnostics(PLAN) == []
    assert session.published(PLAN)

    session.edit(PLAN, "  keuze: eigen_functie", "  keuze: eigen_functe")
    # Line 7 of the file, after "  keuze: ", 12 characters wide.
    assert await session.diagnostics(PLAN) == [("PVA036", 6, 9, 21)]
    message = session.client.diagnostics[session.uri(PLAN)][0].message
    assert "Bedoelt u `eigen_functie`?" in message
    assert session.path(PLAN).read_text(encoding="utf-8") == saved

    session.type(PLAN, saved)
    assert await session.diagnostics(PLAN) == []


async def test_columns_are_utf16_code_units(session):
    session.open(PLAN)
    # The emoji is one character for pva and two UTF-16 units for the editor.
    # (No font of the PDF has it: PVA085 marks it too, two units wide.)
    session.edit(PLAN, "  keuze: eigen_functie", "  keuze: 🙂eigen")
    assert await session.diagnostics(PLAN) == [
        ("PVA036", 6, 9, 9 + 2 + 5),
        ("PVA085", 6, 9, 9 + 2),
    ]


async def test_editing_dossier_yaml_updates_every_document_of_the_dossier(session):
    session.open(PLAN)
    session.open(DOSSIER)
    assert await session.diagnostics(PLAN) == []

    session.edit(DOSSIER, "  naam: Jan Jansen\n", "")
    # werknemer.naam is required on both forms and belongs in dossier.yaml:
    # the finding is there, at its group, once; not in each document.
    assert await session.diagnostics(DOSSIER) == [("PVA020", 0, 0, 9)]
    assert await session.diagnostics(PLAN) == []
    assert await session.diagnostics(BIJSTELLING) == []


async def test_findings_in_a_shared_file_and_in_the_documents_below_it(session):
    session.open(SHARED)
    session.edit(SHARED, "  bedrijfsnaam: Bakkerij Brood B.V.\n", "")
    # The plan and the bijstelling ask for the employer's name: where it
    # goes, under `werkgever:` in gedeeld.yaml.
    assert await session.diagnostics(SHARED) == [("PVA020", 0, 0, 9)]
    assert await session.diagnostics(BIJSTELLING) == []
    assert await session.diagnostics(PLAN) == []

    session.type(SHARED, "werkgever:\n  bedrijfsnaam: Brood\n  telefoon: 123\n")
    found = await session.diagnostics(SHARED)
    # The unknown key, beside the keys the forms still ask under `werkgever:`.
    assert ("PVA003", 2, 2, 10) in found
    assert {code for code, *_ in found} == {"PVA003", "PVA020"}


async def test_an_unsaved_new_document_is_linted_with_its_dossier(session):
    name = "cases/jansen/tweede-bijstelling.md"
    session.open(name, "---\ndocument: bijstelling\ndatum: 2026-03-01\n---\n")
    found = await session.diagnostics(name)
    assert ("PVA020", 1, 0, 1) in found
    assert not session.path(name).exists()


async def test_a_sentence_about_health_is_reported_whole_and_a_treatment_by_its_word(session):
    session.open(PLAN)
    sentence = "Zijn lampje is uit en hij hangt als een zoutzak op de bank."
    session.edit(PLAN, "Ik wil terug.", f"{sentence} Ik wil terug.")
    # No listed word: the sentence model finds the sentence, without its
    # full stop, on line 32 of the file.
    assert await session.diagnostics(PLAN) == [("PVA040", 31, 0, len(sentence) - 1)]
    message = session.client.diagnostics[session.uri(PLAN)][0].message
    assert message.startswith("deze zin lijkt iets te zeggen over de eigen gezondheid")

    # Edits start from the saved text.
    session.edit(PLAN, "Ik wil terug.", "Hij gaat naar de fysiotherapeut.")
    assert await session.diagnostics(PLAN) == [("PVA041", 31, 17, 31)]
