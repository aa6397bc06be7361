#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::args;

fn localizer() -> Localizer {
    Localizer::load().expect("the embedded messages load")
}

fn locale(code: &str) -> Locale {
    Locale::from_code(code).unwrap()
}

#[test]
fn english_messages_format_with_plurals_and_no_isolation_marks() {
    let l = localizer();
    let en = Locale::ENGLISH;
    assert_eq!(
        l.text_with(en, "time-hours", &args([("count", 1.into())])),
        "within 1 hour"
    );
    assert_eq!(
        l.text_with(en, "time-days", &args([("count", 3.into())])),
        "within 3 days"
    );
    let reason = l.text_with(en, "reason-covers", &args([("place", "Kyrgyzstan".into())]));
    assert_eq!(reason, "covers Kyrgyzstan");
    assert!(!reason.contains('\u{2068}'));
}

#[test]
fn a_missing_message_is_visible_not_english() {
    let l = localizer();
    for code in ["en", "ru"] {
        let text = l.text(locale(code), "no-such-message");
        assert_eq!(text, "⟦no-such-message⟧");
    }
    assert_eq!(
        l.attribute(Locale::ENGLISH, "home-title", "nope", None),
        "⟦home-title.nope⟧"
    );
}

/// Russian and Ukrainian have three plural forms for whole numbers: one (1, 21),
/// few (2, 22) and many (5, 11, 25).
#[test]
fn russian_and_ukrainian_plurals() {
    let l = localizer();
    let count = |code: &str, id: &str, n: i64| {
        l.text_with(locale(code), id, &args([("count", n.into())]))
            .into_owned()
    };
    let expect = [
        (
            "ru",
            "find-suggestion-count",
            [
                (1, "(1 услуга)"),
                (2, "(2 услуги)"),
                (5, "(5 услуг)"),
                (21, "(21 услуга)"),
            ],
        ),
        (
            "uk",
            "find-suggestion-count",
            [
                (1, "(1 послуга)"),
                (2, "(2 послуги)"),
                (5, "(5 послуг)"),
                (21, "(21 послуга)"),
            ],
        ),
        (
            "ru",
            "time-days",
            [(1, "1 день"), (2, "2 дня"), (5, "5 дней"), (21, "21 день")],
        ),
        (
            "uk",
            "time-days",
            [(1, "1 день"), (2, "2 дні"), (5, "5 днів"), (21, "21 день")],
        ),
        (
            "ru",
            "time-hours",
            [(1, "1 час"), (2, "2 часа"), (5, "5 часов"), (21, "21 час")],
        ),
        (
            "uk",
            "time-hours",
            [
                (1, "1 годину"),
                (2, "2 години"),
                (5, "5 годин"),
                (21, "21 годину"),
            ],
        ),
    ];
    for (code, id, cases) in expect {
        for (n, words) in cases {
            let text = count(code, id, n);
            assert!(
                text.contains(words),
                "{code} {id} with {n}: expected {words:?} in {text:?}"
            );
        }
    }
}

#[test]
fn vocabulary_labels_are_translated_or_fall_back_to_the_csv() {
    let l = localizer();
    let taxonomy = Taxonomy::built_in().unwrap();
    let en = Locale::ENGLISH;
    assert_eq!(
        l.label(en, &taxonomy, Vocabulary::Country, "KG"),
        "Kyrgyzstan"
    );
    assert_eq!(
        l.label(en, &taxonomy, Vocabulary::SupportType, "legal"),
        "Legal support"
    );
    assert!(!l
        .description(en, &taxonomy, Vocabulary::SupportType, "legal")
        .is_empty());
    assert_eq!(l.description(en, &taxonomy, Vocabulary::Country, "KG"), "");
    let ru = locale("ru");
    assert_eq!(
        l.label(ru, &taxonomy, Vocabulary::Country, "KG"),
        "Кыргызстан"
    );
    // A code added by a coalition's own file, untranslated: its file's label.
    let extension = torchlight_core::taxonomy::SourceFile {
        name: "support_types.csv".to_owned(),
        text: "code,label,description\nburial_costs,Burial costs,Help with a funeral.\n".to_owned(),
    };
    let extended = Taxonomy::load(&[extension]).unwrap();
    assert_eq!(
        l.label(ru, &extended, Vocabulary::SupportType, "burial_costs"),
        "Burial costs"
    );
    assert_eq!(
        l.description(ru, &extended, Vocabulary::SupportType, "burial_costs"),
        "Help with a funeral."
    );
    // An unknown code shows as itself.
    assert_eq!(l.label(ru, &taxonomy, Vocabulary::Country, "QQ"), "QQ");
}

#[test]
fn syntax_errors_name_the_file_and_line() {
    let text = "ok = fine\nother = also fine\nbroken = { $count ->\n  [one] x\n}\n";
    let error = parse(text, "xx/public.ftl").unwrap_err();
    let shown = error.to_string();
    assert!(shown.starts_with("locales/xx/public.ftl, line "), "{shown}");
    assert!(
        matches!(error, I18nError::Syntax { line, .. } if (3..=5).contains(&line)),
        "{shown}"
    );
}

#[test]
fn line_numbers_count_from_one() {
    assert_eq!(line_of("a\nb\nc", 0), 1);
    assert_eq!(line_of("a\nb\nc", 2), 2);
    assert_eq!(line_of("a\nb\nc", 99), 3);
}

/// Fluent knows the plural rules of every locale: with none, `[one]` would never be
/// chosen and "1 services" would slip through.
#[test]
fn every_locale_has_plural_rules() {
    for locale in Locale::all() {
        let id: LanguageIdentifier = locale.code().parse().unwrap();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(
            "n = { $n ->\n    [one] one\n   *[other] other\n}\n".to_owned(),
        )
        .unwrap();
        bundle.add_resource(resource).unwrap();
        let pattern = bundle.get_message("n").unwrap().value().unwrap();
        let mut errors = Vec::new();
        let one = bundle.format_pattern(pattern, Some(&args([("n", 1.into())])), &mut errors);
        assert_eq!(one, "one", "{locale}: no plural rules for 1 ({errors:?})");
    }
}
