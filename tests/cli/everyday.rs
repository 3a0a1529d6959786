//! Everyday commands: init, new, agenda.

use crate::support::Project;

#[test]
fn init_then_build_works_and_init_never_overwrites() {
    let project = Project::new();
    project.run(&["init", "repo"]).success();
    for file in [
        "cases/gedeeld.yaml",
        "cases/voorbeeld/dossier.yaml",
        "cases/voorbeeld/plan-van-aanpak.md",
        ".gitignore",
        "pva.toml",
        ".github/workflows/pva.yml",
    ] {
        assert!(
            project.path(&format!("repo/{file}")).is_file(),
            "{file} missing"
        );
    }
    let repo = Project::new();
    repo.run(&["init"]).success();
    repo.run(&["build", "--today=2026-11-23"]).success();
    assert!(
        repo.pdf_text("output/cases/voorbeeld/plan-van-aanpak.pdf")
            .contains("Sanne de Vries")
    );
    std::fs::write(repo.path("pva.toml"), "# mijn instellingen\n").unwrap();
    let again = repo.run(&["init"]).success();
    assert_eq!(
        again.stderr,
        "behouden: cases/gedeeld.yaml (bestaat al)\n\
         behouden: cases/voorbeeld/dossier.yaml (bestaat al)\n\
         behouden: cases/voorbeeld/plan-van-aanpak.md (bestaat al)\n\
         behouden: .gitignore (bestaat al)\n\
         behouden: pva.toml (bestaat al)\n\
         behouden: .github/workflows/pva.yml (bestaat al)\n\
         behouden: pva.schema.json (bestaat al)\n\
         behouden: .vscode/extensions.json (bestaat al)\n\
         volgende stap: cd . && pva new dossier cases/NAAM --date EERSTE-ZIEKTEDAG\n\
         cases/voorbeeld is verzonnen, om van te leren: verwijder het met `rm -r cases/voorbeeld` zodra uw eigen dossier er staat\n"
    );
    assert_eq!(
        std::fs::read_to_string(repo.path("pva.toml")).unwrap(),
        "# mijn instellingen\n"
    );
}

