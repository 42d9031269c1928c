//! Footer and stamp lines of a page that the line classifier
//! (`lines::classify`) counts as furniture: copyright lines ("© 2025
//! Outlet", "2001—2022 <ministry>") and a page's or sidebar's time stamp on
//! a line of its own ("09 липня 2022, 22:45"). Shapes, not word lists, so
//! they hold in any language.

/// A copyright line: "© 2025 Outlet", "2001—2022 Міністерство оборони
/// України" (a year range and a name, with no sentence's stop or verb
/// punctuation): the page's footer.
pub(super) fn copyright_line(t: &str) -> bool {
    if t.starts_with('©') || t.to_ascii_lowercase().starts_with("copyright ") {
        return true;
    }
    let b = t.as_bytes();
    let year = |i: usize| {
        b.get(i..i + 4)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit) && matches!(y[0], b'1' | b'2'))
    };
    if !year(0) {
        return false;
    }
    let rest = t[4..].trim_start();
    let Some(after_dash) = ["—", "–", "-"].iter().find_map(|d| rest.strip_prefix(d)) else {
        return false;
    };
    let after_dash = after_dash.trim_start();
    let ab = after_dash.as_bytes();
    let second = ab.len() > 4 && ab[..4].iter().all(u8::is_ascii_digit) && ab[4] == b' ';
    second
        && after_dash[5..].starts_with(char::is_uppercase)
        && !t.trim_end().ends_with(['.', '!', '?'])
        && !after_dash[5..].contains(char::is_numeric)
}

/// A page's time stamp on a line of its own: a date with its year and a
/// clock time, and at most three words ("09 липня 2022, 22:45", "May 2,
/// 2025 3:07 PM", "08 July 2022, 09:25 | ID: 67881"). It dates the page
/// or a sidebar teaser, never a happening.
pub(super) fn clock_stamp(t: &str) -> bool {
    let mut clock = false;
    let mut year = false;
    let mut words = 0;
    for w in t.split_whitespace() {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | '|' | ':' | '(' | ')'));
        if w.is_empty() {
            continue;
        }
        let (h, m) = w.split_once(':').unwrap_or(("", ""));
        if !h.is_empty()
            && h.len() <= 2
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
        {
            clock = true;
        } else if w.len() == 4
            && w.bytes().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
        {
            year = true;
        } else if w.chars().any(char::is_alphabetic) {
            words += 1;
        }
    }
    clock && year && words <= 3
}

#[cfg(test)]
mod tests {
    use crate::text::lines::{LineKind, classify};

    #[test]
    fn ukrainian_and_russian_furniture() {
        for line in [
            "Читайте також: ЗСУ відбили атаку",       // "Read also: ..."
            "Читайте также",                          // "Read also"
            "Підписуйтесь на наш Telegram-канал",     // "Subscribe to our Telegram channel"
            "Подписывайтесь на наш канал в Telegram", // the same in Russian
            "Поділитися",                             // "Share"
            "Джерело: Генштаб ЗСУ",                   // "Source: General Staff"
            "2 години тому",                          // "2 hours ago"
            "3 часа назад",                           // "3 hours ago"
            "2001—2022 Міністерство оборони України", // a copyright line
            "© 2024 Суспільне",                       // a copyright line
        ] {
            assert_eq!(classify(line), LineKind::Boilerplate, "{line}");
        }
        // "09 July 2022, 22:45": a page's or a sidebar's stamp.
        assert_eq!(classify("09 липня 2022, 22:45"), LineKind::Metadata);
        assert_eq!(
            classify("08 липня 2022, 09:25 | ID: 67881"),
            LineKind::Metadata
        );
        // "Shelling hit Kharkiv on 9 July 2022 at 22:45, three were wounded
        // and the rescuers worked all night." stays prose.
        let prose = "Обстріл Харкова 9 липня 2022 о 22:45 поранив трьох людей, рятувальники працювали всю ніч.";
        assert_eq!(classify(prose), LineKind::Prose);
        // "The 2014-2022 war in Donbas" is no copyright line.
        assert_ne!(
            classify("2014-2022 war in Donbas: a timeline"),
            LineKind::Boilerplate
        );
    }
}
