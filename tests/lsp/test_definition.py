"""Go to definition: from a key to where its inherited value is set."""

from lsprotocol import types

PLAN = "cases/jansen/plan-van-aanpak.md"
DOSSIER = "cases/jansen/dossier.yaml"


async def definition(session, name, text, line_start, column):
    result = await session.client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=session.uri(name)),
            position=session.position(name, text, line_start, column),
        )
    )
    if result is None:
        return None
    if isinstance(result, list):
        assert len(result) == 1
        result = result[0]
    return (result.uri, result.range.start.line, result.range.start.character)


async def test_a_document_key_goes_to_the_dossier_value(session):
    text = session.open(PLAN)
    # dossier.yaml line 8: "  functie: Broodbakker", the value after "  functie: ".
    assert await definition(session, PLAN, text, "  functie:", "functie") == (
        session.uri(DOSSIER), 7, 11
    )


async def test_a_dossier_key_goes_to_the_shared_file(session):
    text = session.open(DOSSIER)
    assert await definition(session, DOSSIER, text, "  functie: Casemanager", "functie") == (
        session.uri("cases/gedeeld.yaml"), 7, 11
    )


async def test_the_unsaved_dossier_is_followed(session):
    session.open(DOSSIER)
    session.edit(DOSSIER, "  functie: Broodbakker\n", "  telefoon: 06 - 1234 5678\n  functie: Broodbakker\n")
    text = session.open(PLAN)
    assert await definition(session, PLAN, text, "  functie:", "functie") == (
        session.uri(DOSSIER), 8, 11
    )


async def test_a_key_without_inherited_value_has_no_definition(session):
    text = session.open(PLAN)
    assert await definition(session, PLAN, text, "  keuze:", "keuze") is None


async def test_a_group_key_goes_to_the_line_of_the_group(session):
    text = session.open(PLAN)
    # The plan's `werknemer:` inherits the group of dossier.yaml's line 1,
    # not its first key a line below.
    assert await definition(session, PLAN, text, "werknemer:", "werknemer") == (
        session.uri(DOSSIER), 0, 0
    )
