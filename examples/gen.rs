//! Writes N realistic, varied documents into DIR for benchmarks:
//! `cargo run --release --example gen -- 1000 /tmp/bench/cases`.
//!
//! Each dossier gets a plan and 0–3 bijstellingen, valid BSNs, consistent
//! dates and notes of realistic length, so every document lints clean.
//! The output is deterministic for a given N.

// A benchmark tool writing fixtures, not pva output: plain writes and exit are fine.
#![allow(clippy::disallowed_methods)]

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Duration, NaiveDate};

const FIRST: &[&str] = &[
    "Anna", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanna", "Ibrahim", "Joost", "Kim",
    "Lars", "Mila", "Noah", "Olga", "Pieter", "Roos", "Sem", "Tess", "Yusuf",
];
const LAST: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
];
const FUNCTIONS: &[&str] = &[
    "Werkvoorbereider",
    "Servicemonteur",
    "Administratief medewerker",
    "Planner",
    "Magazijnmedewerker",
    "Projectleider",
    "Calculator",
    "Klantenservicemedewerker",
];
const GOALS: &[&str] = &[
    "eigen_functie",
    "gedeeltelijk_eigen_functie",
    "andere_functie_eigen_werkgever",
    "gedeeltelijk_andere_functie_eigen_werkgever",
    "andere_werkgever",
];
const FIELDS: &[&str] = &[
    "arbeidsinhoud",
    "arbeidsomstandigheden",
    "arbeidsvoorwaarden",
    "arbeidsverhoudingen",
];
const ACTIVITIES: &[&str] = &[
    "Takenpakket tijdelijk aanpassen: geen spoedklussen en geen storingsdiensten",
    "Werkplekonderzoek en aanpassing van bureau en stoel",
    "Opbouw van de werktijd volgens schema, wekelijks besproken",
    "Gesprek met leidinggevende over werkverdeling in het team",
    "Inzet van een jobcoach voor de eerste zes weken",
    "Tijdelijk thuiswerken op twee dagen per week",
];
const SENTENCES: &[&str] = &[
    "De werknemer hervat in overleg met de leidinggevende en bouwt de uren stap voor stap op.",
    "Wij bespreken elke week kort hoe het gaat en passen het schema zo nodig aan.",
    "De casemanager bewaakt de afspraken en plant de evaluaties in.",
    "Bij tegenvallende opbouw volgt een vervroegd spreekuur bij de bedrijfsarts.",
    "De werknemer houdt contact met het team en krijgt de teamoverleggen toegestuurd.",
    "Na zes weken kijken we samen of uitbreiding naar meer uren mogelijk is.",
    "De werkgever zorgt voor de benodigde hulpmiddelen op de werkplek.",
    "Het doel is duurzame terugkeer, ook na de periode van twee jaar.",
];

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    fn text(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| self.pick(SENTENCES))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A BSN that passes the elfproef.
fn bsn(rng: &mut Rng) -> String {
    loop {
        let digits: Vec<u64> = (0..8)
            .map(|i| {
                if i == 0 {
                    1 + rng.next() % 9
                } else {
                    rng.next() % 10
                }
            })
            .collect();
        let sum: u64 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
        let check = sum % 11;
        if check < 10 {
            return digits
                .iter()
                .chain([check].iter())
                .map(|d| d.to_string())
                .collect();
        }
    }
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(dir)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: gen N DIR   (writes N documents into DIR)");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).expect("create DIR");
    std::fs::write(dir.join("gedeeld.yaml"), SHARED).expect("write gedeeld.yaml");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut written = 0;
    let mut dossier = 0;
    while written < count {
        let bijstellingen = rng.below(4).min(count - written - 1);
        write_dossier(
            &mut rng,
            &dir.join(format!("dossier-{dossier:05}")),
            bijstellingen,
        );
        written += 1 + bijstellingen;
        dossier += 1;
    }
    println!(
        "wrote {written} documents in {dossier} dossiers into {}",
        dir.display()
    );
}

