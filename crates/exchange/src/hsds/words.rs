//! The free-text edges of the mapping: contact details found in a public contact text,
//! expected response times in plain words, and ISO 639 language codes.

/// E-mail addresses in a contact text such as "Signal +996 555 123 456, help@example.org".
/// Deliberately strict: HSDS declares `email` with the `email` format, so only plain
/// addresses are offered; anything odd stays in the verbatim public contact.
pub(crate) fn emails(text: &str) -> Vec<String> {
    tokens(text)
        .map(|t| t.trim_matches(['(', ')']))
        .map(|t| t.strip_prefix("mailto:").unwrap_or(t))
        .filter(|t| is_email(t))
        .map(str::to_owned)
        .collect()
}

fn is_email(token: &str) -> bool {
    let Some((local, domain)) = token.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// Phone numbers in a contact text: runs of digits (with `+`, spaces, dashes, dots or
/// brackets) holding 7 to 15 digits, the length range of ITU E.164 numbers.
pub(crate) fn phone_numbers(text: &str) -> Vec<String> {
    let mut numbers = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        let joined = run.join(" ");
        let digits = joined.bytes().filter(u8::is_ascii_digit).count();
        if (7..=15).contains(&digits) {
            numbers.push(joined);
        }
        run.clear();
    };
    for token in tokens(text) {
        let phone_like = token.bytes().any(|b| b.is_ascii_digit())
            && token
                .bytes()
                .all(|b| b.is_ascii_digit() || b"+-().".contains(&b))
            && !token[1..].contains('+');
        if phone_like && (run.is_empty() || !token.starts_with('+')) {
            run.push(token);
        } else {
            flush(&mut run);
            if phone_like {
                run.push(token);
            }
        }
    }
    flush(&mut run);
    numbers
}

/// Words separated by white space, commas or semicolons, without surrounding brackets
/// or quotes.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|t| t.trim_matches(|c: char| "<>\"'[]{}.:".contains(c)))
        .filter(|t| !t.is_empty())
}

/// True for an absolute http(s) URL that the `uri` format of HSDS accepts as is.
pub(crate) fn is_web_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = match lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let host_ok = rest
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|host| !host.is_empty() && !host.contains('@'));
    let bytes = text.as_bytes();
    let chars_ok = bytes
        .iter()
        .all(|b| (0x21..0x7f).contains(b) && !b"\"<>\\^`{|}".contains(b));
    let escapes_ok = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'%')
        .all(|(i, _)| {
            bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        });
    host_ok && chars_ok && escapes_ok
}

/// An expected response time in plain words, for HSDS `wait_time`.
pub(crate) fn wait_time(hours: u32) -> String {
    let plural = |n: u32, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    if hours < 48 {
        format!("within {}", plural(hours, "hour"))
    } else if hours % (24 * 7) == 0 {
        format!("within {}", plural(hours / (24 * 7), "week"))
    } else if hours % 24 == 0 {
        format!("within {}", plural(hours / 24, "day"))
    } else {
        format!("within about {}", plural(hours.div_ceil(24), "day"))
    }
}

/// Reads a wait time written by another publisher ("within 2 days", "48 hours",
/// "1-2 weeks") into hours; the first number followed by a unit wins, and of a range
/// its upper end, so that the promise is not made shorter than it was.
pub(crate) fn parse_wait_time(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let number: u32 = pair[0].parse().ok()?;
        let unit = match pair[1] {
            "h" | "hr" | "hrs" | "hour" | "hours" => 1,
            "d" | "day" | "days" => 24,
            "week" | "weeks" => 24 * 7,
            "month" | "months" => 24 * 30,
            _ => return None,
        };
        Some(number.saturating_mul(unit).clamp(1, 24 * 365))
    })
}

