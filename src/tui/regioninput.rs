//! The region filter typed by name (`r`): a place name as people type it
//! ("Odessa", "Donetsk city"), read by [`crate::regionname`] exactly as
//! `frontlog export --region` reads it.
//!
//! A name that stands for a city and the oblast named after it takes the
//! oblast (it holds the city's events too); the status line says which was
//! taken and offers each other reading with its count and the words that
//! ask for it. Typing one of those next replaces the reading it was offered
//! for, so "Odessa" then "Odesa city" leaves the city alone in the filter.
//! An unknown name is refused with the closest names, oblasts among them.

use crate::places::RegionId;
use crate::regionname::{self, Choice, events};
use crate::store::EventStore;

/// The readings offered beside the one taken for the last name typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The reading taken (in the filter).
    pub taken: RegionId,
    /// The other readings, any of which replaces it when typed next.
    pub others: Vec<RegionId>,
}

/// What a typed name did to the region filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    /// The region to put in the filter.
    pub add: RegionId,
    /// The region it replaces (an offered reading typed after its
    /// alternative was taken).
    pub replaces: Option<RegionId>,
    /// The other readings of this name, for the next name typed.
    pub offer: Option<Offer>,
    /// What to tell the user.
    pub message: String,
}

/// Reads a typed name: the region to add (and the one it replaces), or why
/// none, with the closest names.
pub fn take(store: &EventStore, name: &str, offer: Option<&Offer>) -> Result<Taken, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("type a place name, like Donetsk, Odessa or Kharkiv city".to_owned());
    }
    let Some(choice) = regionname::choose(store, name) else {
        return Err(unknown(store, name));
    };
    let g = store.gazetteer();
    let replaces = offer
        .filter(|o| o.others.contains(&choice.taken.id))
        .map(|o| o.taken);
    let message = match regionname::note(g, name, &choice) {
        Some(note) => format!("{note} (type that to take it instead)"),
        None => format!(
            "region {} added, {}",
            regionname::describe(g, choice.taken.id),
            events(choice.taken.events)
        ),
    };
    let message = match replaces {
        Some(old) => format!("{message}; it replaces {}", g.region(old).name),
        None => message,
    };
    Ok(Taken {
        add: choice.taken.id,
        replaces,
        offer: offer_of(&choice),
        message,
    })
}

/// What the input line shows as a name is typed: the reading it would
/// take and the others, or the closest names.
pub fn hint(store: &EventStore, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return "a place name: Donetsk, Odessa, Kharkiv city · Enter adds it · Esc cancels"
            .to_owned();
    }
    let g = store.gazetteer();
    match regionname::choose(store, name) {
        Some(choice) => {
            let mut out = format!(
                "→ {}, {}",
                g.region(choice.taken.id).name,
                events(choice.taken.events)
            );
            let others: Vec<String> = choice
                .others
                .iter()
                .map(|o| format!("{} ({})", regionname::how_to_ask(g, o.id), o.events))
                .collect();
            if !others.is_empty() {
                out.push_str(&format!(" · also {}", others.join(", ")));
            }
            out
        }
        None => {
            let close = regionname::suggest(store, name, 3);
            if close.is_empty() {
                "no such place".to_owned()
            } else {
                format!("no such place; closest: {}", close.join(", "))
            }
        }
    }
}

fn offer_of(choice: &Choice) -> Option<Offer> {
    (!choice.others.is_empty()).then(|| Offer {
        taken: choice.taken.id,
        others: choice.others.iter().map(|o| o.id).collect(),
    })
}

fn unknown(store: &EventStore, name: &str) -> String {
    let close = regionname::suggest(store, name, 3);
    if close.is_empty() {
        format!("not applied: no place is called \"{name}\"")
    } else {
        format!(
            "not applied: no place is called \"{name}\" (did you mean {}?)",
            close.join(", ")
        )
    }
}
