//! Plain-words texts for match reasons, formats, response times and suggestions, in
//! the reader's language. Shared by the HTML pages and the JSON API so both say the
//! same thing.

use std::borrow::Cow;

use torchlight_core::{Code, Format, Reason, SuggestionKind, Taxonomy, Vocabulary};
use torchlight_i18n::{args, Locale, Localizer};

/// Everything needed to put the directory into words in one language.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub localizer: &'a Localizer,
    pub locale: Locale,
    pub taxonomy: &'a Taxonomy,
}

impl<'a> Words<'a> {
    pub fn new(localizer: &'a Localizer, locale: Locale, taxonomy: &'a Taxonomy) -> Words<'a> {
        Words {
            localizer,
            locale,
            taxonomy,
        }
    }

    /// A message without arguments.
    pub fn text(&self, id: &str) -> Cow<'a, str> {
        self.localizer.text(self.locale, id)
    }

    /// A message with arguments.
    pub fn text_with(&self, id: &str, args: &torchlight_i18n::FluentArgs<'_>) -> Cow<'a, str> {
        self.localizer.text_with(self.locale, id, args)
    }

    /// The label of a vocabulary entry in this language.
    pub fn label<'c>(&self, vocabulary: Vocabulary, code: &'c str) -> Cow<'c, str>
    where
        'a: 'c,
    {
        self.localizer
            .label(self.locale, self.taxonomy, vocabulary, code)
    }

    pub fn description<'c>(&self, vocabulary: Vocabulary, code: &'c str) -> Cow<'c, str>
    where
        'a: 'c,
    {
        self.localizer
            .description(self.locale, self.taxonomy, vocabulary, code)
    }

    pub fn country<'c>(&self, code: &'c str) -> Cow<'c, str>
    where
        'a: 'c,
    {
        self.label(Vocabulary::Country, code)
    }

    /// A language's name: "Russian" rather than the English list's
    /// "Russian (русский)".
    pub fn language(&self, code: &str) -> String {
        let label = self.label(Vocabulary::Language, code);
        label.split(" (").next().unwrap_or(&label).to_owned()
    }

    /// "Bishkek (Kyrgyzstan)".
    pub fn region_with_country(&self, code: &str) -> String {
        match self.taxonomy.region(code) {
            Some(region) => self
                .text_with(
                    "common-region-in-country",
                    &args([
                        ("region", self.label(Vocabulary::Region, code).into()),
                        ("country", self.country(region.country.as_str()).into()),
                    ]),
                )
                .into_owned(),
            None => code.to_owned(),
        }
    }

    /// Items joined the way the language lists them.
    pub fn list<I, S>(&self, items: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let separator = self.text("common-list-separator");
        items
            .into_iter()
            .map(|s| s.as_ref().to_owned())
            .collect::<Vec<_>>()
            .join(&separator)
    }

    pub fn labels(&self, vocabulary: Vocabulary, codes: &[Code]) -> String {
        self.list(codes.iter().map(|c| self.label(vocabulary, c.as_str())))
    }

    pub fn languages(&self, codes: &[Code]) -> String {
        self.list(codes.iter().map(|c| self.language(c.as_str())))
    }

    /// One reason, e.g. "covers Kyrgyzstan" or "works in Russian".
    pub fn reason(&self, reason: &Reason) -> String {
        let with = |id: &str, name: &str, value: String| {
            self.text_with(id, &args([(name, value.into())]))
                .into_owned()
        };
        match reason {
            Reason::CoversCountry(c) => with(
                "reason-covers",
                "place",
                self.country(c.as_str()).into_owned(),
            ),
            Reason::CoversRegion(r) => with(
                "reason-covers",
                "place",
                self.region_with_country(r.as_str()),
            ),
            Reason::Worldwide => self.text("reason-worldwide").into_owned(),
            Reason::ExileFrom(c) => with(
                "reason-exile",
                "country",
                self.country(c.as_str()).into_owned(),
            ),
            Reason::RemoteAreas => self.text("reason-remote").into_owned(),
            Reason::Support(s) => self.label(Vocabulary::SupportType, s.as_str()).into_owned(),
            Reason::ServesGroup(g) => with(
                "reason-group",
                "group",
                self.label(Vocabulary::DefenderGroup, g.as_str())
                    .into_owned(),
            ),
            Reason::ServesEveryone => self.text("reason-everyone").into_owned(),
            Reason::Language(l) => with("reason-language", "language", self.language(l.as_str())),
            Reason::Format(f) => self.format(*f).into_owned(),
            Reason::FamilyEligible => self.text("reason-family").into_owned(),
        }
    }

    /// The reasons joined into the one line shown after "Why it matches:". Case is
    /// left as the messages have it: capitalising the first letter would be wrong in
    /// Georgian, which has no capitals in running text, and in Azerbaijani (i → İ).
    pub fn reasons_line(&self, reasons: &[Reason]) -> String {
        let separator = self.text("common-reason-separator");
        reasons
            .iter()
            .map(|r| self.reason(r))
            .collect::<Vec<_>>()
            .join(&separator)
    }

    pub fn format(&self, format: Format) -> Cow<'a, str> {
        self.text(match format {
            Format::Online => "common-format-online",
            Format::InPerson => "common-format-in_person",
            Format::RequiresTravel => "common-format-requires_travel",
        })
    }

    pub fn formats(&self, formats: &[Format]) -> String {
        self.list(formats.iter().map(|f| self.format(*f)))
    }

    /// "within 2 hours", "within 3 days", "within 2 weeks".
    pub fn response_time(&self, hours: u32) -> String {
        let (id, count) = response_unit(hours);
        self.text_with(id, &args([("count", count.into())]))
            .into_owned()
    }

    pub fn suggestion(&self, kind: SuggestionKind) -> Cow<'a, str> {
        self.text(match kind {
            SuggestionKind::WholeCountry => "suggest-whole-country",
            SuggestionKind::AnyLanguage => "suggest-any-language",
            SuggestionKind::AnyFormat => "suggest-any-format",
            SuggestionKind::AnyGroup => "suggest-any-group",
            SuggestionKind::WithoutFamily => "suggest-without-family",
            SuggestionKind::InternationalProviders => "suggest-international",
            SuggestionKind::OtherSupport => "suggest-other-support",
        })
    }
}

