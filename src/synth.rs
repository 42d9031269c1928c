//! Synthetic corpora for benchmarks and robustness tests: realistic
//! dispatch-style articles with varied date styles, places from the
//! gazetteer, page furniture, repeated paragraphs and a manifest for part of
//! them. The same seed always gives the same corpus.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate};

use crate::places::{Gazetteer, RegionKind};

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the corpus folder.
    pub path: String,
    /// File contents.
    pub text: String,
    /// A `[[doc]]` entry for the manifest, for some articles.
    pub manifest: Option<String>,
}

/// Everything the generator draws from.
pub struct Generator {
    rng: fastrand::Rng,
    towns: Vec<String>,
    regions: Vec<String>,
    countries: Vec<String>,
}

const OUTLETS: &[(&str, &str)] = &[
    ("The Kyiv Independent", "kyivindependent.com"),
    ("Ukrinform", "ukrinform.net"),
    ("The Moscow Times", "themoscowtimes.com"),
    ("Reuters", "reuters.com"),
    ("Euronews", "euronews.com"),
    ("Meduza", "meduza.io"),
    ("Al Jazeera", "aljazeera.com"),
    ("Daily Maverick", "dailymaverick.co.za"),
];

const ACTORS: &[&str] = &[
    "Russian forces",
    "Ukrainian troops",
    "the General Staff",
    "the regional governor",
    "air defence units",
    "rescue workers",
    "the Defence Ministry",
    "local officials",
];

const VERBS: &[&str] = &[
    "shelled",
    "struck",
    "reported attacks on",
    "repelled assaults near",
    "evacuated residents from",
    "restored power in",
    "launched drones at",
    "recaptured positions near",
];

const FURNITURE: &[&str] = &[
    "Skip to content",
    "Subscribe",
    "* indicates required",
    "Enter your email to get our newsletter",
    "Share on Facebook",
    "Most popular",
    "News Analysis Opinion Podcasts Jobs",
    "Learn more Arrow right",
];

impl Generator {
    /// A generator seeded with `seed`, drawing places from `gazetteer`.
    pub fn new(seed: u64, gazetteer: &Gazetteer) -> Generator {
        let mut towns = Vec::new();
        let mut regions = Vec::new();
        let mut countries = Vec::new();
        for id in 0..gazetteer.len() as u32 {
            let r = gazetteer.region(id);
            match r.kind {
                RegionKind::Town => towns.push(r.name.clone()),
                RegionKind::Region => regions.push(r.name.clone()),
                RegionKind::Country => countries.push(r.name.clone()),
            }
        }
        for list in [&mut towns, &mut regions, &mut countries] {
            if list.is_empty() {
                list.push("the area".to_owned());
            }
        }
        Generator {
            rng: fastrand::Rng::with_seed(seed),
            towns,
            regions,
            countries,
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.usize(..items.len())]
    }

    fn town(&mut self) -> String {
        self.towns[self.rng.usize(..self.towns.len())].clone()
    }

    fn region(&mut self) -> String {
        self.regions[self.rng.usize(..self.regions.len())].clone()
    }

    fn country(&mut self) -> String {
        self.countries[self.rng.usize(..self.countries.len())].clone()
    }

    /// Article number `index` of the corpus.
    pub fn article(&mut self, index: usize) -> Article {
        let published = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap_or_default()
            + Duration::days(self.rng.i64(0..1400));
        let (outlet, domain) = *self.pick(OUTLETS);
        let town = self.town();
        let title = format!("{} {} {town}", self.pick(ACTORS), self.pick(VERBS));
        let mut title = title;
        if let Some(c) = title.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        let slug = format!("{}-{index}", title.to_lowercase().replace(' ', "-"));
        let style = self.rng.u8(0..5);
        let markdown = style == 4;
        let mut text = String::with_capacity(6000);
        for _ in 0..self.rng.usize(0..4) {
            let _ = writeln!(text, "{}", self.pick(FURNITURE));
        }
        match style {
            0 => {
                let _ = writeln!(text, " date {published}\n\n{title}\n");
            }
            1 => {
                let _ = writeln!(
                    text,
                    "{title}\n\nby Staff Reporter {} 9:{:02} AM\n",
                    published.format("%B %-d, %Y"),
                    self.rng.u8(0..60)
                );
            }
            2 => {
                let day = (published - NaiveDate::from_ymd_opt(2022, 2, 24).unwrap_or_default())
                    .num_days()
                    + 1;
                let _ = writeln!(text, "Frontline notes. Day {day}.\n{title}.\n");
            }
            4 => {
                let _ = writeln!(
                    text,
                    "---\ntitle: {title}\nsource: {outlet}\npublished: {published}\n---\n\n{title}\n"
                );
            }
            _ => {
                let _ = writeln!(text, "{title}\n");
            }
        }
        let paragraphs = self.rng.usize(10..24);
        let mut repeated = None;
        for p in 0..paragraphs {
            if p > 0 && p % 5 == 0 {
                let region = self.region();
                let _ = write!(
                    text,
                    "{}. ",
                    region.trim_end_matches(" Oblast").to_owned() + " region"
                );
            }
            let para = self.paragraph(published);
            if p == 2 {
                repeated = Some(para.clone());
            }
            let _ = writeln!(text, "{para}\n");
        }
        if let Some(r) = repeated {
            let _ = writeln!(text, "{r}\n");
        }
        for _ in 0..self.rng.usize(0..3) {
            let _ = writeln!(text, "{}", self.pick(FURNITURE));
        }
        if style == 3 {
            let _ = writeln!(
                text,
                "https://www.{domain}/{}/{:02}/{:02}/{slug}",
                published.year(),
                published.month(),
                published.day()
            );
        } else {
            let _ = writeln!(text, "{outlet}");
        }
        let folder = format!("{:03}", index / 1000);
        let ext = if markdown { "md" } else { "txt" };
        let path = format!("{folder}/{slug}.{ext}");
        let manifest = (index.is_multiple_of(3) && !markdown).then(|| {
            format!(
                "[[doc]]\nfile = \"{path}\"\nsource = \"{outlet}\"\npublished = \"{published}\"\n"
            )
        });
        Article {
            path,
            text,
            manifest,
        }
    }

