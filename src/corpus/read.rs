//! Reading one file into its articles: a reader of [`formats`] when one
//! claims the file, else one article of text. A file of many articles
//! gives them the ids `<file stem>#<n>`; JSON Lines are streamed in chunks
//! ([`read_file_in_chunks`]) so that a dump of any size is never held
//! whole.

use std::io::Read as _;
use std::path::Path;

use super::{
    Document, Fields, Problem, decode, display_line, document_from_fields, document_from_text,
    formats, manifest,
};

/// Reads one file into its articles: a reader of [`formats`] when one
/// claims the file, else one article of text ([`read_document`]). The
/// articles of a many-article file get the ids `<file stem>#<n>`; the
/// manifest's entry for such a file gives its reader [`formats::Hints`]
/// and the outlet of the articles that name none.
pub fn read_file(
    path: &Path,
    relative: &Path,
    entry: Option<&manifest::Entry>,
    warnings: &mut Vec<Problem>,
) -> Result<Vec<Document>, Problem> {
    let bytes = std::fs::read(path).map_err(|e| Problem::new(path, e.to_string()))?;
    documents_of_bytes(path, relative, &bytes, entry, warnings)
}

/// [`read_file`] for bytes already read: `path` names the file in
/// messages and its extension hints at the format.
pub fn documents_of_bytes(
    path: &Path,
    relative: &Path,
    bytes: &[u8],
    entry: Option<&manifest::Entry>,
    warnings: &mut Vec<Problem>,
) -> Result<Vec<Document>, Problem> {
    let reader = formats::reader_for(path, &bytes[..bytes.len().min(HEAD)]);
    documents_read_by(path, relative, bytes, reader, entry, warnings)
}

/// [`documents_of_bytes`] with the reader that claimed the file already
/// chosen (`None`: plain text).
fn documents_read_by(
    path: &Path,
    relative: &Path,
    bytes: &[u8],
    reader: Option<&'static formats::Reader>,
    entry: Option<&manifest::Entry>,
    warnings: &mut Vec<Problem>,
) -> Result<Vec<Document>, Problem> {
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(reader) = reader else {
        let text = decode::decode(bytes).map_err(|e| Problem::new(path, e.to_string()))?;
        return Ok(vec![document_from_text(stem, path, text, entry, warnings)]);
    };
    let text = decode::decode(bytes).map_err(|e| Problem::new(path, e.to_string()))?;
    let hints = entry.map(|e| e.hints.clone()).unwrap_or_default();
    let read =
        (reader.read)(path, &text, &hints).map_err(|e| formats::problem(path, reader, &e))?;
    warnings.extend(read.warnings.iter().map(|w| Problem::new(path, w.clone())));
    if read.items.is_empty() {
        return Err(Problem::new(
            path,
            format!("skipped: this {} holds no articles", reader.name),
        ));
    }
    let whole = read.whole_file && read.items.len() == 1;
    Ok(read
        .items
        .into_iter()
        .map(|item| {
            let id = if whole {
                stem.clone()
            } else {
                format!("{stem}#{}", item.n)
            };
            document_of_item(id, path, item, entry, warnings)
        })
        .collect())
}

/// A document of one article of a structured file: the headline on the
/// first line, the body below it, the fields as the format gave them.
fn document_of_item(
    id: String,
    path: &Path,
    item: formats::Item,
    entry: Option<&manifest::Entry>,
    warnings: &mut Vec<Problem>,
) -> Document {
    let title = item.title.as_deref().map(display_line);
    let text = match &title {
        Some(t) => format!("{t}\n\n{}\n", item.body.trim()),
        None => format!("{}\n", item.body.trim()),
    };
    let fields = Fields {
        title,
        // The manifest's outlet for the file serves the articles naming none.
        source: item
            .source
            .as_deref()
            .or(entry.and_then(|e| e.source.as_deref()))
            .map(display_line),
        published: item.published.map(|(d, _)| d),
        url: item.url,
        lang: item.lang,
        structured: true,
        untitled: item.untitled,
    };
    // The manifest's language for the file is every article's.
    let fields = Fields {
        lang: entry.and_then(|e| e.lang).or(fields.lang),
        ..fields
    };
    let mut doc = document_from_fields(id, path, text, None, fields, warnings);
    doc.pinned = item.pinned;
    doc.originator = item.originator.as_deref().map(display_line);
    doc
}

