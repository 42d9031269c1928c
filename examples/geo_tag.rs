//! Tags each line of standard input as one paragraph (with its own focus
//! country) and prints every mention: the text covered, the place, its
//! oblast-level unit and the ACLED precision. For looking at what the
//! geotagger does with a text.
//!
//! Run: `cargo run --release --example geo_tag < article.txt`

use frontlog::places::Gazetteer;

fn main() {
    let g = Gazetteer::builtin();
    for line in std::io::stdin().lines() {
        let Ok(line) = line else { break };
        let focus = g.focus_country(&line);
        for m in g.tag(&line, focus) {
            println!(
                "{:?} -> {} [{}] precision {}",
                &line[m.start..m.end],
                g.region(m.region).name,
                g.region(g.oblast_level(m.region)).name,
                m.precision
            );
        }
    }
}