#[test]
fn new_plan_reports_every_question_left_at_its_guidance() {
    let project = Project::with_examples();
    std::fs::remove_file(project.path("cases/de-vries-2026/plan-van-aanpak.md")).unwrap();
    // The signed copy of the old plan goes with it.
    std::fs::remove_file(project.path("cases/de-vries-2026/plan-van-aanpak.getekend.pdf")).unwrap();
    let run = project
        .run(&["new", "plan", "cases/de-vries-2026", "--date", "2026-10-22"])
        .success();
    assert_eq!(
        run.stderr,
        "geschreven: cases/de-vries-2026/plan-van-aanpak.md. Vul de lege velden in en beantwoord de vragen onder de kopjes; controleer dan met `pva lint`. `pva build --draft cases/de-vries-2026` maakt een CONCEPT om op papier af te maken.\n"
    );
    let text =
        std::fs::read_to_string(project.path("cases/de-vries-2026/plan-van-aanpak.md")).unwrap();
    assert!(
        text.contains("datum: 2026-10-22") && text.contains("keuze: eigen_functie"),
        "prefilled from the advice:\n{text}"
    );
    let lint = project.run(&[
        "lint",
        "--today=2026-11-23",
        "--format=json",
        "cases/de-vries-2026",
    ]);
    let codes = lint.codes();
    let expected: std::collections::BTreeSet<String> = ["PVA019", "PVA020", "PVA022", "PVA024"]
        .map(String::from)
        .into();
    assert_eq!(codes, expected, "{:#?}", lint.messages());
    // Each section left at its guidance is missing, at its heading, with
    // the guidance (the form's question) as the hint.
    let file = "cases/de-vries-2026/plan-van-aanpak.md".to_string();
    let line_of = |heading: &str| text.lines().position(|l| l == heading).unwrap() + 1;
    let at_headings: Vec<_> = lint
        .findings()
        .into_iter()
        .zip(lint.hints())
        .filter(|((_, _, line, _), _)| text.lines().nth(line - 1).unwrap().starts_with("## "))
        .collect();
    assert_eq!(
        at_headings,
        [
            (
                ("PVA020".into(), file.clone(), line_of("## Te nemen stappen"), 1),
                "Welke stappen moeten worden genomen om tot werkhervatting te komen? Bijvoorbeeld de opbouw van uren en taken, met data.".to_string()
            ),
            (
                ("PVA022".into(), file.clone(), line_of("## Visie werknemer"), 1),
                "Welke mogelijkheden ziet de werknemer om weer (meer) te gaan werken, en wat vindt de werknemer van de afspraken? In de woorden van de werknemer.".to_string()
            ),
            (
                ("PVA022".into(), file.clone(), line_of("## Visie werkgever"), 1),
                "Welke mogelijkheden ziet de werkgever voor de werknemer om weer (meer) te gaan werken, en wat vindt de werkgever van de afspraken?".to_string()
            ),
        ]
    );
    assert!(
        lint.messages().contains(
            &"het Plan van aanpak is nog niet ondertekend: de PDF krijgt lege regels om te tekenen"
                .to_string()
        ),
        "{:#?}",
        lint.messages()
    );

    // A draft for the meeting: built despite the errors, guidance not printed.
    let build = project.run(&[
        "build",
        "--draft",
        "--today=2026-11-23",
        "cases/de-vries-2026",
    ]);
    let build = build.code(1);
    assert!(build.stderr.contains("error[PVA022]"), "{}", build.stderr);
    let draft = "output/cases/de-vries-2026/plan-van-aanpak.concept.pdf";
    let pages = project.pdf_pages(draft);
    assert!(pages.iter().all(|p| p.contains("CONCEPT")), "{pages:#?}");
    let pdf = project.pdf_text(draft);
    assert!(pdf.contains("5 Welke stappen moeten worden genomen om tot werkhervatting te komen? Te nemen stappen:"), "{pdf}");
    for guidance in [
        "Bijvoorbeeld de opbouw",
        "In de woorden van de werknemer",
        "Tekst in een commentaar",
        "Aanvullende notities",
    ] {
        assert!(!pdf.contains(guidance), "{guidance:?} printed:\n{pdf}");
    }

    let again = project.run(&["new", "plan", "cases/de-vries-2026"]).code(2);
    assert_eq!(
        again.stderr,
        "fout: cases/de-vries-2026 heeft al een Plan van aanpak (cases/de-vries-2026/plan-van-aanpak.md); leg wijzigingen vast met `pva new bijstelling`\n"
    );
}

#[test]
fn new_bijstelling_starts_from_the_current_plan() {
    let project = Project::with_examples();
    project
        .run(&[
            "new",
            "bijstelling",
            "cases/de-vries-2026",
            "--date",
            "2026-11-23",
        ])
        .success();
    let text =
        std::fs::read_to_string(project.path("cases/de-vries-2026/bijstelling-2026-11-23.md"))
            .unwrap();
    assert!(text.contains("keuze: eigen_functie"), "{text}");
    assert!(text.contains("- Werkplekonderzoek en een vaste, rustige werkplek op kantoor; twee dagen per week thuiswerken (Casemanager en arbodienst)"), "{text}");
    let lint = project.run(&[
        "lint",
        "--today=2026-11-23",
        "--format=json",
        "cases/de-vries-2026",
    ]);
    let codes = lint.codes();
    let expected: std::collections::BTreeSet<String> = ["PVA016", "PVA020", "PVA022", "PVA024"]
        .map(String::from)
        .into();
    assert_eq!(codes, expected, "{:#?}", lint.messages());
    // The agreements so far are a starting point in a comment, not an answer.
    let index = lint
        .messages()
        .iter()
        .position(|m| m.starts_with("`afspraken_nabije_toekomst` ontbreekt"))
        .expect("afspraken_nabije_toekomst reported");
    assert_eq!(
        lint.hints()[index],
        "Welke afspraken maken werknemer en werkgever over re-integratie of (gedeeltelijke) werkhervatting in de komende 2 tot 6 weken? Ook als werkhervatting nog niet mogelijk is."
    );
    project
        .run(&[
            "build",
            "--draft",
            "--today=2026-11-23",
            "cases/de-vries-2026",
        ])
        .code(1);
    let draft = project.pdf_text("output/cases/de-vries-2026/bijstelling-2026-11-23.concept.pdf");
    assert!(
        draft.contains("(2-6 weken)?Dit zijn: 8. Evaluatiemomenten"),
        "{draft}"
    );
    assert!(!draft.contains("Werkplekonderzoek"), "{draft}");
    project
        .run(&["new", "bijstelling", "cases/niet-bestaand"])
        .code(2);
}

