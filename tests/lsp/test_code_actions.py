"""Quick fixes: "Bedoelt u `x`?" and a missing required key."""

from lsprotocol import types

PLAN = "cases/jansen/plan-van-aanpak.md"
BIJSTELLING = "cases/jansen/bijstelling.md"
DOSSIER = "cases/jansen/dossier.yaml"


async def fixes(session, name):
    """The quick fixes offered for each finding shown in `name`, by title."""
    await session.diagnostics(name)
    found = {}
    for diagnostic in session.client.diagnostics[session.uri(name)]:
        actions = await session.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=session.uri(name)),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        )
        for action in actions or []:
            assert action.kind == types.CodeActionKind.QuickFix
            found[action.title] = action
    return found


def apply(text, edits):
    """`text` with the edits applied (ASCII text: characters are UTF-16 units)."""
    lines = text.split("\n")
    offsets = [sum(len(l) + 1 for l in lines[:i]) for i in range(len(lines))]

    def offset(position):
        return offsets[position.line] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def edits_for(session, action, name):
    return action.edit.changes[session.uri(name)]


async def test_a_misspelt_quoted_choice_is_replaced_inside_its_quotes(session):
    session.open(PLAN)
    text = session.edit(PLAN, "  keuze: eigen_functie", '  keuze: "eigen_functe"')
    found = await fixes(session, PLAN)
    assert list(found) == ["Vervang door `eigen_functie`"]
    action = found["Vervang door `eigen_functie`"]
    assert action.is_preferred
    fixed = apply(text, edits_for(session, action, PLAN))
    assert '  keuze: "eigen_functie"\n' in fixed
    session.type(PLAN, fixed)
    assert await session.diagnostics(PLAN) == []


async def test_a_misspelt_key_in_the_dossier(session):
    session.open(DOSSIER)
    text = session.edit(DOSSIER, "  geboortedatum:", "  geboortdatum:")
    found = await fixes(session, DOSSIER)
    fixed = apply(text, edits_for(session, found["Vervang door `geboortedatum`"], DOSSIER))
    assert fixed == session.path(DOSSIER).read_text(encoding="utf-8")


async def test_a_misspelt_heading(session):
    session.open(PLAN)
    text = session.edit(PLAN, "## Te nemen stappen", "## Te neme stappen")
    found = await fixes(session, PLAN)
    fixed = apply(text, edits_for(session, found["Vervang door `Te nemen stappen`"], PLAN))
    assert fixed == session.path(PLAN).read_text(encoding="utf-8")


async def test_a_missing_shared_key_goes_into_the_dossier(session):
    session.open(BIJSTELLING)
    dossier = session.open(DOSSIER)
    dossier = session.edit(DOSSIER, "  naam: Jan Jansen\n", "")
    # The finding is in dossier.yaml, where the key belongs; so is the fix.
    assert await fixes(session, BIJSTELLING) == {}
    found = await fixes(session, DOSSIER)
    assert list(found) == ["Voeg `werknemer.naam` toe aan dossier.yaml"]
    to_dossier = found["Voeg `werknemer.naam` toe aan dossier.yaml"]
    assert to_dossier.is_preferred
    assert apply(dossier, edits_for(session, to_dossier, DOSSIER)).startswith(
        "werknemer:\n"
        '  bsn: "111222333"\n'
        "  adres: Dorpsstraat 1\n"
        "  postcode: 3511 AB\n"
        "  plaats: Utrecht\n"
        "  geboortedatum: 1980-05-05\n"
        "  functie: Broodbakker\n"
        "  naam: \n"
        "casemanager:\n"
    )


async def test_a_missing_key_joins_its_written_group(session):
    session.open(PLAN)
    text = session.edit(PLAN, "  keuze: eigen_functie\n", "")
    found = await fixes(session, PLAN)
    action = found["Voeg `einddoel.keuze` toe aan dit document"]
    assert "einddoel:\n  keuze: \nafspraken:" in apply(text, edits_for(session, action, PLAN))


async def test_a_missing_long_text_gets_its_heading(session):
    session.open(PLAN)
    text = session.edit(PLAN, "## Te nemen stappen\n\nOpbouw van uren.\n\n", "")
    found = await fixes(session, PLAN)
    action = found["Voeg de kop `## Te nemen stappen` toe"]
    assert apply(text, edits_for(session, action, PLAN)).endswith(
        "## Visie werkgever\n\nWij ook.\n\n## Te nemen stappen\n\n"
    )


async def test_a_late_plan_gets_the_heading_for_its_reason(session):
    session.open(PLAN)
    text = session.edit(PLAN, "plan-van-aanpak\ndatum: 2026-02-19\n", "plan-van-aanpak\ndatum: 2026-04-20\n")
    found = await fixes(session, PLAN)
    action = found["Voeg de kop `## Reden te laat` toe"]
    assert [d.code for d in action.diagnostics] == ["PVA012"]
    assert apply(text, edits_for(session, action, PLAN)).endswith("\n## Reden te laat\n\n")