/// The message and number for a response time: hours up to two days, weeks when it
/// is a whole number of them from two weeks on, days otherwise.
fn response_unit(hours: u32) -> (&'static str, u32) {
    if hours < 48 {
        ("time-hours", hours)
    } else if hours < 24 * 14 || !hours.is_multiple_of(24 * 7) {
        ("time-days", hours.div_ceil(24))
    } else {
        ("time-weeks", hours / (24 * 7))
    }
}

/// A stable machine code for a reason, for API clients.
pub fn reason_code(reason: &Reason) -> (&'static str, Option<String>) {
    match reason {
        Reason::CoversCountry(c) => ("covers_country", Some(c.to_string())),
        Reason::CoversRegion(r) => ("covers_region", Some(r.to_string())),
        Reason::Worldwide => ("worldwide", None),
        Reason::ExileFrom(c) => ("exile_from", Some(c.to_string())),
        Reason::RemoteAreas => ("remote_areas", None),
        Reason::Support(s) => ("support", Some(s.to_string())),
        Reason::ServesGroup(g) => ("serves_group", Some(g.to_string())),
        Reason::ServesEveryone => ("serves_everyone", None),
        Reason::Language(l) => ("language", Some(l.to_string())),
        Reason::Format(f) => ("format", Some(f.as_str().to_owned())),
        Reason::FamilyEligible => ("family_eligible", None),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn response_times_read_naturally() {
        let localizer = Localizer::load().unwrap();
        let taxonomy = Taxonomy::built_in().unwrap();
        let words = Words::new(&localizer, Locale::ENGLISH, &taxonomy);
        assert_eq!(words.response_time(1), "within 1 hour");
        assert_eq!(words.response_time(24), "within 24 hours");
        assert_eq!(words.response_time(72), "within 3 days");
        assert_eq!(words.response_time(100), "within 5 days");
        assert_eq!(words.response_time(336), "within 2 weeks");
        assert_eq!(words.response_time(24 * 30), "within 30 days");
    }

    #[test]
    fn reasons_read_as_one_capitalised_line() {
        let localizer = Localizer::load().unwrap();
        let taxonomy = Taxonomy::built_in().unwrap();
        let words = Words::new(&localizer, Locale::ENGLISH, &taxonomy);
        let reasons = [
            Reason::CoversRegion(taxonomy.resolve(Vocabulary::Region, "KG-GB").unwrap()),
            Reason::Language(taxonomy.resolve(Vocabulary::Language, "ru").unwrap()),
        ];
        assert_eq!(
            words.reasons_line(&reasons),
            "covers Bishkek (Kyrgyzstan); works in Russian"
        );
    }
}
