//! Articles without a publication date: nothing of them may drop silently.
//!
//! Relative dates ("on Tuesday", "yesterday", "Feb. 12" without a year) are
//! placed from an article's publication date; an article without one keeps
//! only its explicit dates, and the timeline would look complete while it
//! is not. This module counts what is lost, per article, so that the status
//! line, the problems view, `frontlog stats` and `frontlog export` can say it
//! ("1 article has no publication date: 23 relative dates not placed").

use std::path::PathBuf;

use crate::store::EventStore;
use crate::timex::{self, TimexType};

/// Above this many undated articles their relative dates are not counted
/// (tagging them all again would hold up a large corpus); the articles are
/// still listed.
const COUNT_AT_MOST: usize = 2_000;

/// One article without a publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndatedArticle {
    /// Its file.
    pub path: PathBuf,
    /// Its number in its file, when the file holds many articles
    /// ([`crate::corpus::Document::record`]).
    pub record: Option<String>,
    /// Its dates that needed the publication date and so were not placed;
    /// `None` when not counted (see [`COUNT_AT_MOST`]).
    pub unplaced: Option<usize>,
}

/// Every article of a store without a publication date, in store order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undated {
    /// The articles.
    pub articles: Vec<UndatedArticle>,
}

impl Undated {
    /// The undated articles of a store, with their unplaced dates counted.
    pub fn of(store: &EventStore) -> Undated {
        let docs: Vec<_> = store
            .documents()
            .iter()
            .filter(|d| d.published.value.is_none())
            .collect();
        let count = docs.len() <= COUNT_AT_MOST;
        Undated {
            articles: docs
                .into_iter()
                .map(|d| UndatedArticle {
                    path: d.path.clone(),
                    record: d.record().map(str::to_owned),
                    // Counted at ingest, before the text was compacted;
                    // a store built from whole texts counts it here.
                    unplaced: d.unplaced.map(|n| n as usize).or_else(|| {
                        (count && !d.is_compacted())
                            .then(|| unplaced_dates(d.text.get(d.body_start..).unwrap_or("")))
                    }),
                })
                .collect(),
        }
    }

    /// Whether every article has a publication date.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The unplaced dates of all the articles, when counted.
    pub fn unplaced(&self) -> Option<usize> {
        self.articles.iter().map(|a| a.unplaced).sum()
    }

    /// One line: "2 articles have no publication date: 23 relative dates
    /// not placed"; `None` when there is none.
    pub fn summary(&self) -> Option<String> {
        let n = self.articles.len();
        if n == 0 {
            return None;
        }
        let head = if n == 1 {
            "1 article has no publication date".to_owned()
        } else {
            format!("{n} articles have no publication date")
        };
        Some(match self.unplaced() {
            Some(0) => format!("{head} (no relative date in them was lost)"),
            Some(1) => format!("{head}: 1 relative date not placed"),
            Some(k) => format!("{head}: {k} relative dates not placed"),
            None => format!("{head}: their relative dates are not placed"),
        })
    }

    /// The short form for a status line: "1 undated article".
    pub fn short(&self) -> Option<String> {
        match self.articles.len() {
            0 => None,
            1 => Some("1 undated article".to_owned()),
            n => Some(format!("{n} undated articles")),
        }
    }

    /// One line per article: "FILE: no publication date: 3 relative dates
    /// not placed", or "FILE: no publication date (no relative date in it
    /// was lost)" for an article whose dates are all absolute, so that the
    /// lines name every article [`Undated::summary`] counts.
    pub fn lines(&self) -> Vec<String> {
        self.articles
            .iter()
            .map(|a| {
                let lost = match a.unplaced {
                    Some(0) => " (no relative date in it was lost)".to_owned(),
                    Some(1) => ": 1 relative date not placed".to_owned(),
                    Some(k) => format!(": {k} relative dates not placed"),
                    None => ": relative dates not placed".to_owned(),
                };
                let record = a
                    .record
                    .as_ref()
                    .map_or(String::new(), |r| format!(" (record {r})"));
                format!("{}{record}: no publication date{lost}", a.path.display())
            })
            .collect()
    }
}

/// The dates of a text that need a reference date to be placed: date and
/// time expressions the tagger, given none, left without days (their value
/// keeps `X`s, as in `XXXX-02-12`). Durations, recurrences and vague
/// references (`PAST_REF`) are not dates lost.
pub fn unplaced_dates(text: &str) -> usize {
    timex::tag(text, None)
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter(|t| t.interval.is_none() && t.value.contains('X'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_need_a_publication_date_explicit_ones_do_not() {
        let text = "The bridge reopened on 4 June 2024. On Tuesday the ferry stopped, \
                    and yesterday the mayor spoke for two hours.";
        assert_eq!(unplaced_dates(text), 2, "Tuesday and yesterday");
        assert_eq!(unplaced_dates("Nothing dated here at all."), 0);
        assert_eq!(unplaced_dates("Talks were held on 3 March 2025."), 0);
    }

    #[test]
    fn the_summary_counts_articles_and_dates() {
        let a = |p: &str, k| UndatedArticle {
            path: PathBuf::from(p),
            record: None,
            unplaced: k,
        };
        assert_eq!(Undated::default().summary(), None);
        assert_eq!(Undated::default().short(), None);
        let one = Undated {
            articles: vec![a("x/a.txt", Some(23))],
        };
        assert_eq!(
            one.summary().unwrap(),
            "1 article has no publication date: 23 relative dates not placed"
        );
        assert_eq!(one.short().unwrap(), "1 undated article");
        assert_eq!(
            one.lines(),
            vec!["x/a.txt: no publication date: 23 relative dates not placed"]
        );
        // A record of a many-article file is named with its number.
        let record = Undated {
            articles: vec![UndatedArticle {
                record: Some("5".into()),
                ..a("feeds/wire.rss", Some(1))
            }],
        };
        assert_eq!(
            record.lines(),
            vec!["feeds/wire.rss (record 5): no publication date: 1 relative date not placed"]
        );
        let two = Undated {
            articles: vec![a("a", Some(1)), a("b", Some(0))],
        };
        assert_eq!(
            two.summary().unwrap(),
            "2 articles have no publication date: 1 relative date not placed"
        );
        // An article that lost no date is named too.
        assert_eq!(
            two.lines(),
            vec![
                "a: no publication date: 1 relative date not placed",
                "b: no publication date (no relative date in it was lost)"
            ]
        );
        let none_lost = Undated {
            articles: vec![a("a", Some(0)), a("b", Some(0))],
        };
        assert_eq!(
            none_lost.summary().unwrap(),
            "2 articles have no publication date (no relative date in them was lost)"
        );
        assert_eq!(none_lost.lines().len(), 2, "every article counted is named");
        let uncounted = Undated {
            articles: vec![a("a", None), a("b", Some(2))],
        };
        assert!(
            uncounted
                .summary()
                .unwrap()
                .ends_with("their relative dates are not placed")
        );
    }
}