/// The agenda of `dossier` on `today`, as its JSON entries.
fn agenda(project: &Project, today: &str, dossier: &str) -> Vec<serde_json::Value> {
    let today = format!("--today={today}");
    let run = project
        .run(&["agenda", &today, "--format=json", dossier])
        .success();
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn agenda_counts_samengesteld_verzuim() {
    let project = Project::with_examples();
    let list = agenda(&project, "2026-11-23", "cases/jansen-2025");
    let find = |key: &str| {
        list.iter()
            .find(|d| d["key"] == key)
            .unwrap_or_else(|| panic!("{key} missing"))
    };
    // D = 2025-11-03 with 21 fit days in December 2025 that do not count:
    // week 8 moves to 2026-01-19, but the analysis was received on
    // 2025-12-09, so the plan was due two weeks later.
    assert_eq!(find("plan-van-aanpak")["datum"], "2025-12-23");
    assert_eq!(find("plan-van-aanpak")["status"], "gedaan");
    assert_eq!(find("ziekmelding-uwv")["datum"], "2026-09-14");
    assert_eq!(find("eerstejaarsevaluatie")["datum"], "2026-11-22");
    assert_eq!(find("re-integratieverslag")["datum"], "2027-08-23");
    assert_eq!(find("wia-aanvraag")["datum"], "2027-09-06");
    assert_eq!(find("einde-wachttijd")["datum"], "2027-11-21");
    assert_eq!(find("evaluatie-20261221")["status"], "open");
    // The 104 weeks end on their last day, D + 727 + 21 fit days.
    assert_eq!(find("einde-wachttijd")["status"], "open");
    let dates: Vec<&str> = list.iter().map(|d| d["datum"].as_str().unwrap()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "sorted by date: {dates:?}"
    );
}

#[test]
fn agenda_states_overdue_and_due() {
    let project = Project::with_examples();
    let list = agenda(&project, "2026-12-25", "cases/de-vries-2026");
    let status = |key: &str| {
        list.iter().find(|d| d["key"] == key).unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status("evaluatie-20270107"), "open");
    // A passed date is not a held evaluation: only a recorded one is gedaan.
    assert_eq!(status("evaluatie-20261203"), "verlopen");
    assert_eq!(status("ziekmelding-uwv"), "open");
}

/// Unfolds an iCalendar file into (name, value) lines.
fn parse_ics(text: &str) -> Vec<(String, String)> {
    assert!(
        text.lines().count() > 2 && text.split("\r\n").all(|l| l.len() <= 75),
        "lines are folded at 75 octets"
    );
    let unfolded = text.replace("\r\n ", "");
    unfolded
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (name, value) = l.split_once(':').expect("name:value");
            (name.to_string(), value.to_string())
        })
        .collect()
}

