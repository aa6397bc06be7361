//! What is guessed for records of other publishers, which carry none of Torchlight's
//! attributes: HSDS has no field for the kind of actor, the formats or a response time
//! in hours, so they are read from what HSDS does say, or set to a stated default.

use serde_json::{Map, Value};
use torchlight_core::taxonomy::Vocabulary;
use torchlight_core::{Code, Format, Taxonomy};

/// Kind of actor of an organisation from another publisher: HSDS has no such notion,
/// and most providers in a service directory are local civil society organisations.
pub(crate) const FOREIGN_KIND: &str = "local_cso";

/// Response time of a service from another publisher whose `wait_time` says nothing
/// readable: a week, so as not to promise more than is known.
pub(crate) const FOREIGN_RESPONSE_HOURS: u32 = 24 * 7;

/// Formats of a service from another publisher, from where it is delivered.
pub(crate) fn formats(object: &Map<String, Value>) -> Vec<Format> {
    let mut formats = Vec::new();
    let places = object.get("service_at_locations").and_then(Value::as_array);
    for place in places.into_iter().flatten() {
        let kind = place
            .pointer("/location/location_type")
            .and_then(Value::as_str);
        let format = match kind {
            Some("physical") => Format::InPerson,
            Some("virtual") => Format::Online,
            _ => continue,
        };
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    let reachable = ["url", "email", "phones", "contacts"]
        .iter()
        .any(|k| object.get(*k).is_some_and(|v| !v.is_null()));
    if formats.is_empty() && reachable {
        formats.push(Format::Online);
    }
    formats
}

/// The public contact of an organisation from another publisher: its e-mail, phones
/// and its contacts' e-mails and phones, else its website.
pub(crate) fn contact(object: &Map<String, Value>) -> Option<String> {
    let clean = |v: &Value| {
        v.as_str()
            .map(|s| s.trim().trim_matches('"').trim().to_owned())
    };
    let numbers = |v: Option<&Value>| -> Vec<String> {
        let phones = v.and_then(Value::as_array).into_iter().flatten();
        phones
            .filter_map(|p| p.get("number").and_then(clean))
            .collect()
    };
    let mut parts: Vec<String> = object.get("email").and_then(clean).into_iter().collect();
    parts.extend(numbers(object.get("phones")));
    for contact in object
        .get("contacts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        parts.extend(contact.get("email").and_then(clean));
        parts.extend(numbers(contact.get("phones")));
    }
    parts.retain(|p| !p.is_empty());
    let mut unique: Vec<String> = Vec::new();
    for part in parts {
        if !unique.contains(&part) {
            unique.push(part);
        }
    }
    if unique.is_empty() {
        unique.extend(
            object
                .get("website")
                .and_then(clean)
                .filter(|w| !w.is_empty()),
        );
    }
    (!unique.is_empty()).then(|| unique.join(", "))
}

pub(crate) enum Place {
    Worldwide,
    Country(Code),
    Region(Code),
}

/// A service area of another publisher that names a country or region plainly (its
/// ISO code or English name as text), or the whole world.
pub(crate) fn place(area: &Map<String, Value>, taxonomy: &Taxonomy) -> Option<Place> {
    let text_extent = area
        .get("extent")
        .filter(|_| area.get("extent_type").and_then(Value::as_str) == Some("text"));
    let candidates = [text_extent, area.get("name")];
    candidates
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .find_map(|text| {
            let text = text.trim();
            if text.eq_ignore_ascii_case("worldwide") {
                return Some(Place::Worldwide);
            }
            if let Ok(code) = taxonomy.resolve(Vocabulary::Country, text) {
                return Some(Place::Country(code));
            }
            if let Ok(code) = taxonomy.resolve(Vocabulary::Region, text) {
                return Some(Place::Region(code));
            }
            taxonomy
                .countries()
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(text))
                .map(|c| Place::Country(c.code.clone()))
        })
}
