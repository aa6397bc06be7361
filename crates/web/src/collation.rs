//! Lists sorted as a reader of their language expects (ICU's collation for the
//! page's language): "Åland Islands" beside "Albania", not after "Zimbabwe" as a
//! comparison of lower-cased code points puts it; Azerbaijani "Çin" after all of
//! "C", as its alphabet has it.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::Locale as IcuLocale;
use torchlight_i18n::Locale;

/// The collator of `locale`'s language; the root collation (the Unicode default)
/// should ICU know no tailoring for it.
fn collator(locale: Locale) -> Option<CollatorBorrowed<'static>> {
    let language: IcuLocale = locale.code().parse().ok()?;
    Collator::try_new((&language).into(), CollatorOptions::default())
        .or_else(|_| Collator::try_new(Default::default(), CollatorOptions::default()))
        .ok()
}

/// Sorts `items` by `label` in `locale`'s order; ties (and, should no collator
/// load, everything) fall back to the labels' code points, so the order is total.
pub fn sort_by_label<T>(locale: Locale, items: &mut [T], label: impl Fn(&T) -> &str) {
    let collator = collator(locale);
    items.sort_by(|a, b| {
        let (a, b) = (label(a), label(b));
        collator
            .as_ref()
            .map_or(Ordering::Equal, |collator| collator.compare(a, b))
            .then_with(|| a.cmp(b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(locale: &str, words: &[&str]) -> Vec<String> {
        let locale = Locale::from_code(locale).unwrap_or(Locale::ENGLISH);
        let mut words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        sort_by_label(locale, &mut words, |w| w.as_str());
        words
    }

    #[test]
    fn letters_with_marks_sort_beside_their_base_letter() {
        assert_eq!(
            sorted(
                "en",
                &[
                    "Zimbabwe",
                    "Åland Islands",
                    "Albania",
                    "Côte d’Ivoire",
                    "Cuba"
                ]
            ),
            [
                "Åland Islands",
                "Albania",
                "Côte d’Ivoire",
                "Cuba",
                "Zimbabwe"
            ]
        );
    }

    #[test]
    fn each_language_sorts_by_its_own_alphabet() {
        // Ukrainian: г, ґ, д; е, є; и, і, ї, й.
        assert_eq!(
            sorted(
                "uk",
                &[
                    "Їжак", "Ґава", "Іра", "Гора", "Єва", "Дім", "Ера", "Йорк", "Ирій"
                ]
            ),
            [
                "Гора", "Ґава", "Дім", "Ера", "Єва", "Ирій", "Іра", "Їжак", "Йорк"
            ]
        );
        // Azerbaijani: ç after every c, ə after e, ı before i.
        assert_eq!(
            sorted("az", &["Çin", "Cəbrayıl", "Ərəb", "Eston", "İran", "Irak"]),
            ["Cəbrayıl", "Çin", "Eston", "Ərəb", "Irak", "İran"]
        );
    }
}