/// How many bytes of a file's head the readers sniff.
const HEAD: usize = 4096;

/// [`read_file`] handing the articles over in chunks of at most `chunk`
/// documents as they are read. A JSON Lines file is streamed a line at a
/// time and never held whole; any other file is read whole and handed
/// over in chunks. Errors: the file cannot be read, or holds no article.
/// A format with a streaming read ([`formats::Reader::stream`], a
/// Telegram export) is read the same way, a record at a time.
pub fn read_file_in_chunks(
    path: &Path,
    relative: &Path,
    entry: Option<&manifest::Entry>,
    warnings: &mut Vec<Problem>,
    chunk: usize,
    mut each: impl FnMut(Vec<Document>),
) -> Result<(), Problem> {
    let chunk = chunk.max(1);
    let mut file = std::fs::File::open(path).map_err(|e| Problem::new(path, e.to_string()))?;
    let mut bytes = Vec::with_capacity(HEAD);
    (&mut file)
        .take(HEAD as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::new(path, e.to_string()))?;
    let reader = formats::reader_for(path, &bytes);
    let lines = reader.is_some_and(|r| std::ptr::eq(r, &formats::json::READER))
        && (formats::json::is_json_lines(&bytes) || long_first_record(path, &bytes));
    let stream = reader.and_then(|r| r.stream.map(|s| (r, s)));
    if !lines && stream.is_none() {
        // The rest of the file after its head: read once, sniffed once.
        file.read_to_end(&mut bytes)
            .map_err(|e| Problem::new(path, e.to_string()))?;
        let docs = documents_read_by(path, relative, &bytes, reader, entry, warnings)?;
        let mut docs = docs.into_iter().peekable();
        while docs.peek().is_some() {
            each(docs.by_ref().take(chunk).collect());
        }
        return Ok(());
    }
    drop(file);
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hints = entry.map(|e| e.hints.clone()).unwrap_or_default();
    let mut read_warnings = Vec::new();
    let mut pending = Vec::with_capacity(chunk);
    let mut any = false;
    let mut take = |item: formats::Item| {
        any = true;
        let id = format!("{stem}#{}", item.n);
        pending.push(document_of_item(id, path, item, entry, warnings));
        if pending.len() == chunk {
            each(std::mem::replace(&mut pending, Vec::with_capacity(chunk)));
        }
    };
    let what = match stream {
        Some((reader, stream)) if !lines => {
            read_warnings = stream(path, &hints, &mut take)
                .map_err(|why| formats::problem(path, reader, &why))?;
            reader.name
        }
        _ => {
            formats::json::lines(path, &hints.fields, &mut read_warnings, take)
                .map_err(|e| Problem::new(path, e.to_string()))?;
            "JSON Lines dump"
        }
    };
    if !pending.is_empty() {
        each(pending);
    }
    warnings.extend(read_warnings.into_iter().map(|w| Problem::new(path, w)));
    if any {
        Ok(())
    } else {
        Err(Problem::new(
            path,
            format!("skipped: this {what} holds no articles"),
        ))
    }
}

/// A `.jsonl` or `.ndjson` file whose first record is longer than the
/// head sniffed: JSON Lines too.
fn long_first_record(path: &Path, head: &[u8]) -> bool {
    let lines_ext = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    lines_ext && text.starts_with('{') && !text.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_with_markup_in_it_keeps_its_span_inside_the_text() {
        // Found by fuzzing: a <title> that swallows tags and the outlet's
        // name, whose line used to be rewritten as HTML after the span was
        // taken.
        let page: &[u8] = include_bytes!("../../tests/data/fuzz/html-title-span.html");
        let path = Path::new("page.html");
        let docs = documents_of_bytes(path, path, page, None, &mut Vec::new()).unwrap();
        for doc in &docs {
            if let Some(span) = &doc.title_span {
                assert!(
                    doc.text.get(span.clone()).is_some(),
                    "{span:?} in {:?}",
                    doc.text
                );
            }
            let _ = crate::extract::extract(doc, 0, crate::places::Gazetteer::builtin());
        }
    }
}
