//! The store's clusters: worked out once the corpus is in
//! ([`crate::cluster::build`]), or taken back from the cluster cache, and
//! forgotten whenever events are added or retired.

use super::EventStore;

impl EventStore {
    /// Groups the events into clusters of reports of one happening
    /// ([`crate::cluster::build`]); run once the whole corpus is in, since
    /// adding or retiring events forgets the clusters.
    pub fn cluster(&mut self) {
        self.clusters = crate::cluster::build(self);
    }

    /// Takes clusters worked out earlier for exactly these events (read
    /// from a cache keyed by [`crate::cluster::input_key`]). Refused, and
    /// the store left unclustered, when they do not fit its events
    /// ([`crate::cluster::Clusters::fits`]).
    pub fn set_clusters(&mut self, clusters: crate::cluster::Clusters) -> Result<(), String> {
        if !clusters.fits(self.events.len()) {
            return Err(format!(
                "clusters for {} events do not fit the store's {}",
                clusters.len(),
                self.events.len()
            ));
        }
        self.clusters = clusters;
        Ok(())
    }

    /// The originator event `i` cites (`None` when it names none): as
    /// clustering worked it out for the reports of happenings told more
    /// than once, else worked out now
    /// ([`crate::cluster::originator_of_event`]), so that drawing an open
    /// cluster's reports reads a table rather than the sentences.
    pub fn originator_of(&self, i: u32) -> Option<std::borrow::Cow<'_, str>> {
        if self
            .clusters
            .of_event(i)
            .is_some_and(|c| c.members.len() > 1)
        {
            return self
                .clusters
                .originator_of(i)
                .map(std::borrow::Cow::Borrowed);
        }
        crate::cluster::originator_of_event(self, &self.events[i as usize])
    }

    /// Every event's cluster (empty until [`EventStore::cluster`] runs).
    pub fn clusters(&self) -> &crate::cluster::Clusters {
        &self.clusters
    }
}
