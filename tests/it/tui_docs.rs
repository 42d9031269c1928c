//! The keys table of `README.md` is the keymap of the built-in
//! `config.toml`: this test fails when they drift (`UPDATE_DOCS=1` rewrites
//! the table from the keymap).

#[test]
fn the_keys_table_in_the_docs_matches_the_keymap() {
    let settings = frontlog::config::Settings::default_settings(false);
    let table = frontlog::tui::keymap::markdown_table(&settings);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let start =
        doc.find("<!-- keys:start -->\n").expect("start marker") + "<!-- keys:start -->\n".len();
    let end = doc.find("<!-- keys:end -->").expect("end marker");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        // UPDATE_DOCS=1 cargo test --test it tui_docs rewrites the table.
        let updated = format!("{}{table}{}", &doc[..start], &doc[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        &doc[start..end],
        table,
        "README.md is out of date; put this between the markers:\n{table}"
    );
}
