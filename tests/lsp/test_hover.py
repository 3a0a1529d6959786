"""Hover: the form's label, type, scope and inherited value of a key, and
the rule behind a finding."""

from lsprotocol import types

PLAN = "cases/jansen/plan-van-aanpak.md"
DOSSIER = "cases/jansen/dossier.yaml"


async def hover(session, name, text, line_start, column):
    result = await session.client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=session.uri(name)),
            position=session.position(name, text, line_start, column),
        )
    )
    return None if result is None else result.contents.value


async def test_a_key_shows_its_label_type_scope_and_inherited_value(session):
    text = session.open(PLAN)
    assert await hover(session, PLAN, text, "  functie:", "ncti") == (
        "**`werknemer.functie`**: Functie van de werknemer\n\n"
        "Soort: tekst (één regel)  \n"
        "Mag staan in: gedeeld.yaml, dossier.yaml en elk document\n\n"
        "Geërfd: `Broodbakker` uit cases/jansen/dossier.yaml:8"
    )


async def test_a_dossier_file_inherits_from_the_shared_file_above(session):
    text = session.open(DOSSIER)
    assert await hover(session, DOSSIER, text, "  functie: Casemanager", "functie") == (
        "**`casemanager.functie`**: Functie (2.5)\n\n"
        "Soort: tekst (één regel)  \n"
        "Mag staan in: gedeeld.yaml, dossier.yaml en elk document\n\n"
        "Geërfd: `HR-adviseur` uit cases/gedeeld.yaml:8"
    )


async def test_a_choice_lists_the_boxes_of_this_form(session):
    text = session.open(PLAN)
    shown = await hover(session, PLAN, text, "  keuze:", "eigen_functie")
    lines = shown.split("\n")
    assert lines[0] == "**`einddoel.keuze`**: Einddoel (plan 4 / bijstelling 5)"
    assert lines[3] == "Mag staan in: elk document"
    assert lines[4:] == [
        "- `eigen_functie`: Werkhervatting in de eigen functie",
        "- `gedeeltelijk_eigen_functie`: Gedeeltelijke werkhervatting in de eigen functie",
        "- `andere_functie_eigen_werkgever`: Werkhervatting in een andere functie bij de eigen werkgever",
        "- `gedeeltelijk_andere_functie_eigen_werkgever`: Gedeeltelijke werkhervatting in een andere functie bij de eigen werkgever",
        "- `andere_werkgever`: Gehele of gedeeltelijke werkhervatting bij een andere werkgever",
        "- `nog_niet_bekend`: Nog niet bekend, omdat",
    ]


async def test_a_heading_shows_the_key_it_fills(session):
    text = session.open(PLAN)
    shown = await hover(session, PLAN, text, "## Te nemen stappen", "nemen")
    assert shown.split("\n")[0] == "**`stappen`**: Te nemen stappen (5)"


async def test_a_finding_shows_its_rule_as_explain_tells_it(session):
    session.open(PLAN)
    text = session.edit(PLAN, "  keuze: eigen_functie", "  keuze: eigen_functe")
    await session.diagnostics(PLAN)
    shown = await hover(session, PLAN, text, "  keuze:", "functe")
    finding, key = shown.split("\n\n---\n\n")
    assert finding == (
        "PVA036 (error): waarde niet toegestaan\n\n"
        "Dit veld kent een vaste lijst waarden, de vakjes van het formulier; "
        "`pva fields` toont ze."
    )
    assert key.startswith("**`einddoel.keuze`**")


async def test_nothing_on_prose(session):
    text = session.open(PLAN)
    assert await hover(session, PLAN, text, "Opbouw van uren.", "uren") is None


async def test_a_date_of_a_step_shows_its_formula_and_source_from_the_law_table(session):
    text = session.open(PLAN)
    shown = await hover(session, PLAN, text, "  - wanneer:", "wanneer")
    step = shown.split("\n\n---\n\n")[-1]
    assert step == (
        "**Stap: Evaluatie**\n\n"
        "Termijn: elk evaluatiemoment dat het plan of een bijstelling afspreekt (hooguit 42 dagen uit elkaar); "
        "een gehouden evaluatie telt binnen 14 dagen van het moment  \n"
        "Gedaan als: een datum in `verzuim.evaluaties_gehouden` of een evaluatieverslag, binnen 14 dagen van het moment  \n"
        "Te laat of ontbreekt: geen eigen sanctie; UWV weegt het mee bij de toets van het re-integratieverslag  \n"
        "Bron: Regeling procesgang art. 4 lid 2 b; UWV-formulier: 'minimaal een keer per zes weken'  \n"
        "Regels: PVA070"
    )
    dossier = session.open(DOSSIER)
    shown = await hover(session, DOSSIER, dossier, "  datum: 2026-02-09", "datum")
    step = shown.split("\n\n---\n\n")[-1]
    assert step.startswith("**Stap: Probleemanalyse door de bedrijfsarts (binnen zes weken)**\n\nTermijn: D + 42:")
    assert "Bron: Regeling procesgang art. 2 lid 2, art. 5" in step
    # The plan's own date: the step the signed plan completes.
    shown = await hover(session, PLAN, text, "datum: 2026-02-19", "datum")
    assert "**Stap: Plan van aanpak opgesteld en ondertekend**" in shown
    # A key that is not a step's date shows no step.
    shown = await hover(session, PLAN, text, "  functie:", "ncti")
    assert "**Stap:" not in shown