#[test]
fn agenda_ics_is_valid_and_stable() {
    let project = Project::with_examples();
    project
        .run(&["agenda", "--today=2026-11-23", "--ics", "a.ics"])
        .success();
    project
        .run(&["agenda", "--today=2026-11-23", "--ics", "b.ics"])
        .success();
    let a = std::fs::read_to_string(project.path("a.ics")).unwrap();
    assert_eq!(
        a,
        std::fs::read_to_string(project.path("b.ics")).unwrap(),
        "same ids and content on re-import"
    );
    let lines = parse_ics(&a);
    assert_eq!(
        lines.first().unwrap(),
        &("BEGIN".to_string(), "VCALENDAR".to_string())
    );
    let events = lines
        .iter()
        .filter(|(n, v)| n == "BEGIN" && v == "VEVENT")
        .count();
    let uids: std::collections::BTreeSet<&String> = lines
        .iter()
        .filter(|(n, _)| n == "UID")
        .map(|(_, v)| v)
        .collect();
    assert_eq!(uids.len(), events, "one unique id per event");
    assert!(
        uids.contains(&"cases-jansen-2025-ziekmelding-uwv@pva".to_string()),
        "{uids:?}"
    );
    assert!(lines.contains(&("DTSTART;VALUE=DATE".to_string(), "20260914".to_string())));
    assert!(
        lines
            .iter()
            .any(|(n, v)| n == "SUMMARY" && v == "Kees Jansen – Ziekmelding bij UWV (42e week)")
    );
}

/// `pva watch` rebuilds a PDF within moments of a save, and survives a
/// broken intermediate save.
#[test]
fn watch_rebuilds_after_a_change() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let project = Project::with_examples();
    // A plan still being edited: changing a recorded one would be an error.
    crate::support::unrecord(&project, "cases/de-vries-2026/plan-van-aanpak.md");
    let pdf = project.path("output/cases/de-vries-2026/plan-van-aanpak.pdf");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(["watch", "--today=2026-11-23", "cases/de-vries-2026"])
        .current_dir(project.path(""))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let wait_for = |what: &dyn Fn() -> bool| {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if what() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    };
    let first_build = wait_for(&|| pdf.is_file());
    let doc = project.path("cases/de-vries-2026/plan-van-aanpak.md");
    let good = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        good.replace("keuze: eigen_functie", "keuze: eigen\tfunctie: ["),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(600));
    std::fs::write(
        &doc,
        good.replace("Ik wil graag terug", "Ik wil heel graag terug"),
    )
    .unwrap();
    let rebuilt = wait_for(&|| {
        let bytes = std::fs::read(&pdf).unwrap_or_default();
        pdf_extract::extract_text_from_mem(&bytes)
            .is_ok_and(|t| t.contains("Ik wil heel graag terug"))
    });
    let still_running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    assert!(first_build, "the first build did not happen");
    assert!(still_running, "watch stopped after a broken save");
    assert!(rebuilt, "the PDF was not rebuilt after the change");
}

