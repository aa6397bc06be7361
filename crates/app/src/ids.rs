//! Ids of new records, made here because core has no randomness.

use uuid::{NoContext, Timestamp, Uuid};

/// A new id that leads with `at_ms`, the record's creation time (UUIDv7), and
/// ends in 74 random bits. Cases and their entries are written many a second
/// (intake), and a random id (v4) lands each new row, and its wrapped key, on a
/// random page of the primary key's B-tree: a group commit then writes one page
/// per request per index. Leading with the time appends them on the last page
/// instead. The time an id carries is the record's creation time, which is
/// stored in clear beside it and shown to the same staff who see the id.
pub(crate) fn time_ordered(at_ms: i64) -> Uuid {
    let at_ms = u64::try_from(at_ms).unwrap_or(0);
    let nanos = u32::try_from(at_ms % 1000).unwrap_or(0) * 1_000_000;
    Uuid::new_v7(Timestamp::from_unix(NoContext, at_ms / 1000, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_the_time_they_carry_and_never_repeat() {
        let earlier = time_ordered(1_700_000_000_000);
        let later = time_ordered(1_700_000_000_001);
        assert!(earlier < later);
        assert_ne!(time_ordered(5), time_ordered(5));
        assert_eq!(later.get_version_num(), 7);
        let (seconds, nanos) = later
            .get_timestamp()
            .map(|t| t.to_unix())
            .unwrap_or_default();
        assert_eq!((seconds, nanos), (1_700_000_000, 1_000_000));
    }
}
