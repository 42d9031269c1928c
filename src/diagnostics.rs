//! Messages about bad input files: turning a TOML error into
//! `path:line: key `k`: what is wrong`, the form every file error takes.

use std::path::Path;

/// Formats a TOML parse or schema error with the file, its line and the key
/// on that line, so that the user can go straight to the mistake.
pub fn toml_error(path: &Path, source: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim().trim_end_matches('.');
    match err.span() {
        Some(span) => {
            let start = span.start.min(source.len());
            let line_no = source[..start].matches('\n').count() + 1;
            let line_text = source.lines().nth(line_no - 1).unwrap_or("");
            match key_of_line(line_text) {
                Some(key) => format!("{}:{line_no}: key `{key}`: {message}", path.display()),
                None => format!("{}:{line_no}: {message}", path.display()),
            }
        }
        None => format!("{}: {message}", path.display()),
    }
}

/// The key assigned on a TOML line (`key = value` or `a.b = value`), if any.
fn key_of_line(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '));
    plain.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Entry {
        name: String,
    }

    #[test]
    fn names_line_and_key_of_a_type_error() {
        let src = "# comment\nname = 3\n";
        let err = toml::from_str::<Entry>(src).unwrap_err();
        let msg = toml_error(Path::new("x.toml"), src, &err);
        assert!(msg.starts_with("x.toml:2: key `name`:"), "{msg}");
    }

    #[test]
    fn names_an_unknown_key() {
        let src = "name = \"a\"\ncolour = \"red\"\n";
        let err = toml::from_str::<Entry>(src).unwrap_err();
        let msg = toml_error(Path::new("x.toml"), src, &err);
        assert!(msg.starts_with("x.toml:2: key `colour`:"), "{msg}");
        assert!(msg.contains("unknown field"), "{msg}");
    }

    #[test]
    fn syntax_error_still_gives_a_line() {
        let src = "name = \"a\"\n[[broken\n";
        let err = toml::from_str::<Entry>(src).unwrap_err();
        let msg = toml_error(Path::new("x.toml"), src, &err);
        assert!(msg.starts_with("x.toml:2:"), "{msg}");
    }
}