/// `pva watch` rests while nothing changes: with findings on screen and no
/// edit for 5 s it reports once and uses (almost) no CPU; an edit gives one
/// more report, headed by a rule that names the file. Its own reads and the
/// PDFs it writes never start a round.
#[test]
fn watch_rests_until_a_file_changes() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let project = Project::with_examples();
    // A finding on screen: a BSN that fails the elfproef.
    let bakker = project.path("cases/bakker-2026/dossier.yaml");
    let text = std::fs::read_to_string(&bakker).unwrap();
    std::fs::write(&bakker, text.replace("\"249566758\"", "\"249566759\"")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pva"))
        .args(["watch", "--today=2026-11-23"])
        .current_dir(project.path("cases/de-vries-2026"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let output = Arc::new(Mutex::new(String::new()));
    let mut stderr = child.stderr.take().unwrap();
    let sink = Arc::clone(&output);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let text = || output.lock().unwrap().clone();
    let rounds = || text().lines().filter(|l| l.starts_with("── ")).count();
    let summaries = || text().matches("PDF('s) gemaakt in").count();
    let wait_for = |n: usize| {
        let start = Instant::now();
        while summaries() < n && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_for(1);
    let cpu_before = cpu_ticks(child.id());
    std::thread::sleep(Duration::from_secs(5));
    let cpu_idle = cpu_ticks(child.id()) - cpu_before;
    let (rounds_idle, text_idle) = (rounds(), text());
    let doc = project.path("cases/de-vries-2026/plan-van-aanpak.md");
    let good = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        good.replace("Ik wil graag terug", "Ik wil heel graag terug"),
    )
    .unwrap();
    wait_for(2);
    std::thread::sleep(Duration::from_secs(2));
    let (rounds_after, text_after) = (rounds(), text());
    let _ = child.kill();
    let _ = child.wait();
    // Paths from where the user stands: the project's cases/ is `..`.
    assert!(
        text_idle.starts_with("bewaakt .. (Ctrl-C stopt)\n── "),
        "{text_idle}"
    );
    assert!(text_idle.contains("· eerste bouw ──"), "{text_idle}");
    assert!(
        text_idle.contains("error[PVA030]"),
        "the finding is shown: {text_idle}"
    );
    assert_eq!(
        rounds_idle, 1,
        "one report while nothing changed:\n{text_idle}"
    );
    // 100 ticks a second: a quarter of a second in five is not resting.
    assert!(cpu_idle < 25, "{cpu_idle} ticks of CPU while idle");
    assert_eq!(
        rounds_after, 2,
        "one more report after one edit:\n{text_after}"
    );
    assert!(
        text_after.contains("· gewijzigd: plan-van-aanpak.md ──"),
        "{text_after}"
    );
    assert!(
        text_after.contains("geschreven: ../../output/cases/de-vries-2026/plan-van-aanpak.pdf"),
        "{text_after}"
    );
}

/// The CPU time (user and system, in clock ticks) process `pid` used so far.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

#[test]
fn cli_definition_is_consistent_and_documented() {
    use clap::CommandFactory;
    pva::cli::Cli::command().debug_assert();
    let help = Project::new().run(&["build", "--help"]).success();
    assert!(
        help.stdout
            .contains("Example: pva build cases/ --out output/"),
        "{}",
        help.stdout
    );
    for command in [
        "lint",
        "agenda",
        "new",
        "init",
        "watch",
        "templates",
        "completions",
        "man",
        "schema",
    ] {
        let run = Project::new().run(&[command, "--help"]).success();
        assert!(
            run.stdout.contains("Example: pva"),
            "{command} --help has no example:\n{}",
            run.stdout
        );
    }
    let bash = Project::new().run(&["completions", "bash"]).success();
    assert!(bash.stdout.contains("_pva()"), "{}", bash.stdout);
    let man = Project::new().run(&["man"]).success();
    assert!(
        man.stdout.starts_with(".ie \\n(.g .ds Aq") && man.stdout.contains("pva"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
}

/// Issue 22, point 7: an error that stops a command is Dutch, after `fout:`,
/// and says what to do (commands and flags stay English).
#[test]
fn errors_that_stop_a_command_are_dutch() {
    let project = Project::new()
        .file("pva.toml", "[lint\nPVA016 = \"off\"\n")
        .file("cases/d/dossier.yaml", "werknemer:\n");
    let run = project.run(&["lint"]).code(2);
    assert_eq!(
        run.stderr,
        "fout: pva.toml: regel 1: dit is geen geldige TOML (de lezer meldt: unclosed table, expected `]`); schrijf per regel `PVA016 = \"off\"` onder [lint], of `max_seconds = 60` onder [build]\n"
    );
    let project = Project::new().file("pva.toml", "").file("cases/d/x.md", "");
    let run = project.run(&["new", "plan", "cases/d"]).code(2);
    assert_eq!(
        run.stderr,
        "fout: cases/d is geen dossier: er staat geen dossier.yaml in; maak het eerst met `pva new dossier`\n"
    );
    let run = project.run(&["lint", "--today", "morgen"]).code(2);
    assert_eq!(
        run.stderr,
        "fout: --today morgen: dat is geen datum; schrijf JJJJ-MM-DD, zoals 2026-11-23\n"
    );
    let run = project.run(&["verify", "abc"]).code(2);
    assert_eq!(
        run.stderr,
        "fout: abc is geen bestand en geen vingerafdruk van 12 tekens 0-9 en a-f (zoals onderaan een pagina)\n"
    );
}

/// The common causes of an I/O failure are Dutch, with what to do.
#[test]
fn a_file_that_cannot_be_read_is_named_in_dutch() {
    let project = Project::new().file("pva.toml", "");
    let run = project
        .run(&["lint", "--format", "short", "cases/bestaat-niet.md"])
        .code(1);
    assert_eq!(
        run.stdout,
        "cases/bestaat-niet.md:1:1: error[PVA002]: kan deze map of dit bestand niet lezen: het bestaat niet (controleer de naam en de map)\n"
    );
}

/// Issue 22, point 6: the example of `pva init` (`voorbeeld: true`) leaves
/// lint, build, the agenda and its calendar file as soon as the project
/// has a dossier of its own, each time with a warning (PVA090: what is left out is not checked) naming how to
/// remove it; asked for alone it is still linted.
#[test]
fn the_example_leaves_once_a_dossier_of_ones_own_exists() {
    let repo = Project::new();
    repo.run(&["init"]).success();
    let today = "--today=2026-12-07";
    // Alone, the example is the project: its findings are reported.
    let alone = repo.run(&["lint", today, "--format", "json"]);
    assert!(
        alone
            .findings()
            .iter()
            .any(|f| f.1.starts_with("cases/voorbeeld/")),
        "{}",
        alone.stdout
    );
    assert!(!alone.codes().contains("PVA090"));
    repo.run(&[
        "new",
        "dossier",
        "cases/jansen-2026",
        "--date",
        "2026-11-02",
    ])
    .success();
    let run = repo.run(&["lint", today, "--format", "json"]);
    let example: Vec<_> = run
        .findings()
        .into_iter()
        .zip(run.messages())
        .zip(run.hints())
        .filter(|((f, _), _)| f.1.starts_with("cases/voorbeeld/"))
        .map(|((f, m), h)| (f.0, f.1, f.2, f.3, m, h))
        .collect();
    assert_eq!(
        example,
        vec![(
            "PVA090".to_string(),
            "cases/voorbeeld/dossier.yaml".to_string(),
            6,
            12,
            "cases/voorbeeld is het verzonnen voorbeeld van `pva init` en telt niet mee nu er een eigen dossier is: lint, build en agenda laten het weg".to_string(),
            "verwijder het als u het niet meer nodig heeft: rm -r cases/voorbeeld; is dit een echt dossier (een kopie van het voorbeeld), haal dan `voorbeeld: true` weg".to_string(),
        )]
    );
    let agenda = repo
        .run(&["agenda", today, "--ics", "deadlines.ics"])
        .success();
    assert_eq!(
        agenda.stderr,
        "let op: cases/voorbeeld is het verzonnen voorbeeld van `pva init` en telt niet mee nu er een eigen dossier is: lint, build en agenda laten het weg\n"
    );
    assert!(!agenda.stdout.contains("voorbeeld"), "{}", agenda.stdout);
    assert!(
        agenda.stdout.contains("cases/jansen-2026"),
        "{}",
        agenda.stdout
    );
    let ics = std::fs::read_to_string(repo.path("deadlines.ics")).unwrap();
    assert!(
        !ics.contains("Sanne") && !ics.contains("voorbeeld"),
        "{ics}"
    );
    let build = repo.run(&["build", today]);
    assert!(
        build.stderr.contains("warning[PVA090]")
            && !build.stderr.contains("output/cases/voorbeeld"),
        "{}",
        build.stderr
    );
    assert!(!repo.path("output/cases/voorbeeld").exists());
    // Asked for by name, the example is still checked.
    let named = repo.run(&["lint", today, "--format", "json", "cases/voorbeeld"]);
    assert!(!named.codes().contains("PVA090"), "{}", named.stdout);
}
