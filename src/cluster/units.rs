//! The units of quantities, for clustering: which counted things keep two
//! reports apart when their numbers differ ("82 drones" and "22 drones"),
//! and which never do (casualty counts grow as a happening is reported).
//! The words are data: `casualty_units` and `counted_units` of
//! `assets/cluster/clustering.toml`, compared by [`term_key`].

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::features::term_key;

const CLUSTERING_TOML: &str = include_str!("../../assets/cluster/clustering.toml");

#[derive(Deserialize)]
struct Settings {
    casualty_units: Vec<String>,
    counted_units: Vec<String>,
}

/// Keys ([`term_key`]) of the casualty units and of the counted units of
/// `assets/cluster/clustering.toml`.
fn units() -> &'static (HashSet<u64>, HashSet<u64>) {
    static UNITS: OnceLock<(HashSet<u64>, HashSet<u64>)> = OnceLock::new();
    UNITS.get_or_init(|| {
        let keys = |l: &[String]| l.iter().map(|u| term_key(u)).collect();
        toml::from_str::<Settings>(CLUSTERING_TOML)
            .map(|s| (keys(&s.casualty_units), keys(&s.counted_units)))
            .unwrap_or_default()
    })
}

/// A word that, after a number, counts people hurt or killed: such counts
/// grow as a happening is reported, so they never keep reports apart.
pub fn is_casualty_unit(key: u64) -> bool {
    units().0.contains(&key)
}

/// A thing whose different count always means another happening ("82
/// drones" against "22 drones"), however common the word.
pub fn is_counted_unit(key: u64) -> bool {
    units().1.contains(&key)
}

/// Whether two reports' quantities refuse a merge: the same unit counted
/// differently ("82 drones" and "22 drones"), the unit being a counted one
/// or `rare` in the corpus, casualty units never; or, for two articles of
/// one outlet (`same_outlet`), different killed or injured figures
/// (casualty counts grow across outlets, not within one).
pub(super) fn quantities_conflict(
    fa: &super::features::Features,
    fb: &super::features::Features,
    same_outlet: bool,
    rare: impl Fn(u64) -> bool,
) -> bool {
    let differ = |x: Option<u32>, y: Option<u32>| matches!((x, y), (Some(x), Some(y)) if x != y);
    let other_article = fa.sentence.map(|s| s.0) != fb.sentence.map(|s| s.0);
    if same_outlet
        && other_article
        && (differ(fa.killed, fb.killed) || differ(fa.injured, fb.injured))
    {
        return true;
    }
    fa.quantities.iter().any(|(na, ua)| {
        fb.quantities.iter().any(|(nb, ub)| {
            na != nb
                && ua.iter().any(|u| {
                    ub.contains(u) && !is_casualty_unit(*u) && (is_counted_unit(*u) || rare(*u))
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casualty_words_are_soft_units() {
        assert!(is_casualty_unit(term_key("injured")));
        assert!(is_casualty_unit(term_key("поранених")));
        assert!(!is_casualty_unit(term_key("drones")));
        assert!(is_counted_unit(term_key("drones")));
        assert!(is_counted_unit(term_key("ракет")));
        assert!(!is_counted_unit(term_key("and")));
    }
}
