//! Front matter at the top of a Markdown article: either TOML between `+++`
//! lines or `key: value` lines between `---` lines. Known keys: `title`,
//! `source`, `published` (also `date`), `url`.

use chrono::NaiveDate;

/// Metadata read from front matter, and where the article body starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Headline.
    pub title: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Address of the article.
    pub url: Option<String>,
    /// Byte offset where the body begins (just past the closing fence).
    pub body_start: usize,
}

/// Reads front matter at the very top of `text`. Returns `Ok(None)` when
/// there is none, and an error message (with the line) when a block is open
/// but broken; the caller then treats the whole file as body.
pub fn parse(text: &str) -> Result<Option<FrontMatter>, String> {
    let fence = if text.starts_with("+++") {
        "+++"
    } else if text.starts_with("---") {
        "---"
    } else {
        return Ok(None);
    };
    let first_end = match text.find('\n') {
        Some(i) if text[..i].trim_end() == fence => i + 1,
        _ => return Ok(None),
    };
    let mut offset = first_end;
    let mut close = None;
    for line in text[first_end..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((inner_end, body_start)) = close else {
        return Err(format!(
            "front matter opened with `{fence}` on line 1 is never closed"
        ));
    };
    let inner = &text[first_end..inner_end];
    let mut fm = if fence == "+++" {
        toml_block(inner)?
    } else {
        yaml_lines(inner)?
    };
    fm.body_start = body_start;
    Ok(Some(fm))
}

fn toml_block(inner: &str) -> Result<FrontMatter, String> {
    let table: toml::Table = toml::from_str(inner).map_err(|e| {
        let line = e
            .span()
            .map(|s| inner[..s.start.min(inner.len())].matches('\n').count() + 2);
        match line {
            Some(l) => format!("front matter line {l}: {}", e.message().trim()),
            None => format!("front matter: {}", e.message().trim()),
        }
    })?;
    let mut fm = FrontMatter::default();
    for (key, value) in table {
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Datetime(d) => d.to_string(),
            other => other.to_string(),
        };
        set(&mut fm, &key, &text)?;
    }
    Ok(fm)
}

fn yaml_lines(inner: &str) -> Result<FrontMatter, String> {
    let mut fm = FrontMatter::default();
    for line in inner.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((key, value)) = line.split_once(':') {
            set(&mut fm, key.trim(), unquote(value.trim()))?;
        }
    }
    Ok(fm)
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

fn set(fm: &mut FrontMatter, key: &str, value: &str) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(());
    }
    match key.to_ascii_lowercase().as_str() {
        "title" => fm.title = Some(value.to_owned()),
        "source" | "outlet" | "publisher" => fm.source = Some(value.to_owned()),
        "url" | "link" => fm.url = Some(value.to_owned()),
        "published" | "date" => {
            let day = value.get(..10).unwrap_or(value);
            let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                format!("front matter key `{key}`: `{value}` is not a date of the form YYYY-MM-DD")
            })?;
            fm.published = Some(date);
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter() {
        let text = "+++\ntitle = \"Strike on Odesa\"\npublished = 2025-02-10\nsource = \"Outlet\"\n+++\nBody.";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(fm.title.as_deref(), Some("Strike on Odesa"));
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2025, 2, 10));
        assert_eq!(fm.source.as_deref(), Some("Outlet"));
        assert_eq!(&text[fm.body_start..], "Body.");
    }

    #[test]
    fn dash_front_matter_with_quotes_and_timestamp() {
        let text = "---\ntitle: \"A: headline\"\npublished: 2025-02-10T08:00:00Z\nurl: https://x.example/a\n---\nBody";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(fm.title.as_deref(), Some("A: headline"));
        assert_eq!(fm.published, NaiveDate::from_ymd_opt(2025, 2, 10));
        assert_eq!(fm.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(&text[fm.body_start..], "Body");
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(parse("Title\n---\nmore").unwrap(), None);
        assert_eq!(parse("---- a rule\ntext").unwrap(), None);
    }

    #[test]
    fn broken_front_matter_is_reported() {
        assert!(
            parse("---\ntitle: x\nno end")
                .unwrap_err()
                .contains("never closed")
        );
        assert!(
            parse("---\npublished: yesterday\n---\n")
                .unwrap_err()
                .contains("published")
        );
        assert!(
            parse("+++\ntitle = \n+++\n")
                .unwrap_err()
                .contains("line 2")
        );
    }
}
