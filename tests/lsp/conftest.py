"""End-to-end tests of `pva lsp`, driven by pytest-lsp as an independent client.

Each test gets a temporary copy of `project/` (a clean dossier under
`cases/`, a shared `gedeeld.yaml` and `pva.toml`) and a server started with
`pva lsp --today 2026-04-01`, initialised with that copy as its workspace.
The binary is `$PVA_BIN` (set by `cargo test`), else `target/debug/pva`.
"""

import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

HERE = pathlib.Path(__file__).parent
REPO = HERE.parent.parent
PVA = os.environ.get("PVA_BIN", str(REPO / "target" / "debug" / "pva"))
TODAY = "2026-04-01"


@pytest.fixture
def project(tmp_path: pathlib.Path) -> pathlib.Path:
    """A temporary copy of the fixture project."""
    root = tmp_path / "dossiers"
    shutil.copytree(HERE / "project", root)
    return root


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[PVA, "lsp", "--today", TODAY]),
    params=["visual-studio-code", "neovim"],
)
async def client(lsp_client: LanguageClient, project: pathlib.Path, request):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            workspace_folders=[
                types.WorkspaceFolder(uri=project.as_uri(), name="dossiers")
            ],
        )
    )
    yield
    await lsp_client.shutdown_session()


class Session:
    """The client and the project, with what a test does to them."""

    def __init__(self, client: LanguageClient, root: pathlib.Path):
        self.client = client
        self.root = root
        self.versions: dict[str, int] = {}

    def path(self, name: str) -> pathlib.Path:
        return self.root / name

    def uri(self, name: str) -> str:
        return self.path(name).as_uri()

    def open(self, name: str, text: str | None = None) -> str:
        """Opens a file as saved (or with `text`, unsaved); returns its text."""
        if text is None:
            text = self.path(name).read_text(encoding="utf-8")
        language = "markdown" if name.endswith(".md") else "yaml"
        self.versions[name] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=self.uri(name), language_id=language, version=1, text=text
                )
            )
        )
        return text

    def type(self, name: str, text: str) -> None:
        """Replaces the buffer's text, without saving."""
        self.versions[name] = self.versions.get(name, 1) + 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=self.uri(name), version=self.versions[name]
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def edit(self, name: str, old: str, new: str) -> str:
        """Changes the one occurrence of `old` in the saved text; returns the new text."""
        text = self.path(name).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {name}"
        text = text.replace(old, new)
        self.type(name, text)
        return text

    async def settle(self) -> None:
        """Waits until the server has published the findings of every edit sent.

        The server lints pending edits before it answers any request, and
        the client handles messages in order: after the answer, all is in."""
        await self.client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=self.uri("pva.toml")),
                position=types.Position(line=0, character=0),
            )
        )

    async def diagnostics(self, name: str):
        """The findings shown for `name` once the server caught up, as
        [(code, 0-based line, start character, end character)]."""
        await self.settle()
        return [
            (d.code, d.range.start.line, d.range.start.character, d.range.end.character)
            for d in self.client.diagnostics.get(self.uri(name), [])
        ]

    def published(self, name: str) -> bool:
        """Whether findings (maybe none) were published for `name`."""
        return self.uri(name) in self.client.diagnostics

    def position(self, name: str, text: str, line_text: str, column: str) -> types.Position:
        """The position of the first `column` in the line that starts with `line_text`."""
        lines = text.split("\n")
        line = next(i for i, l in enumerate(lines) if l.startswith(line_text))
        return types.Position(line=line, character=lines[line].index(column))


@pytest.fixture
def session(client: LanguageClient, project: pathlib.Path) -> Session:
    return Session(client, project)