    fn paragraph(&mut self, published: NaiveDate) -> String {
        let sentences = self.rng.usize(2..6);
        let mut out = String::new();
        for i in 0..sentences {
            if i > 0 {
                out.push(' ');
            }
            let town = self.town();
            let actor = *self.pick(ACTORS);
            let verb = *self.pick(VERBS);
            let n = self.rng.u32(2..400);
            let date = self.date_phrase(published);
            let country = self.country();
            // About a third of the sentences of real dispatches carry a date.
            let s = match self.rng.u8(0..15) {
                5..=8 => {
                    format!("{actor} {verb} {town} as {n} people were evacuated, officials said.")
                }
                9..=11 => format!("The {n} residents of {town} were told to stay in shelters."),
                12..=14 => format!("{actor} said the situation around {town} remained difficult."),
                0 => format!("{actor} {verb} {town} {date}, officials said."),
                1 => format!(
                    "{} {date}, {actor} {verb} {town} {n} times.",
                    capitalized(&date)
                ),
                2 => {
                    format!("Talks with {country} were discussed {date}, according to a statement.")
                }
                3 => format!("The {n} residents of {town} were told to shelter as sirens sounded."),
                _ => {
                    format!("{actor} said {date} that {n} drones had been launched towards {town}.")
                }
            };
            out.push_str(&s);
        }
        out
    }

    fn date_phrase(&mut self, published: NaiveDate) -> String {
        let back = Duration::days(self.rng.i64(0..20));
        let d = published - back;
        let month = d.format("%B").to_string();
        match self.rng.u8(0..10) {
            0 => format!("on {month} {}", d.day()),
            1 => format!("on {} {month}", d.day()),
            2 => format!("on {}. {}", &month[..3], d.day()),
            3 => format!("on {}", d.format("%A")),
            4 => "yesterday".to_owned(),
            5 => "last night".to_owned(),
            6 => format!("on {month} {}, {}", d.day(), d.year()),
            7 => format!("on {d}"),
            8 => format!("in {month} {}", d.year()),
            _ => "this week".to_owned(),
        }
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Articles `range` of `generator`, read and extracted on every core (the
/// pipeline's reader and extractor, without a cache or a manifest): their
/// documents, and their events, whose `doc` indexes the documents.
pub fn extracted(
    generator: &mut Generator,
    range: std::ops::Range<usize>,
    gazetteer: &Gazetteer,
) -> (Vec<crate::corpus::Document>, Vec<crate::extract::Event>) {
    use rayon::prelude::*;
    let articles: Vec<Article> = range.map(|i| generator.article(i)).collect();
    let docs: Vec<crate::corpus::Document> = articles
        .into_par_iter()
        .map(|a| {
            let path = std::path::PathBuf::from(&a.path);
            crate::corpus::document_from_text(a.path, &path, a.text, None, &mut Vec::new())
        })
        .collect();
    let events = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, d)| crate::extract::extract(d, i as u32, gazetteer))
        .collect();
    (docs, events)
}

/// Writes a corpus of `n` articles into `dir` (created if needed), with a
/// `manifest.toml` for a third of them. Returns the number of bytes written.
pub fn write_corpus(
    dir: &Path,
    n: usize,
    seed: u64,
    gazetteer: &Gazetteer,
) -> std::io::Result<u64> {
    let mut generator = Generator::new(seed, gazetteer);
    let mut manifest = String::from("# Generated by frontlog gen-corpus\n\n");
    let mut bytes = 0;
    for i in 0..n {
        let a = generator.article(i);
        let path = dir.join(&a.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &a.text)?;
        bytes += a.text.len() as u64;
        if let Some(m) = a.manifest {
            manifest.push_str(&m);
            manifest.push('\n');
        }
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("manifest.toml"), manifest)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus() {
        let g = Gazetteer::builtin();
        let a: Vec<String> = (0..20)
            .map(|i| Generator::new(7, g).article(i).text)
            .collect();
        let b: Vec<String> = (0..20)
            .map(|i| Generator::new(7, g).article(i).text)
            .collect();
        assert_eq!(a, b);
        let c = Generator::new(8, g).article(0).text;
        assert_ne!(a[0], c);
    }

    #[test]
    fn writes_articles_and_a_manifest_that_parses() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = write_corpus(dir.path(), 30, 1, Gazetteer::builtin()).unwrap();
        assert!(bytes > 30 * 500);
        let corpus = crate::corpus::load(dir.path(), None).unwrap();
        assert_eq!(corpus.documents.len(), 30);
        assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
        let dated = corpus
            .documents
            .iter()
            .filter(|d| d.published.value.is_some())
            .count();
        assert!(
            dated >= 20,
            "most generated articles state their date: {dated}"
        );
    }
}