/// The ISO 639-1 code for an ISO 639-2 or 639-3 code of the languages the study's
/// countries use, since HSDS allows either form and Torchlight stores 639-1.
pub(crate) fn iso_639_1(code: &str) -> Option<&'static str> {
    const TABLE: [(&str, &str); 36] = [
        ("eng", "en"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("bel", "be"),
        ("kat", "ka"),
        ("geo", "ka"),
        ("hye", "hy"),
        ("arm", "hy"),
        ("aze", "az"),
        ("kaz", "kk"),
        ("kir", "ky"),
        ("tgk", "tg"),
        ("uzb", "uz"),
        ("tur", "tr"),
        ("deu", "de"),
        ("ger", "de"),
        ("fra", "fr"),
        ("fre", "fr"),
        ("pol", "pl"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("ces", "cs"),
        ("cze", "cs"),
        ("spa", "es"),
        ("fas", "fa"),
        ("per", "fa"),
        ("ara", "ar"),
        ("zho", "zh"),
        ("chi", "zh"),
        ("ron", "ro"),
        ("rum", "ro"),
        ("swe", "sv"),
        ("nld", "nl"),
        ("ita", "it"),
        ("abk", "ab"),
    ];
    TABLE
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_plain_emails_only() {
        assert_eq!(
            emails("Signal +996 555 123 456, help@example.org"),
            vec!["help@example.org"]
        );
        assert_eq!(
            emails("write to <a.b+c@mail.example.kg>."),
            vec!["a.b+c@mail.example.kg"]
        );
        assert_eq!(emails("mailto:x@y.am"), vec!["x@y.am"]);
        assert!(emails("@handle on Telegram").is_empty());
        assert!(emails("x@localhost, a..b@c.de, y@-bad.com, z@host.c0m").is_empty());
    }

    #[test]
    fn finds_phone_numbers_apart_from_other_digits() {
        assert_eq!(
            phone_numbers("Signal +996 555 123 456, help@example.org"),
            vec!["+996 555 123 456"]
        );
        assert_eq!(
            phone_numbers("+380 44 123-45-67 or +995 (32) 2 123 456"),
            vec!["+380 44 123-45-67", "+995 (32) 2 123 456"]
        );
        assert!(phone_numbers("office 12, open 9-18, since 2011").is_empty());
        assert!(phone_numbers("user12345678@example.org https://x.org/1234567").is_empty());
    }

    #[test]
    fn web_urls_are_absolute_and_clean() {
        assert!(is_web_url("https://example.org/help?lang=ru"));
        assert!(is_web_url("HTTP://EXAMPLE.ORG"));
        assert!(!is_web_url("example.org"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://example.org/a b"));
        assert!(!is_web_url("https://example.org/%zz"));
        assert!(!is_web_url("https://пример.рф"));
    }

    #[test]
    fn wait_times_read_as_words() {
        assert_eq!(wait_time(1), "within 1 hour");
        assert_eq!(wait_time(24), "within 24 hours");
        assert_eq!(wait_time(48), "within 2 days");
        assert_eq!(wait_time(168), "within 1 week");
        assert_eq!(wait_time(50), "within about 3 days");
    }

    #[test]
    fn wait_times_of_other_publishers_are_read_generously() {
        assert_eq!(parse_wait_time("within 2 days"), Some(48));
        assert_eq!(parse_wait_time("1-2 weeks"), Some(336));
        assert_eq!(parse_wait_time("48 hours"), Some(48));
        assert_eq!(parse_wait_time("wait_time"), None);
        assert_eq!(parse_wait_time("99999999 months"), Some(8760));
        for hours in [1, 5, 24, 47, 48, 72, 168, 336, 8760] {
            assert_eq!(parse_wait_time(&wait_time(hours)), Some(hours));
        }
    }

    #[test]
    fn three_letter_language_codes_map_to_two() {
        assert_eq!(iso_639_1("rus"), Some("ru"));
        assert_eq!(iso_639_1("geo"), Some("ka"));
        assert_eq!(iso_639_1("xyz"), None);
    }
}