fn write_dossier(rng: &mut Rng, dir: &Path, bijstellingen: usize) {
    std::fs::create_dir_all(dir).expect("create dossier");
    let first =
        NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + Duration::days(rng.below(300) as i64);
    let analysis = first + Duration::days(28 + rng.below(13) as i64);
    let plan_date = analysis + Duration::days(3 + rng.below(10) as i64);
    let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let dossier = format!(
        "werknemer:\n  naam: {name}\n  bsn: \"{}\"\n  adres: Kerkstraat {}\n  postcode: 3511 AB\n  plaats: Utrecht\n  geboortedatum: 19{}-0{}-1{}\n  functie: {}\nverzuim:\n  eerste_ziektedag: {}\n  verloop:\n    - datum: {}\n      percentage: 100\nprobleemanalyse:\n  datum: {}\n",
        bsn(rng),
        1 + rng.below(200),
        60 + rng.below(40),
        1 + rng.below(9),
        rng.below(10),
        rng.pick(FUNCTIONS),
        iso(first),
        iso(first),
        iso(analysis)
    );
    std::fs::write(dir.join("dossier.yaml"), dossier).expect("write dossier.yaml");
    let mut goal = "eigen_functie";
    std::fs::write(
        dir.join("01-plan-van-aanpak.md"),
        plan(rng, plan_date, goal),
    )
    .expect("write plan");
    let mut date = plan_date;
    for i in 0..bijstellingen {
        date += Duration::days(40 + rng.below(40) as i64);
        let next = loop {
            let candidate = rng.pick(GOALS);
            if candidate != goal {
                break candidate;
            }
        };
        goal = next;
        std::fs::write(
            dir.join(format!("{:02}-bijstelling.md", i + 2)),
            bijstelling(rng, date, goal),
        )
        .expect("write bijstelling");
    }
}

fn evaluations(rng: &mut Rng, from: NaiveDate) -> String {
    let mut out = String::from("evaluaties:\n");
    let mut date = from;
    for _ in 0..2 + rng.below(2) {
        date += Duration::days(21 + rng.below(20) as i64);
        let _ = write!(
            out,
            "  - wanneer: {}\n    wat: Voortgang en zo nodig bijstellen\n    wie: Werknemer en casemanager\n",
            iso(date)
        );
    }
    out
}

fn signatures(date: NaiveDate) -> String {
    format!(
        "ondertekening:\n  werknemer:\n    datum: {0}\n  werkgever:\n    datum: {0}\n",
        iso(date)
    )
}

fn plan(rng: &mut Rng, date: NaiveDate, goal: &str) -> String {
    let mut rows = String::new();
    for _ in 0..2 + rng.below(3) {
        let _ = write!(
            rows,
            "  - probleemveld: {}\n    activiteit: \"{}\"\n    door: Leidinggevende en werknemer\n    planning: binnen zes weken\n",
            rng.pick(FIELDS),
            rng.pick(ACTIVITIES)
        );
    }
    format!(
        "---\ndocument: plan-van-aanpak\ndatum: {}\neinddoel:\n  keuze: {goal}\nafspraken:\n{rows}{}evaluatie_probleemanalyse: Spreekuur bij de bedrijfsarts over zes weken.\n{}---\n{}\n\n## Te nemen stappen\n\n1. {}\n2. {}\n3. {}\n\n## Visie werknemer\n\n{}\n\n## Visie werkgever\n\n{}\n",
        iso(date),
        evaluations(rng, date),
        signatures(date),
        rng.text(3),
        rng.text(1),
        rng.text(2),
        rng.text(1),
        rng.text(3),
        rng.text(3)
    )
}

fn bijstelling(rng: &mut Rng, date: NaiveDate, goal: &str) -> String {
    format!(
        "---\ndocument: bijstelling\ndatum: {}\neinddoel:\n  keuze: {goal}\nobstakels:\n  aanwezig: false\n{}{}---\n## Afspraken nabije toekomst\n\n{}\n\n- {}\n- {}\n\n## Visie werknemer\n\n{}\n\n## Visie werkgever\n\n{}\n",
        iso(date),
        evaluations(rng, date),
        signatures(date),
        rng.text(4),
        rng.text(1),
        rng.text(1),
        rng.text(2),
        rng.text(3)
    )
}

const SHARED: &str = "werkgever:
  bedrijfsnaam: Van Dijk Installatietechniek B.V.
  contactpersoon:
    naam: Ingrid Smit
    telefoon: 030 - 244 18 90
casemanager:
  naam: Ingrid Smit
  functie: HR-adviseur
  telefoon: 030 - 244 18 90
arbodienst:
  naam: ArboZorg Midden-Nederland
  vestiging: ArboZorg Utrecht-West
  adres: Kanaalweg 91
  postcode: 3526 KM
  plaats: Utrecht
  telefoon: 030 - 600 72 10
  bedrijfsarts: dr. M. Hoekstra
  contactpersoon:
    naam: Peter Verhoeven
    telefoon: 030 - 600 72 14
    email: p.verhoeven@arbozorg-mn.nl
";
