//! Case forms of Cyrillic place names. Ukrainian and Russian decline
//! names ("у Харкові", "в Курске", "Белгородской области"); the tagger
//! matches whole words, so the forms are made once, when loading, from the
//! table of endings in `assets/gazetteer/cues.toml`, and registered as
//! further names of the same place.

use super::cues::CaseRule;

/// Cyrillic consonants: a name ending with one takes the rule with the
/// empty ending.
const CONSONANTS: &str = "бвгґджзклмнпрстфхцчшщБВГҐДЖЗКЛМНПРСТФХЦЧШЩ";

/// Whether `name` is written in Cyrillic.
pub fn is_cyrillic(name: &str) -> bool {
    name.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// The other case forms of a Cyrillic name, by the first (longest) rule
/// whose ending it has.
pub fn forms(name: &str, rules: &[CaseRule]) -> Vec<String> {
    for rule in rules {
        if rule.ending.is_empty() {
            if name.chars().last().is_some_and(|c| CONSONANTS.contains(c)) {
                return rule
                    .forms
                    .iter()
                    .map(|f| [name, f.as_str()].concat())
                    .collect();
            }
            continue;
        }
        if let Some(stem) = name.strip_suffix(rule.ending.as_str()) {
            if stem.is_empty() {
                continue;
            }
            return rule
                .forms
                .iter()
                .map(|f| [stem, f.as_str()].concat())
                .collect();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(ending: &str, forms: &[&str]) -> CaseRule {
        CaseRule {
            ending: ending.into(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn longest_ending_first_then_consonants() {
        let rules = vec![
            rule("ька область", &["ької області"]),
            rule("ів", &["ові"]),
            rule("а", &["і"]),
            rule("", &["і"]),
        ];
        assert_eq!(forms("Харків", &rules), ["Харкові"]);
        assert_eq!(forms("Донецька область", &rules), ["Донецької області"]);
        assert_eq!(forms("Одеса", &rules), ["Одесі"]);
        assert_eq!(forms("Херсон", &rules), ["Херсоні"]);
        assert!(forms("Суми", &rules).is_empty());
        assert!(is_cyrillic("Київ") && !is_cyrillic("Kyiv"));
    }

    #[test]
    fn the_builtin_tables_make_colloquial_region_names() {
        let g = crate::places::Gazetteer::builtin();
        let oblast = |name: &str| {
            g.tag(name, None)
                .first()
                .map(|m| g.region(m.region).name.clone())
        };
        // "Kharkiv region", "in the Donetsk region", "over the Sumy region",
        // "the Belgorod region" (Russian), "Dnipro region" (informal).
        for (text, want) in [
            ("Харківщина", "Kharkiv Oblast"),
            ("на Донеччині", "Donetsk Oblast"),
            ("над Сумщиною", "Sumy Oblast"),
            ("на Белгородчине", "Belgorod Oblast"),
            ("Дніпровщина", "Dnipropetrovsk Oblast"),
            ("на Вінниччині", "Vinnytsia Oblast"),
            ("Курщина", "Kursk Oblast"),
        ] {
            assert_eq!(oblast(text).as_deref(), Some(want), "{text}");
        }
        // Zaporizhzhia's region is not "Запоріжщина": the rule is blocked.
        let rules = &g.cues.cyrillic_region_names;
        assert!(forms("Запорізька область", rules).is_empty());
        assert_eq!(forms("Донецкая область", rules), ["Донетчина"]);
    }
}
