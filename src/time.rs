//! Wall-clock time, in one place. Times are *stored* as absolute instants in text that any
//! version can read — review stamps as `2026-11-23 07:30:05 UTC`, presence and recovery files
//! with the writer's offset, `2026-11-23 15:30:05 +08:00` — and *shown* in the reader's local
//! time with its offset (TZ, else /etc/localtime, as `date` does), so a reviewer in Beijing and
//! a colleague on a UTC server read the same instant each in their own clock.
//!
//! jiff does the calendar and the zone rules (daylight saving, historic offsets) from the
//! system's zone database; nothing here computes dates by hand.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A stamp to store in a project (review stamps): `2026-11-23 07:30:05 UTC`.
pub fn now_utc() -> String {
    Timestamp::now()
        .strftime("%Y-%m-%d %H:%M:%S UTC")
        .to_string()
}

/// A stamp to store for others to read (presence, recovery): the writer's local time with its
/// offset, `2026-11-23 15:30:05 +08:00` — an instant, whoever reads it.
pub fn now_local() -> String {
    show(Timestamp::now())
}

/// `instant` as people read it: local time and offset, `2026-11-23 15:30:05 +08:00`; at offset
/// zero `2026-11-23 07:30:05 UTC`.
pub fn show(instant: Timestamp) -> String {
    show_in(instant, &TimeZone::system())
}

/// `show` in a given zone.
pub fn show_in(instant: Timestamp, tz: &TimeZone) -> String {
    let zoned = instant.to_zoned_datetime(tz.clone());
    if zoned.offset().seconds() == 0 {
        zoned.strftime("%Y-%m-%d %H:%M:%S UTC").to_string()
    } else {
        zoned.strftime("%Y-%m-%d %H:%M:%S %:z").to_string()
    }
}

/// A file's modification time (seconds since 1970) as `show` writes it.
pub fn show_unix(secs: i64) -> String {
    Timestamp::from_second(secs).map_or_else(|_| secs.to_string(), show)
}

/// The local hour and minute of a file's modification time: `18:40`, for "alice (18:40)".
pub fn hour_minute_unix(secs: i64) -> String {
    hour_minute_in(secs, &TimeZone::system())
}

fn hour_minute_in(secs: i64, tz: &TimeZone) -> String {
    Timestamp::from_second(secs).map_or_else(
        |_| String::new(),
        |t| {
            t.to_zoned_datetime(tz.clone())
                .strftime("%H:%M")
                .to_string()
        },
    )
}

/// A stored stamp (`… UTC`, `… +08:00`, RFC 3339) shown in local time; text that is not a
/// stamp (hand-edited, from another tool) is shown as it is.
pub fn show_stamp(stored: &str) -> String {
    show_stamp_in(stored, &TimeZone::system())
}

/// `show_stamp` in a given zone.
pub fn show_stamp_in(stored: &str, tz: &TimeZone) -> String {
    match parse_stamp(stored) {
        Some(t) => show_in(t, tz),
        None => stored.to_string(),
    }
}

/// The instant a stored stamp names.
pub fn parse_stamp(stored: &str) -> Option<Timestamp> {
    let s = stored.trim();
    if let Some(utc) = s.strip_suffix(" UTC") {
        let civil: jiff::civil::DateTime = utc.trim().parse().ok()?;
        return civil
            .to_zoned_datetime(TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp());
    }
    if let Ok(t) = Timestamp::strptime("%Y-%m-%d %H:%M:%S %:z", s) {
        return Some(t);
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz(name: &str) -> TimeZone {
        TimeZone::get(name).expect("the system's zone database has it")
    }

    #[test]
    fn stored_stamps_show_in_the_readers_zone() {
        let stamp = "2026-11-23 07:30:05 UTC";
        assert_eq!(
            show_stamp_in(stamp, &tz("Asia/Shanghai")),
            "2026-11-23 15:30:05 +08:00"
        );
        assert_eq!(show_stamp_in(stamp, &TimeZone::UTC), stamp);
        // A presence file written in Beijing, read on a UTC server and in New York (winter).
        let written = "2026-11-23 15:30:05 +08:00";
        assert_eq!(show_stamp_in(written, &TimeZone::UTC), stamp);
        assert_eq!(
            show_stamp_in(written, &tz("America/New_York")),
            "2026-11-23 02:30:05 -05:00"
        );
        // RFC 3339 as other tools write it.
        assert_eq!(
            show_stamp_in("2026-11-23T07:30:05Z", &tz("Asia/Shanghai")),
            "2026-11-23 15:30:05 +08:00"
        );
    }

    #[test]
    fn what_is_not_a_stamp_is_shown_as_written() {
        for s in ["", "昨天下午", "2026-13-01 00:00:00 UTC", "12:00"] {
            assert_eq!(show_stamp_in(s, &tz("Asia/Shanghai")), s);
        }
    }

    #[test]
    fn calendar_edges_and_daylight_saving() {
        let at = |secs| show_in(Timestamp::from_second(secs).unwrap(), &TimeZone::UTC);
        assert_eq!(at(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(at(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(at(1_795_000_000), "2026-11-18 11:06:40 UTC");
        // Summer in Berlin is +02:00, winter +01:00: the zone's rules, not a fixed offset.
        let berlin = tz("Europe/Berlin");
        let july = Timestamp::from_second(1_783_000_000).unwrap();
        assert!(show_in(july, &berlin).ends_with("+02:00"));
        assert!(
            show_in(Timestamp::from_second(1_795_000_000).unwrap(), &berlin).ends_with("+01:00")
        );
        assert_eq!(hour_minute_in(1_795_000_000, &tz("Asia/Shanghai")), "19:06");
    }

    #[test]
    fn now_stamps_read_back() {
        let t = parse_stamp(&now_utc()).unwrap();
        assert!(t.as_second() > 1_700_000_000);
        assert!(parse_stamp(&now_local()).is_some());
    }
}
